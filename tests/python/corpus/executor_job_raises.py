# expect: ArithmeticError: bad sum
# at: 8
# then: click "Go"
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
def crunch():
    raise ArithmeticError('bad sum')
async def go(event):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, crunch)
button.on_click(go)
button.servable()
