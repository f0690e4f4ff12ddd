# Loads fine; an async task raises after an await.
import asyncio

import panel as pn

print('loaded')


async def fail_later():
    await asyncio.sleep(0.03)
    raise RuntimeError('raised from an async task')


pn.state.execute(fail_later)
