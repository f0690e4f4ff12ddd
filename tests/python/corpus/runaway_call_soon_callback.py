# expect: TimeoutError: interrupted
# at: 7
# limit: 200
import asyncio
import panel as pn
def spin():
    while True: pass
asyncio.get_running_loop().call_soon(spin)
pn.Row('spinning').servable()
