# expect: TimeoutError: interrupted
# at: 10
# limit: 200
import asyncio
import panel as pn
tasks = []
async def spin():
    await asyncio.sleep(0)
    n = 0
    while True: n += 1
tasks.append(asyncio.get_running_loop().create_task(spin()))
pn.Row('spinning').servable()
