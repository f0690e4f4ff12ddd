# expect: ZeroDivisionError
# at: 6
# then: click "Go"
import panel as pn
def handler(exc):
    print('handling', 1 / 0)
pn.config.exception_handler = handler
button = pn.widgets.Button(name='Go')
def go(event):
    raise ValueError('original')
button.on_click(go)
button.servable()
