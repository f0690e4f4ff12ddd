# expect: TimeoutError: interrupted
# at: 6
# limit: 200
import panel as pn
hoard = []
while True: hoard.append(len(hoard))
