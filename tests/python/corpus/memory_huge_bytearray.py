# expect: MemoryError
# at: 4
import panel as pn
buffer = bytearray(1 << 60)
