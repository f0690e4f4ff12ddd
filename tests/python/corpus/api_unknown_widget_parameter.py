# expect: strat
# at: 4
import panel as pn
slider = pn.widgets.IntSlider(name='Speed', strat=0, end=10)
