# expect: ValueError: level 3 is not allowed
# at: 8
# then: set "Level" 3
import panel as pn
level = pn.widgets.IntSlider(name='Level', start=0, end=10, value=1)
def describe(value):
    if value == 3:
        raise ValueError('level %d is not allowed' % value)
    return 'level %d' % value
pn.Column(level, pn.bind(describe, level)).servable()
