# A runaway loop in a callback: only --timeout (or the watchdog) ends it.
import panel as pn


def spin():
    while True:
        pass


print('start')
pn.state.execute(spin)
