# expect: LookupError: nothing to load
# at: 7
import asyncio
import panel as pn
async def load():
    await asyncio.sleep(0.005)
    raise LookupError('nothing to load')
pn.state.execute(load)
pn.Row('loading').servable()
