# expect: MemoryError
# at: 4
import panel as pn
rows = [0] * (1 << 62)
