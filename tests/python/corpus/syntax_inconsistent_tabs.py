# expect: TabError: inconsistent use of tabs and spaces
# at: 6
import panel as pn
def build():
    x = 1
	return x
