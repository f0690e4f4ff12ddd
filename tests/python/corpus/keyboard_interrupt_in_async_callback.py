# expect: KeyboardInterrupt
# at: 9
# then: click "Go"
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
async def go(event):
    await asyncio.sleep(0.001)
    raise KeyboardInterrupt()
button.on_click(go)
button.servable()
