# expect: SyntaxError
# at: 18
import asyncio
import panel as pn

button = pn.widgets.Button(name='Go')
text = pn.widgets.StaticText(name='Out')


async def go(event):
    await asyncio.sleep(0.01)
    text.value = 'done %d' % event.new


button.on_click(go)
layout = pn.Column(button, text)
layout.servable()
if True
    print('never')
