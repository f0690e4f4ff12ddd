# expect: TypeError: object int can't be used in 'await' expression
# at: 7
# then: click "Go"
import panel as pn
button = pn.widgets.Button(name='Go')
async def go(event):
    await 5
button.on_click(go)
button.servable()
