# expect: TypeError: expected a function as callback
# at: 7
import panel as pn
button = pn.widgets.Button(name='Go')
async def go(event):
    print('clicked')
button.on_click(go(None))
button.servable()
