# expect: no parameter 'vlue'
# at: 5
import panel as pn
slider = pn.widgets.IntSlider(name='Speed')
slider.param.watch(print, 'vlue')
