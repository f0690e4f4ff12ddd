# Never idle: a periodic callback that is never stopped.
import panel as pn

ticks = 0


def tick():
    global ticks
    ticks += 1


pn.state.add_periodic_callback(tick, period=50)
