# expect: the callback must be a function
# at: 4
import panel as pn
pn.state.add_periodic_callback(500)
