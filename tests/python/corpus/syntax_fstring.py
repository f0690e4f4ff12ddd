# expect: SyntaxError: f-string
# at: 5
import panel as pn
name = 'x'
label = f"{name!}"
