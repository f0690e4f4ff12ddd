# expect: ZeroDivisionError: division by zero
# at: 5
import panel as pn
def ratio(a, b):
    return a / b
pn.Row(str(ratio(1, 0))).servable()
