# expect: must accept one argument (the event)
# at: 6
# then: click "Go"
import panel as pn
button = pn.widgets.Button(name='Go')
button.on_click(lambda: print('clicked'))
button.servable()
