# expect: from_param
# at: 4
import panel as pn
slider = pn.widgets.IntSlider.from_param(None)
