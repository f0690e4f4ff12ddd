# expect: cannot import name 'HoverTool'
# at: 4
import panel as pn
from bokeh.models import HoverTool
