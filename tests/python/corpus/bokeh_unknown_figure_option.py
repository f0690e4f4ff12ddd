# expect: figure(): unknown option 'titel'
# at: 5
import panel as pn
from bokeh.plotting import figure
p = figure(titel='Prices')
