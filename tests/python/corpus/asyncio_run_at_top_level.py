# expect: RuntimeError
# at: 7
import asyncio
import panel as pn
async def main():
    await asyncio.sleep(0)
asyncio.run(main())
