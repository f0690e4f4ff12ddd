# expect: KeyError: 'speed'
# at: 6
import panel as pn
settings = {'rate': 1}
pn.Row('built').servable()
speed = settings['speed']
