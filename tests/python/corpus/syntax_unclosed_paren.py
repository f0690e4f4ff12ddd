# expect: SyntaxError: '(' was never closed
# at: 4
import panel as pn
pn.Row('a',
       'b'
x = 1
