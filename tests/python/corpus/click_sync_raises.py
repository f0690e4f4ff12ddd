# expect: KeyError: 'missing'
# at: 8
# then: click "Go"
import panel as pn
button = pn.widgets.Button(name='Go')
def go(event):
    data = {}
    print(data['missing'])
button.on_click(go)
button.servable()
