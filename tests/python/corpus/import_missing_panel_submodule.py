# expect: No module named 'panel.nope'
# at: 4
import panel as pn
import panel.nope
