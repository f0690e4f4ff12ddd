# expect: RecursionError: maximum recursion depth exceeded
# at: 5
import panel as pn
def depth(n):
    return depth(n + 1) + 1
depth(0)
