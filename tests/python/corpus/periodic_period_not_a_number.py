# expect: period must be a number of milliseconds
# at: 6
import panel as pn
def tick():
    pass
pn.state.add_periodic_callback(tick, period='fast')
