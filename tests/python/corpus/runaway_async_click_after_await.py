# expect: TimeoutError: interrupted
# at: 10
# then: click "Go"
# limit: 200
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
async def go(event):
    await asyncio.sleep(0.001)
    while True: pass
button.on_click(go)
button.servable()
