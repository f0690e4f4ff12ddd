# expect: SyntaxError: expected ':'
# at: 4
import panel as pn
def build()
    return pn.Row()
