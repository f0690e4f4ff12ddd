# expect: ModuleNotFoundError: No module named 'holoviews_extra'
# at: 4
import panel as pn
import holoviews_extra
