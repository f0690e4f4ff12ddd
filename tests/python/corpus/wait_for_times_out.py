# expect: TimeoutError
# at: 8
# then: click "Go"
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
async def go(event):
    await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
button.on_click(go)
button.servable()
