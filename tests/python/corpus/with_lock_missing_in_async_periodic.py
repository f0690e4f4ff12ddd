# expect: pn.io.with_lock
# at: 12
import asyncio
import panel as pn
from bokeh.models import ColumnDataSource
from bokeh.plotting import figure
source = ColumnDataSource(data={'x': [0], 'y': [0]})
p = figure(title='live')
p.line('x', 'y', source=source)
async def tick():
    await asyncio.sleep(0.001)
    source.data = {'x': [1], 'y': [2]}
pn.state.add_periodic_callback(tick, period=10, count=1)
pn.pane.Bokeh(p).servable()
