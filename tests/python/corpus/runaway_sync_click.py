# expect: TimeoutError: interrupted
# at: 9
# then: click "Go"
# limit: 200
import panel as pn
button = pn.widgets.Button(name='Go')
def go(event):
    n = 0
    while n >= 0: n += 1
button.on_click(go)
button.servable()
