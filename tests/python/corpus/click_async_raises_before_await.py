# expect: ValueError: no rows yet
# at: 8
# then: click "Go"
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
async def go(event):
    raise ValueError('no rows yet')
    await asyncio.sleep(0)
button.on_click(go)
button.servable()
