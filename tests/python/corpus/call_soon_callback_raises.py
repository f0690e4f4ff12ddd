# expect: TypeError: can only concatenate str
# at: 8
# then: click "Go"
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
def later(n):
    print('clicked ' + n)
async def go(event):
    asyncio.get_running_loop().call_soon(later, event.new)
button.on_click(go)
button.servable()
