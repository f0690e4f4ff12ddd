# expect: pn.io.with_lock expects a function
# at: 6
# then: click "Go"
import panel as pn
button = pn.widgets.Button(name='Go')
locked = pn.io.with_lock(42)
button.on_click(locked)
button.servable()
