# expect: RuntimeError: request failed
# at: 9
# then: click "Go"
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
async def go(event):
    await asyncio.sleep(0.01)
    raise RuntimeError('request failed')
button.on_click(go)
button.servable()
