# Prints from top level, a loop timer and an async task, writes to stderr once, then finishes.
import asyncio
import sys

import panel as pn

print('first line')
print('careful: this goes to stderr', file=sys.stderr)
asyncio.get_running_loop().call_later(0.02, print, 'from a timer')


async def later():
    await asyncio.sleep(0.04)
    print('after an await', {'answer': 42})


pn.state.execute(later)
print('last top-level line')
