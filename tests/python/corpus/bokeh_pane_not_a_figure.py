# expect: pn.pane.Bokeh expects a figure
# at: 4
import panel as pn
pn.pane.Bokeh(42).servable()
