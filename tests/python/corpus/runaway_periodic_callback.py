# expect: TimeoutError: interrupted
# at: 6
# limit: 200
import panel as pn
def tick():
    while True: pass
pn.state.add_periodic_callback(tick, period=10)
pn.Row('ticking').servable()
