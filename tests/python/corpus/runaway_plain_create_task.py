# expect: TimeoutError: interrupted
# at: 9
# then: click "Go"
# limit: 200
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
async def spin():
    while True: pass
async def go(event):
    asyncio.create_task(spin())
button.on_click(go)
button.servable()
