# expect: SyntaxError: cannot assign to function call
# at: 4
import panel as pn
pn.Row() = 3
