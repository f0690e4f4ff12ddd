# expect: ValueError: bad
# at: 4
import panel as pn
raise ValueError('bad \udcff byte in a message')
