# Exploring a live chart with Bokeh's tools. Drag to pan, use the wheel to
# zoom around the cursor, pick box zoom in the toolbar and drag a box (Escape
# cancels), hover for the nearest values, click a legend entry to hide its
# line; a zoomed view stays put while data streams in until you reset it
# (toolbar or double-click). The x axis follows the latest 400 points.
import random

import panel as pn
from bokeh.models import ColumnDataSource, DataRange1d
from bokeh.plotting import figure

cds = ColumnDataSource(data={'t': [], 'price': [], 'mean': []})
p = figure(title='Live price', width=700, height=320, x_axis_label='t',
           x_range=DataRange1d(follow='end', follow_interval=400))
p.line(x='t', y='price', source=cds, legend_label='price')
p.line(x='t', y='mean', source=cds, legend_label='moving mean', line_width=2)
p.legend.click_policy = 'hide'

state = {'t': 0, 'price': 100.0, 'mean': 100.0}

@pn.io.with_lock
async def tick():
    ts, prices, means = [], [], []
    for _ in range(5):
        state['price'] += random.gauss(0, 0.5)
        state['mean'] += (state['price'] - state['mean']) / 20
        ts.append(state['t'])
        prices.append(state['price'])
        means.append(state['mean'])
        state['t'] += 1
    cds.stream({'t': ts, 'price': prices, 'mean': means}, rollover=5000)

pn.state.add_periodic_callback(tick, period=50)
pn.Column(pn.pane.Bokeh(p)).servable()
