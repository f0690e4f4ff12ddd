"""panel's reactive functions: pn.bind, pn.depends, pn.panel (the pane
for any object), generator streaming and defer_load. Split from panel.py
for size; panel.py re-exports these names."""

import asyncio
import functools
import inspect
import sys

import panel as pn

def _user_parameter(arg):
    """Whether `arg` is a parameter of a user's param.Parameterized (the
    real param library; only scripts that import it can have one)."""
    param = sys.modules.get('param')
    return param is not None and isinstance(arg, param.Parameter) and arg.owner is not None


def _dependency(arg):
    if isinstance(arg, pn.Widget):
        return (arg._c, 'value', None)
    if isinstance(arg, pn._ParamRef):
        return (arg.owner._c, arg.name, None)
    if _user_parameter(arg):
        return (None, '', None)  # read live in _call; its watcher refreshes
    return (None, '', arg)


def _current(arg, value):
    """What the bound function gets for `arg` (C++ passed `value`)."""
    if _user_parameter(arg):
        return getattr(arg.owner, arg.name)
    return value


async def _streamed(generator):
    """A sync generator as an async one: each value shown in turn."""
    for value in generator:
        yield value
        await asyncio.sleep(0)


async def _appended(generator):
    """generator_mode='append': the values stack in one Column."""
    column = None
    async for value in generator:
        if column is None:
            column = pn.Column()
        column.append(value)
        yield column


class _Bound:
    """pn.bind's result: callable; laid out, a pane re-rendered on change."""

    def __init__(self, function, args, kwargs, watch=False, on_init=False, watched=(),
                 append=False, origin=None):
        self._function = function
        self._origin = origin or 'pn.bind(%s)' % pn._origin(function)
        self._args = list(args)
        self._keys = list(kwargs)
        self._args.extend(kwargs.values())
        # (user Parameterized, parameter name) pairs beyond the arguments:
        # a @param.depends method's dependencies.
        self._watched = list(dict.fromkeys(list(watched) + [
            (a.owner, a.name) for a in self._args if _user_parameter(a)]))
        self._append = append
        self._pane = None
        functools.update_wrapper(self, function)
        if watch:
            self._reactive(True, on_init)

    def _reactive(self, watch, on_init):
        ref = pn._qpanel.bind(self._call, [_dependency(a) for a in self._args], watch, on_init,
                           self._origin)
        if self._watched:
            import qpanel_param
            qpanel_param.refresh_on_change(ref, self._watched)
        return ref

    def _invoke(self, values):
        values = [_current(a, v) for a, v in zip(self._args, values)]
        positional = len(values) - len(self._keys)
        return self._function(*values[:positional], **dict(zip(self._keys, values[positional:])))

    def _call(self, *values):
        """What the pane runs: generators stream their values."""
        result = self._invoke(values)
        if inspect.isgenerator(result):
            result = _streamed(result)
        if self._append and inspect.isasyncgen(result):
            result = _appended(result)
        return result

    def __call__(self):
        return self._invoke([a.value if isinstance(a, pn.Widget) else
                             a.owner._c.get(a.name) if isinstance(a, pn._ParamRef) else a
                             for a in self._args])

    @property
    def _c(self):
        if self._pane is None:
            self._pane = self._reactive(False, True).pane()
        return self._pane


def bind(function, *args, watch=False, **kwargs):
    """Panel's pn.bind: re-runs `function` when a widget argument (or a
    parameter, `obj.param.x`) changes."""
    if not callable(function):
        raise TypeError('pn.bind: the first argument must be a function')
    return _Bound(function, args, kwargs, watch=watch, on_init=watch)


def depends(*dependencies, watch=False, on_init=False, **kw):
    """Panel's pn.depends as a decorator: widgets or obj.param.x for
    functions; parameter names for methods of a param.Parameterized (then
    it is param.depends itself)."""
    if any(isinstance(dep, str) for dep in list(dependencies) + list(kw.values())):
        import param
        return param.depends(*dependencies, watch=watch, on_init=on_init, **kw)

    def decorate(function):
        return _Bound(function, dependencies, kw, watch=watch, on_init=on_init)
    return decorate


def panel(obj, defer_load=False, generator_mode='replace', **params):
    """Panel's pn.panel: the pane that shows `obj`. defer_load=True shows a
    function's pane loading and runs it once the app is shown."""
    if generator_mode not in ('replace', 'append'):
        raise ValueError("pn.panel: generator_mode must be 'replace' or 'append', got %r"
                         % (generator_mode,))
    shown = _pane_of(obj, defer_load, generator_mode == 'append')
    pn._apply_options(shown, params, 'pn.panel')
    return shown


def _pane_of(obj, defer_load, append):
    if isinstance(obj, pn.Viewable):
        return obj
    if isinstance(obj, _Bound):
        if defer_load or append:
            return pn._wrap(_Bound(_deferred(obj._call) if defer_load else obj._call, obj._args, {},
                                watched=obj._watched, append=append, origin=obj._origin)._c)
        return pn._wrap(obj._c)
    if hasattr(obj, '_f'):
        return pn.Bokeh(obj)
    if 'param' in sys.modules:
        import qpanel_param
        shown = qpanel_param.pane_of(obj, defer_load, append)
        if shown is not None:
            return shown
    if hasattr(obj, '__panel__') and not isinstance(obj, type):
        return panel(obj.__panel__())
    if callable(obj) and not isinstance(obj, type):
        return pn._wrap(_Bound(_deferred(obj) if defer_load else obj, (), {}, append=append)._c)
    try:
        return pn._qpanel.panel(obj)
    except (TypeError, ValueError):
        return pn.pane.Str(repr(obj))


def _deferred(function):
    """defer_load: the first run waits until the app is shown (a task, so
    the pane shows loading meanwhile); later runs are the function itself."""
    first = [True]

    @functools.wraps(function)
    def call(*args, **kwargs):
        if not first[0]:
            return function(*args, **kwargs)
        first[0] = False

        async def later():
            await asyncio.sleep(0)
            result = function(*args, **kwargs)
            return await result if inspect.isawaitable(result) else result
        return later()
    return call
