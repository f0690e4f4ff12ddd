# expect: SyntaxError: nonlocal declaration not allowed
# at: 4
import panel as pn
nonlocal count
