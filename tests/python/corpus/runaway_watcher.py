# expect: TimeoutError: interrupted
# at: 8
# then: set "Level" 4
# limit: 200
import panel as pn
level = pn.widgets.IntSlider(name='Level', start=0, end=10)
def spin(event):
    while True: pass
level.param.watch(spin, 'value')
level.servable()
