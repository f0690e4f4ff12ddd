# expect: TypeError: expected a function as callback
# at: 5
import panel as pn
button = pn.widgets.Button(name='Go')
button.on_click('go')
