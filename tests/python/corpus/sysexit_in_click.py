# expect: sys.exit(2) ended this app
# at: 8
# then: click "Go"
import sys
import panel as pn
button = pn.widgets.Button(name='Go')
def go(event):
    sys.exit(2)
button.on_click(go)
button.servable()
