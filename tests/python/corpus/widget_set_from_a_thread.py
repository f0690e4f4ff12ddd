# expect: only be used on the GUI thread
# at: 8
# then: click "Go"
import threading
import panel as pn
text = pn.widgets.StaticText(name='Out')
def work():
    text.value = 'from a thread'
button = pn.widgets.Button(name='Go')
async def go(event):
    import asyncio
    await asyncio.to_thread(work)
button.on_click(go)
pn.Column(button, text).servable()
