# expect: cannot import name 'TapTool'
# at: 4
import panel as pn
from bokeh.models import TapTool
