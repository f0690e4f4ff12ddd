# expect: pn.Grid does not exist
# at: 4
import panel as pn
grid = pn.Grid('a', 'b')
