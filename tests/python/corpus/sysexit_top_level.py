# expect: sys.exit(0) ended this app
# at: 6
import sys
import panel as pn
pn.Row('kept').servable()
sys.exit(0)
