# expect: IntSlider has no parameter 'vale'
# at: 5
import panel as pn
slider = pn.widgets.IntSlider(name='Speed')
slider.vale = 3
