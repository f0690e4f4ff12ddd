# expect: AttributeError
# at: 6
import asyncio
import panel as pn
def later():
    None.refresh()
asyncio.get_event_loop().call_later(0.005, later)
pn.Row('waiting').servable()
