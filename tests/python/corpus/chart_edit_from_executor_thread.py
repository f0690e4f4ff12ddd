# expect: only be used on the GUI thread
# at: 13
# then: click "Go"
import asyncio
import panel as pn
from bokeh.models import ColumnDataSource
from bokeh.plotting import figure
source = ColumnDataSource(data={'x': [0], 'y': [0]})
p = figure(title='live')
p.line('x', 'y', source=source)
button = pn.widgets.Button(name='Go')
def add_point():
    source.stream({'x': [1], 'y': [1]})
@pn.io.with_lock
async def go(event):
    await asyncio.get_running_loop().run_in_executor(None, add_point)
button.on_click(go)
pn.Column(button, pn.pane.Bokeh(p)).servable()
