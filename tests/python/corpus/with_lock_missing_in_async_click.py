# expect: pn.io.with_lock
# at: 14
# then: click "Go"
import asyncio
import panel as pn
from bokeh.models import ColumnDataSource
from bokeh.plotting import figure
source = ColumnDataSource(data={'x': [0], 'y': [0]})
p = figure(title='live')
p.line('x', 'y', source=source)
button = pn.widgets.Button(name='Go')
async def go(event):
    await asyncio.sleep(0.001)
    source.stream({'x': [1], 'y': [1]})
button.on_click(go)
pn.Column(button, pn.pane.Bokeh(p)).servable()
