# expect: TimeoutError: interrupted
# at: 9
# then: click "Go"
# limit: 200
import time
import panel as pn
button = pn.widgets.Button(name='Go')
def go(event):
    time.sleep(30)
button.on_click(go)
button.servable()
