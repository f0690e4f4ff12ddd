# expect: TimeoutError: interrupted
# at: 8
# limit: 200
import asyncio
import panel as pn
def spin(label):
    total = 0
    while label: total += 1
asyncio.get_running_loop().call_later(0.01, spin, 'spinning')
pn.Row('waiting').servable()
