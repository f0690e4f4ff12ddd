# expect: KeyboardInterrupt
# at: 4
import panel as pn
raise KeyboardInterrupt
