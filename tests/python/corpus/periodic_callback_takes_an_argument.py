# expect: must accept no arguments
# at: 6
import panel as pn
def tick(event):
    print(event)
pn.state.add_periodic_callback(tick, period=50)
