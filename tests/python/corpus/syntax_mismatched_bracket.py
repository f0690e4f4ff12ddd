# expect: SyntaxError: closing parenthesis ')' does not match
# at: 4
import panel as pn
values = [1, 2, 3)
