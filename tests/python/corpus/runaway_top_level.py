# expect: TimeoutError: interrupted
# at: 5
# limit: 200
import panel as pn
while True: pass
