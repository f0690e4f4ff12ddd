# A valid async app: --check compiles it without running any of it.
import asyncio

import panel as pn

print('top level ran')


async def later():
    await asyncio.sleep(0.01)
    print('later ran')


pn.state.execute(later)
