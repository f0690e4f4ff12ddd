# expect: sys.exit('done') ended this app
# at: 8
import asyncio
import sys
import panel as pn
async def tick():
    await asyncio.sleep(0)
    sys.exit('done')
pn.state.add_periodic_callback(tick, period=10)
pn.Row('ticking').servable()
