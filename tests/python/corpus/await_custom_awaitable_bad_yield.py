# expect: bad yield
# at: 7
# then: click "Go"
import panel as pn
class Odd:
    def __await__(self):
        yield 42
button = pn.widgets.Button(name='Go')
async def go(event):
    await Odd()
button.on_click(go)
button.servable()
