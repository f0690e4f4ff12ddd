# A syntax error on line 6 (a missing closing parenthesis).
import asyncio
print('top level ran')

async def broken():
    await asyncio.sleep(0.01
