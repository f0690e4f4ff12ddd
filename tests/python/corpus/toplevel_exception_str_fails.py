# expect: Broken
# at: 7
import panel as pn
class Broken(Exception):
    def __str__(self):
        raise RuntimeError('no text')
raise Broken()
