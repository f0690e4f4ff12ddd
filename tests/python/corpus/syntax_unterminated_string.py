# expect: SyntaxError: unterminated string literal
# at: 4
import panel as pn
title = 'Dashboard
pn.Row(title).servable()
