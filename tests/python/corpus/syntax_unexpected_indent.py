# expect: IndentationError: unexpected indent
# at: 5
import panel as pn
x = 1
    y = 2
