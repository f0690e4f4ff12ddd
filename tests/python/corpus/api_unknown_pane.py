# expect: pn.pane.Vega does not exist
# at: 4
import panel as pn
chart = pn.pane.Vega({})
