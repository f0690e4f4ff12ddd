# expect: pn.widgets.Buton does not exist
# at: 4
import panel as pn
button = pn.widgets.Buton(name='Go')
