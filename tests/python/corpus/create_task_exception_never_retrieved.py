# expect: OSError: disk on fire
# at: 9
# then: click "Go"
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
async def background():
    await asyncio.sleep(0.001)
    raise OSError('disk on fire')
async def go(event):
    asyncio.create_task(background())
button.on_click(go)
button.servable()
