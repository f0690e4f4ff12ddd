# expect: nothing
# then: click "Go"
# then: click "Go"
# then: close
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
async def go(event):
    try:
        await asyncio.sleep(30)
    finally:
        print('finally', event.new)
button.on_click(go)
pn.state.add_periodic_callback(lambda: None, period=5)
button.servable()
