# expect: IndexError
# at: 9
# then: set "Level" 7
import asyncio
import panel as pn
level = pn.widgets.IntSlider(name='Level', start=0, end=10, value=1)
async def show(event):
    await asyncio.sleep(0.001)
    print([1, 2, 3][event.new])
level.param.watch(show, 'value')
level.servable()
