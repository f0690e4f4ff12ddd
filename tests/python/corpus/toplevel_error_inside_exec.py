# expect: ZeroDivisionError
# at: 5
import panel as pn
code = 'x = 1 / 0'
exec(code)
