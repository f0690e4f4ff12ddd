# expect: value
# at: 4
import panel as pn
slider = pn.widgets.IntSlider(name='Speed', start=0, end=10, value='fast')
