# expect: SyntaxError: 'await' outside function
# at: 5
import asyncio
import panel as pn
await asyncio.sleep(1)
