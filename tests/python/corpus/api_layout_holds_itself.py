# expect: a layout cannot hold itself
# at: 5
import panel as pn
row = pn.Row('a')
row.append(row)
row.servable()
