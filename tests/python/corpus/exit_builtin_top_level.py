# expect: sys.exit() ended this app
# at: 5
import panel as pn
pn.Row('kept').servable()
exit()
