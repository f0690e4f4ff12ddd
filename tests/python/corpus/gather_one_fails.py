# expect: ValueError: second failed
# at: 10
# then: click "Go"
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
async def job(n):
    await asyncio.sleep(0.001 * n)
    if n == 2:
        raise ValueError('second failed')
    return n
async def go(event):
    print(await asyncio.gather(job(1), job(2), job(3)))
button.on_click(go)
button.servable()
