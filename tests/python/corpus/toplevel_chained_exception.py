# expect: RuntimeError: could not parse the settings
# at: 7
import panel as pn
try:
    int('twelve')
except ValueError as e:
    raise RuntimeError('could not parse the settings') from e
