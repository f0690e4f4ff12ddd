# expect: TypeError
# at: 9
# then: click "Go"
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
async def fetch_rows(n):
    await asyncio.sleep(0.001)
    return 'rows: ' + n
async def go(event):
    print(await fetch_rows(event.new))
button.on_click(go)
button.servable()
