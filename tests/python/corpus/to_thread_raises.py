# expect: PermissionError: not allowed
# at: 8
# then: click "Go"
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
def work(n):
    raise PermissionError('not allowed')
async def go(event):
    await asyncio.to_thread(work, 3)
button.on_click(go)
button.servable()
