# expect: NameError
# at: 5
import panel as pn
def ready():
    print(not_defined_yet)
pn.state.onload(ready)
pn.Row('app').servable()
