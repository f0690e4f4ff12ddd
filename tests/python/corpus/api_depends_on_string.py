# expect: pn.depends
# at: 4
import panel as pn
@pn.depends('value')
def show(value):
    return value
