"""qpanel's Python runtime: runs app scripts, formats their errors, and makes
`import panel` / `import bokeh` resolve to qpanel's own modules (also when a
real Panel or Bokeh is installed). Loaded once per process by the C++ side."""

import ast
import importlib
import importlib.machinery
import io
import marshal
import os
import sys
import traceback
import types

import _qpanel

RESOURCE_ROOT = ':/qpanel/python/'

# Module name -> resource file. Submodules that are attributes of their
# package (panel.widgets, bokeh.models, ...) are aliases of the package's
# objects, set up by the package itself.
_MODULES = {
    'panel': 'panel.py',
    'bokeh': 'bokeh.py',
    # panel's own parts, split for size: param.Parameterized integration.
    'qpanel_reactive': 'qpanel_reactive.py',
    'qpanel_param': 'qpanel_param.py',
}


def identity(value):
    return value


def run_param_coroutine(function):
    """param's async_executor: a coroutine watcher of a user's Parameterized
    (obj.param.watch(async_fn), @param.depends(..., watch=True)) runs as a
    qpanel task, as Panel runs it on its loop."""
    import panel
    panel._spawn_detached(function)


async def next_step(generator):
    """One step of an async generator: (done, value)."""
    try:
        return False, await generator.__anext__()
    except StopAsyncIteration:
        return True, None


# The finder and loaders follow importlib's protocols without its abc base
# classes: importing importlib.abc (importlib.resources, pathlib, typing, ...)
# was a tenth of a Python app's start.
class _ParamLoader:
    """Debian's param, imported as usual, then given qpanel's async
    executor (param is imported only by scripts that use it: it costs
    ~200 ms)."""

    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        module.parameterized.async_executor = run_param_coroutine


class _Finder:
    """Serves qpanel's panel and bokeh from the Qt resources."""

    def find_spec(self, fullname, path=None, target=None):
        top = fullname.split('.')[0]
        if fullname == 'param':
            spec = importlib.machinery.PathFinder.find_spec(fullname, path)
            if spec is not None and spec.loader is not None:
                spec.loader = _ParamLoader(spec.loader)
            return spec
        if top not in _MODULES:
            return None
        if fullname != top:
            # panel.widgets, bokeh.plotting, ...: made by the package.
            package = importlib.import_module(top)
            module = getattr(package, '_submodules', {}).get(fullname)
            if module is None:
                return None
            return importlib.machinery.ModuleSpec(fullname, _Alias(module))
        return importlib.machinery.ModuleSpec(fullname, self, origin=RESOURCE_ROOT + _MODULES[top],
                                              is_package=True)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        path = module.__spec__.origin
        module.__file__ = path
        exec(_bundled_code(path), module.__dict__)


def _bundled_code(path):
    """A bundled module's code: the build's precompiled one (app/python/
    precompile.py) when this Python reads it, else compiled from the source."""
    compiled = _qpanel.resource(path + 'c')
    if compiled is not None and compiled[:4] == importlib._bootstrap_external.MAGIC_NUMBER:
        return marshal.loads(memoryview(compiled)[4:])
    source = _qpanel.resource(path)
    if source is None:
        raise ImportError('qpanel: missing resource ' + path)
    return compile(source, path, 'exec')


class _Alias:
    def __init__(self, module):
        self._module = module

    def create_module(self, spec):
        return self._module

    def exec_module(self, module):
        pass


class _ConsoleStream(io.TextIOBase):
    """print() output goes to the running app's Console (and so to stderr
    or stdout in headless runs), by lines."""

    def __init__(self, error):
        self._error = error

    def writable(self):
        return True

    def write(self, text):
        _qpanel.write(self._error, text)
        return len(text)

    def flush(self):
        pass

    @property
    def encoding(self):
        return 'utf-8'


def install():
    for name in list(sys.modules):
        if name.split('.')[0] in _MODULES:
            del sys.modules[name]
    sys.meta_path.insert(0, _Finder())
    sys.stdout = _ConsoleStream(False)
    sys.stderr = _ConsoleStream(True)


def _is_user(filename, folder):
    if not filename or not folder:
        return False
    return os.path.abspath(filename).startswith(os.path.join(folder, ''))


# Deep recursion: the first and last frames tell the story; thousands of
# alternating ones would bury it (the Console shows the stack).
_STACK_HEAD, _STACK_TAIL = 5, 10


def _text(value):
    """Text C++ can take: a lone surrogate (from bad bytes) becomes an escape."""
    return value.encode('utf-8', 'backslashreplace').decode('utf-8')


def _format_frames(frames):
    if len(frames) <= _STACK_HEAD + _STACK_TAIL:
        return ''.join(traceback.format_list(frames))
    hidden = len(frames) - _STACK_HEAD - _STACK_TAIL
    return (''.join(traceback.format_list(frames[:_STACK_HEAD])) +
            '  ... %d more frames ...\n' % hidden +
            ''.join(traceback.format_list(frames[-_STACK_TAIL:])))


def describe(exc, folder):
    """(message, file, line, stack, is_system_exit) for an exception, placed
    at the deepest frame in the user's own files."""
    frames = traceback.extract_tb(exc.__traceback__)
    user = [f for f in frames if _is_user(f.filename, folder)]
    filename, line = '', 0
    if isinstance(exc, SyntaxError) and _is_user(exc.filename, folder):
        filename, line = exc.filename, exc.lineno or 0
    elif user:
        filename, line = user[-1].filename, user[-1].lineno
    if isinstance(exc, SystemExit):
        code = exc.code
        message = 'sys.exit(%s) ended this app' % ('' if code is None else repr(code))
    else:
        message = traceback.format_exception_only(type(exc), exc)[-1].strip()
    stack = ''
    if user:
        stack = 'Traceback (most recent call last):\n' + _format_frames(user) + message
    return _text(message), _text(filename), line, _text(stack), isinstance(exc, SystemExit)


def asyncio_owner(context):
    """The owner token (asyncioloop.py) of the app an asyncio error report is
    about: the failing handle's, the failed task's, else the one running now."""
    glue = sys.modules.get('_qpanel_asyncio')
    if glue is None:
        return None
    future = context.get('future') or context.get('task')
    # A handle knows its Context, and so does qpanel's own Task (get_context):
    # asked first, because a task reported from the garbage collector is no
    # longer in the weak _owned_tasks (gc clears weak references first).
    for carrier in (context.get('handle'), future):
        carrier_context = None if carrier is None else glue.context_of(carrier)
        if carrier_context is not None and carrier_context.get(glue.owner_var) is not None:
            return carrier_context.get(glue.owner_var)
    loop = glue._loop
    if future is not None and loop is not None:
        for token, owned in list(loop._owned_tasks.items()):
            if future in owned:
                return token
    return glue.owner_var.get()


def _refresh_environ():
    """os.environ as the process has it now: the interpreter lives as long
    as qpanel, and a script (re)loaded later sees today's environment."""
    current = _qpanel.environ()
    for key in [k for k in os.environ if k not in current]:
        del os.environ[key]
    for key, value in current.items():
        if os.environ.get(key) != value:
            os.environ[key] = value


def run_script(source, filename, namespace):
    """Runs an app script as __main__ would. Returns the value of its last
    top-level expression (notebook style), or None."""
    _refresh_environ()
    tree = ast.parse(source, filename, 'exec')
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, filename, 'exec'), namespace)
    if last is not None:
        return eval(compile(last, filename, 'eval'), namespace)
    return None


def new_namespace(filename):
    module = types.ModuleType('__main__')
    module.__file__ = filename
    module.__builtins__ = __builtins__
    return module.__dict__
