"""Build step: compiles one of qpanel's bundled Python modules to a code
object, marshalled behind this Python's magic number (what a .pyc holds,
without its header's source stamp: the build regenerates it with the
source). qpanel loads it instead of compiling the module at every start,
when the embedded Python has the same magic number.

usage: precompile.py SOURCE.py FILENAME_IN_TRACEBACKS OUTPUT"""
import importlib.util
import marshal
import sys

source, filename, output = sys.argv[1:]
with open(source, 'rb') as f:
    code = compile(f.read(), filename, 'exec', dont_inherit=True)
with open(output, 'wb') as f:
    f.write(importlib.util.MAGIC_NUMBER + marshal.dumps(code))
