# expect: NameError: name 'conter' is not defined
# at: 7
import panel as pn
counter = 0
def tick():
    global counter
    counter = conter + 1
pn.state.add_periodic_callback(tick, period=10, count=3)
pn.Row('ticking').servable()
