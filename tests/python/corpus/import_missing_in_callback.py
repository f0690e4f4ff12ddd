# expect: ModuleNotFoundError: No module named 'plotting_lib'
# at: 9
# then: click "Go"
import asyncio
import panel as pn
button = pn.widgets.Button(name='Go')
async def go(event):
    await asyncio.sleep(0)
    import plotting_lib
button.on_click(go)
button.servable()
