# expect: must accept one argument
# at: 7
import panel as pn
slider = pn.widgets.IntSlider(name='Level')
def show(old, new):
    print(old, new)
slider.param.watch(show, 'value')
