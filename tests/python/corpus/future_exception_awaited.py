# expect: ConnectionError: peer went away
# at: 10
# then: click "Go"
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
async def go(event):
    future = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.001, future.set_exception, ConnectionError('peer went away'))
    await future
button.on_click(go)
button.servable()
