# expect: ZeroDivisionError
# at: 7
# then: set "Level" 5
import panel as pn
level = pn.widgets.IntSlider(name='Level', start=0, end=10, value=1)
def show(event):
    print(10 // (event.new - 5))
level.param.watch(show, 'value')
level.servable()
