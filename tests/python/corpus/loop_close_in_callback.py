# expect: RuntimeError
# at: 8
# then: click "Go"
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
async def go(event):
    asyncio.get_running_loop().close()
button.on_click(go)
button.servable()
