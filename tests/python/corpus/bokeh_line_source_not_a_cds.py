# expect: source must be a ColumnDataSource
# at: 6
import panel as pn
from bokeh.plotting import figure
p = figure(title='Prices')
p.line('x', 'y', source={'x': [1], 'y': [2]})
