# expect: ImportError: cannot import name 'Dashboard'
# at: 3
from panel import Dashboard
