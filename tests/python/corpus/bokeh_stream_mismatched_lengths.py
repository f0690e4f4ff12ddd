# expect: Error
# at: 6
import panel as pn
from bokeh.models import ColumnDataSource
source = ColumnDataSource(data={'x': [0], 'y': [0]})
source.stream({'x': [1, 2], 'y': [1]})
