# expect: NameError: name 'missing_label' is not defined
# at: 7
import panel as pn
pn.Column(
    'a',
    'b',
    missing_label,
).servable()
