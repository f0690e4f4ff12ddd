# expect: NameError: name 'undefined_widget' is not defined
# at: 5
import panel as pn
slider = pn.widgets.IntSlider(name='Speed')
pn.Row(slider, undefined_widget).servable()
