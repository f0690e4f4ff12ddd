# expect: RecursionError
# at: 8
# then: click "Go"
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
def walk(node):
    return walk([node])
async def go(event):
    await asyncio.sleep(0)
    walk(None)
button.on_click(go)
button.servable()
