# expect: SyntaxError: 'return' outside function
# at: 5
import panel as pn
row = pn.Row()
return row
