# expect: AttributeError
# at: 8
import asyncio
import panel as pn
level = pn.widgets.IntSlider(name='Level', start=0, end=10, value=1)
async def describe(value):
    await asyncio.sleep(0.001)
    return value.upper()
pn.Column(level, pn.bind(describe, level)).servable()
