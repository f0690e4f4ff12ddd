# expect: MemoryError
# at: 7
# then: click "Go"
import panel as pn
button = pn.widgets.Button(name='Go')
def go(event):
    blob = b'x' * (1 << 60)
button.on_click(go)
button.servable()
