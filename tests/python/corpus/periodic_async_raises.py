# expect: ValueError: sensor offline
# at: 7
import asyncio
import panel as pn
async def tick():
    await asyncio.sleep(0.001)
    raise ValueError('sensor offline')
pn.state.add_periodic_callback(tick, period=10, count=2)
pn.Row('ticking').servable()
