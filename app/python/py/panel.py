"""qpanel's `panel`: HoloViz Panel 1.4's names and signatures over qpanel's
C++ components (the `_qpanel` module). Only what qpanel offers is here;
other names fail with a message listing what exists."""

import asyncio
import contextvars
import functools
import inspect
import os
import sys
import types
import weakref

import _qpanel

__version__ = '1.4.0+qpanel'

_WIDGET, _INDICATOR, _PANE, _LAYOUT = range(4)
# Panel's layout options that qpanel's components may not have: accepted.
_LAYOUT_OPTIONS = {'sizing_mode', 'align', 'margin', 'min_width', 'min_height', 'max_width',
                   'max_height', 'css_classes', 'styles', 'stylesheets', 'design', 'tags',
                   'width_policy', 'height_policy', 'aspect_ratio'}

_wrappers = weakref.WeakValueDictionary()  # component id -> its Python wrapper
_classes = {}                              # C++ type name -> wrapper class


# -- callbacks -----------------------------------------------------------

def _unwrapped(fn):
    fn = getattr(fn, '_qpanel_wrapped', fn)
    while isinstance(fn, functools.partial):
        fn = fn.func
    return inspect.unwrap(fn) if callable(fn) else fn


def _is_async(fn):
    target = _unwrapped(fn)
    return (inspect.iscoroutinefunction(target) or inspect.iscoroutinefunction(fn)
            or inspect.iscoroutinefunction(getattr(target, '__call__', None)))


def _origin(fn):
    """The callback's name and file:line (the Tasks dock shows it)."""
    target = _unwrapped(fn)
    code = getattr(target, '__code__', None)
    name = getattr(target, '__qualname__', None) or getattr(target, '__name__', None) or repr(target)
    if code is None:
        return name
    return '%s (%s:%d)' % (name, code.co_filename, code.co_firstlineno)


def _require_arguments(fn, count, what):
    """A callback that cannot take `count` positional arguments fails where
    it is registered (the user's line), not later with no line at all."""
    try:
        signature = inspect.signature(getattr(fn, '_qpanel_wrapped', fn))
    except (TypeError, ValueError):
        return  # no signature to read (some builtins): called as it is
    try:
        signature.bind(*([None] * count))
    except TypeError as e:
        raise TypeError('%s: the callback %s must accept %s (%s)' % (
            what, _origin(fn), 'one argument (the event)' if count == 1 else 'no arguments',
            e)) from None


async def _awaited(awaitable):
    return await awaitable


def _dispatcher(fn, origin, exclusive=False, concurrency_limit=None):
    """How a trigger runs `fn`: sync ones at once (inside the set, holding
    the document lock), async ones as a qpanel task each."""
    if not callable(fn):
        raise TypeError('expected a function as callback, got %r' % (fn,))
    with_lock = getattr(fn, '_qpanel_with_lock', False)
    policy = None
    if exclusive:
        policy = _qpanel.Policy('exclusive')
    elif concurrency_limit:
        policy = _qpanel.Policy('limit', int(concurrency_limit))
    if _is_async(fn) or with_lock or policy is not None:
        target = getattr(fn, '_qpanel_wrapped', fn)
        return lambda *args: _qpanel.spawn(target, args, origin, with_lock, policy)

    def call(*args):
        result = fn(*args)
        # Most watchers return None: skip asking inspect (a hot path, each set).
        if result is not None and inspect.isawaitable(result):
            _qpanel.spawn(_awaited, (result,), origin)
        return result
    return call


def _spawn_detached(fn, *args):
    """Runs `fn(*args)` (a coroutine function, or a partial of one) as a task."""
    return _qpanel.spawn(fn, args, _origin(fn))


class Event:
    """What a watcher receives (param's Event)."""
    __slots__ = ('name', 'old', 'new', 'obj', 'type', 'what', 'cls')

    def __init__(self, name, old, new, obj, type, what='value'):
        self.name, self.old, self.new, self.obj, self.type, self.what = name, old, new, obj, type, what
        self.cls = obj.__class__ if obj is not None else None

    def __repr__(self):
        return 'Event(what=%r, name=%r, obj=%r, cls=%r, old=%r, new=%r, type=%r)' % (
            self.what, self.name, self.obj, self.cls, self.old, self.new, self.type)


class Watcher:
    __slots__ = ('inst', 'fn', 'mode', 'onlychanged', 'parameter_names', 'what', 'queued',
                 'precedence', '_id')

    def __init__(self, inst, fn, onlychanged, names, id):
        self.inst, self.fn, self.mode, self.onlychanged = inst, fn, 'args', onlychanged
        self.parameter_names, self.what, self.queued, self.precedence = tuple(names), 'value', False, 0
        self._id = id

    def __repr__(self):
        return 'Watcher(inst=%r, fn=%r, parameter_names=%r)' % (self.inst, self.fn, self.parameter_names)


class _ParamRef:
    """obj.param.<name>: a parameter of a component (pn.bind dependencies)."""

    def __init__(self, owner, name):
        self.owner, self.name = owner, name

    def __repr__(self):
        return '<Parameter %r of %r>' % (self.name, self.owner)


class _Param:
    """obj.param: watch, unwatch, trigger, update, values, parameters."""

    def __init__(self, owner):
        self._owner = owner

    def _names(self):
        return self._owner._c.param_names()

    def watch(self, fn, parameter_names, what='value', onlychanged=True, queued=False,
              precedence=0, *, exclusive=False, concurrency_limit=None):
        owner = self._owner
        names = [parameter_names] if isinstance(parameter_names, str) else list(parameter_names)
        for name in names:
            if not owner._c.has_param(name):
                raise ValueError('%s.param.watch: no parameter %r (parameters: %s)' % (
                    type(owner).__name__, name, ', '.join(self._names())))
        origin = _origin(fn)
        dispatch = _dispatcher(fn, origin, exclusive, concurrency_limit)
        if len(names) == 1:
            _require_arguments(fn, 1, '%s.param.watch' % type(owner).__name__)

        def relay(raw):
            if len(raw) == 1:  # one set: no comprehension (a new function each call on 3.11)
                name, old, new, kind = raw[0]
                dispatch(Event(name, old, new, owner, kind))
            else:
                dispatch(*[Event(name, old, new, owner, kind) for name, old, new, kind in raw])
        return Watcher(owner, fn, onlychanged, names, owner._c.watch(names, relay, onlychanged, origin))

    def unwatch(self, watcher):
        return self._owner._c.unwatch(watcher._id)

    def trigger(self, *names):
        for name in names:
            self._owner._c.trigger(name)

    def update(self, arg=None, **kwargs):
        values = dict(arg or {}, **kwargs)
        self._owner._c.update(values)

    def values(self):
        return {name: self._owner._c.get(name) for name in self._names()}

    def __iter__(self):
        return iter(self._names())

    def __contains__(self, name):
        return self._owner._c.has_param(name)

    def __getitem__(self, name):
        if not self._owner._c.has_param(name):
            raise KeyError(name)
        return _ParamRef(self._owner, name)

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        if self._owner._c.has_param(name):
            return _ParamRef(self._owner, name)
        raise AttributeError('%s has no parameter %r (parameters: %s)' % (
            type(self._owner).__name__, name, ', '.join(self._names())))


# -- components ----------------------------------------------------------

class Viewable:
    """A qpanel component seen from Python: its params are attributes."""
    _group = None
    _kind = None

    def __init__(self, **params):
        self._create(params)

    def _create(self, params):
        optional = {k: params.pop(k) for k in list(params) if k in _LAYOUT_OPTIONS}
        self._adopt(_qpanel.create(self._group, self._kind, params))
        for key, value in optional.items():
            setattr(self, key, value)

    def _adopt(self, ref):
        object.__setattr__(self, '_c', ref)
        _wrappers[ref.id] = self

    @property
    def param(self):
        return _Param(self)

    def __getattr__(self, name):
        c = self.__dict__.get('_c')
        if c is not None and not name.startswith('_') and c.has_param(name):
            return c.get(name)
        if name in _LAYOUT_OPTIONS:
            return self.__dict__.get('_options', {}).get(name)
        raise AttributeError('%s has no attribute %r (parameters: %s)' % (
            type(self).__name__, name, ', '.join(c.param_names()) if c is not None else '-'))

    def __setattr__(self, name, value):
        if name[:1] == '_':
            object.__setattr__(self, name, value)
        elif self._c.set_if_param(name, value):  # one call: the hot path of `w.value = x`
            pass
        elif name in _LAYOUT_OPTIONS:
            self._c.set_layout_option(name, value)  # warns once if Qt cannot show it
            self.__dict__.setdefault('_options', {})[name] = value
        else:
            raise AttributeError('%s has no parameter %r (parameters: %s)' % (
                type(self).__name__, name, ', '.join(self._c.param_names())))

    def servable(self, title=None, location=True, area='main', target=None):
        self._c.servable(title or '')
        return self

    def __panel__(self):
        return self

    def link(self, target, callbacks=None, bidirectional=False, **links):
        """Panel's link: `source.link(target, value='object')` copies this
        widget's `value` to `target.object` on every change;
        `callbacks={'value': fn}` calls `fn(target, event)` instead."""
        import qpanel_param
        return qpanel_param.link(self, target, callbacks, bidirectional, links)

    def __repr__(self):
        c = self.__dict__.get('_c')
        if c is None or not c.alive:
            return '%s(<closed>)' % type(self).__name__
        return '%s(%s)' % (type(self).__name__, c.label)


def _wrap(ref):
    """The Python wrapper of a component C++ made (or the one Python made)."""
    existing = _wrappers.get(ref.id)
    if existing is not None:
        return existing
    cls = _classes.get(ref.type_name, Viewable)
    wrapper = cls.__new__(cls)
    wrapper._adopt(ref)
    return wrapper


_qpanel.set_wrapper(_wrap)


def _child(obj):
    """What a layout holds for `obj`: a component ref, or a plain value."""
    if isinstance(obj, Viewable):
        return obj._c
    if isinstance(obj, (str, bytes)):
        return obj
    return panel(obj)._c


class _Namespace(types.ModuleType):
    """pn.widgets, pn.pane, ...: unknown names say what exists."""

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        lazy = self.__dict__.get('_lazy', {})
        if name in lazy:
            value = lazy[name]()
            setattr(self, name, value)
            return value
        names = sorted(set(k for k in self.__dict__ if not k.startswith('_')) | set(lazy))
        raise AttributeError('%s.%s does not exist in qpanel (available: %s)' % (
            self.__name__.replace('panel', 'pn', 1), name, ', '.join(names)))


def _namespace(name, doc):
    module = _Namespace('panel.' + name, doc)
    _submodules['panel.' + name] = module
    return module


_submodules = {}
widgets = _namespace('widgets', 'Widgets (pn.widgets)')
indicators = _namespace('indicators', 'Indicators (pn.indicators)')
pane = _namespace('pane', 'Panes (pn.pane)')
layout = _namespace('layout', 'Layouts (pn.layout)')
io = _namespace('io', 'pn.io')


class Widget(Viewable):
    _group = _WIDGET

    @classmethod
    def from_param(cls, parameter, **params):
        """Panel's Widget.from_param: a widget for `obj.param.x`, linked both
        ways with it (a user's param.Parameterized or a qpanel component)."""
        import qpanel_param
        return qpanel_param.from_param(cls, parameter, **params)


def _make_widget_class(kind, base=Widget, group=_WIDGET):
    cls = type(kind, (base,), {'_kind': kind, '_group': group, '__module__': 'panel.widgets'})
    _classes[kind] = cls
    return cls


for _kind in _qpanel.names(_WIDGET):
    setattr(widgets, _kind, _make_widget_class(_kind))
for _kind in _qpanel.names(_INDICATOR):
    setattr(indicators, _kind, _make_widget_class(_kind, Widget, _INDICATOR))


def _on_click(self, callback, *, exclusive=False, concurrency_limit=None):
    """Button.on_click: `callback(event)` per click, event.new the click count."""
    return self.param.watch(callback, 'clicks', onlychanged=False, exclusive=exclusive,
                            concurrency_limit=concurrency_limit)


def _click(self):
    self.clicks += 1


widgets.Button.on_click = _on_click
widgets.Button.click = _click
widgets.Widget = Widget


class PaneBase(Viewable):
    _group = _PANE

    def __init__(self, object=None, **params):
        if object is not None:
            params['object'] = object
        self._create(params)


for _kind in _qpanel.names(_PANE):
    _cls = type(_kind, (PaneBase,), {'_kind': _kind, '__module__': 'panel.pane'})
    _classes[_kind] = _cls
    setattr(pane, _kind, _cls)


class Bokeh(Viewable):
    """pn.pane.Bokeh(figure): shows a qpanel chart (bokeh.plotting.figure)."""

    def __init__(self, object=None, **params):
        if object is None or not hasattr(object, '_f'):
            raise TypeError('pn.pane.Bokeh expects a figure from bokeh.plotting.figure(), got %r' % (object,))
        self._adopt(object._f.chart())
        _apply_options(self, params, 'pn.pane.Bokeh')


pane.Bokeh = Bokeh
pane.Chart = Bokeh
_classes['Chart'] = Bokeh


class ParamFunction(Viewable):
    """The pane of a bound function: `rendered` is what it shows now.
    pn.param.ParamFunction(fn, defer_load=True) is pn.panel(fn, ...)."""

    def __new__(cls, object=None, defer_load=False, generator_mode='replace', **params):
        if object is None:
            return super().__new__(cls)  # a wrapper of a pane C++ made
        if not callable(object):
            raise TypeError('pn.param.ParamFunction expects a function, got %r' % (object,))
        return panel(object, defer_load=defer_load, generator_mode=generator_mode, **params)

    def __init__(self, *args, **kwargs):
        pass  # made by __new__

    @property
    def rendered(self):
        return self._c.rendered()


pane.ParamFunction = ParamFunction
_classes['ParamFunction'] = ParamFunction
param = _namespace('param', 'pn.param: panes of functions and of param.Parameterized objects')
param.ParamFunction = ParamFunction


def Param(object, parameters=None, show_name=True, **params):
    """Panel's pn.Param: a widget per parameter of a param.Parameterized."""
    import qpanel_param
    return qpanel_param.Param(object, parameters, show_name, **params)


def _param_method(object, defer_load=False, **params):
    return panel(object, defer_load=defer_load, **params)


param.Param = Param
param.ParamMethod = _param_method
viewable = _namespace('viewable', 'pn.viewable')
viewable.Viewable = Viewable
# Viewer is a param.Parameterized: made on first use (param costs ~200 ms).
viewable._lazy = {'Viewer': lambda: __import__('qpanel_param').Viewer}


class ListLike(Viewable):
    _group = _LAYOUT

    def __init__(self, *objects, **params):
        self._create(params)
        for obj in objects:
            self.append(obj)

    def append(self, obj):
        self._c.append(_child(obj))

    def extend(self, objects):
        for obj in objects:
            self.append(obj)

    @property
    def objects(self):
        return self._c.objects()

    def __getitem__(self, index):
        return self.objects[index]

    def __len__(self):
        return len(self.objects)

    def __iter__(self):
        return iter(self.objects)


class Tabs(Viewable):
    _group = _LAYOUT
    _kind = 'Tabs'

    def __init__(self, *objects, **params):
        self._create(params)
        for obj in objects:
            self.append(obj)

    def append(self, obj):
        if isinstance(obj, tuple) and len(obj) == 2:
            title, obj = obj
        else:
            title = getattr(obj, 'name', None) or type(obj).__name__
        self._c.append_tab(str(title), _child(obj))


for _kind in _qpanel.names(_LAYOUT):
    if _kind == 'Tabs':
        _cls = Tabs
    elif _kind == 'Spacer':
        _cls = type(_kind, (Viewable,), {'_kind': _kind, '_group': _LAYOUT, '__module__': 'panel.layout'})
    else:
        _cls = type(_kind, (ListLike,), {'_kind': _kind, '__module__': 'panel.layout'})
    _classes[_kind] = _cls
    setattr(layout, _kind, _cls)
    globals()[_kind] = _cls


def _apply_options(component, params, where):
    for key, value in params.items():
        if component._c.has_param(key) or key in _LAYOUT_OPTIONS:
            setattr(component, key, value)
        else:
            raise TypeError('%s: unknown option %r for %s (parameters: %s)' % (
                where, key, type(component).__name__, ', '.join(component._c.param_names())))


def serve(panels, **kwargs):
    """Shows `panels` (a function is called to build the app)."""
    if callable(panels) and not isinstance(panels, Viewable):
        panels = panels()
    if isinstance(panels, dict):
        for title, item in panels.items():
            panel(item() if callable(item) else item).servable(title)
        return None
    panel(panels).servable(kwargs.get('title'))
    return None


show = serve


def extension(*args, **kwargs):
    """Accepted: qpanel needs no browser extensions."""
    return None


# -- pn.io, pn.state, pn.config -------------------------------------------

def with_lock(func):
    """Panel's pn.io.with_lock: the callback runs holding the document lock
    (for direct chart edits). It takes effect when run as a callback."""
    if not callable(func):
        raise TypeError('pn.io.with_lock expects a function (use it as a decorator), got %r' % (func,))
    if inspect.iscoroutinefunction(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            return await func(*args, **kwargs)
    else:
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return func(*args, **kwargs)
    wrapper._qpanel_with_lock = True
    wrapper._qpanel_wrapped = func
    return wrapper


def push_notebook(*objs):
    """Nothing to do: qpanel's views follow their models."""
    return None


io.with_lock = with_lock
io.push_notebook = push_notebook


class PeriodicCallback:
    """What pn.state.add_periodic_callback returns."""

    def __init__(self, ref, callback, count, timeout):
        self._ref, self.callback, self.count, self.timeout = ref, callback, count, timeout

    def start(self):
        self._ref.start()

    def stop(self):
        self._ref.stop()

    @property
    def running(self):
        return self._ref.running

    @running.setter
    def running(self, value):
        self.start() if value else self.stop()

    @property
    def counter(self):
        return self._ref.counter

    @property
    def period(self):
        return self._ref.period

    @period.setter
    def period(self, value):
        self._ref.period = int(value)


# This app's busy watchers (the app's code runs in its own context).
_busy_watchers = contextvars.ContextVar('qpanel busy watchers')


class _StateParam:
    def _check(self, names, where):
        names = [names] if isinstance(names, str) else list(names)
        if names != ['busy']:
            raise ValueError('pn.state.param.%s: only "busy" is a parameter of pn.state (got %r)'
                             % (where, names))
        return names

    def watch(self, fn, parameter_names, what='value', onlychanged=True, **kw):
        names = self._check(parameter_names, 'watch')
        dispatch = _dispatcher(fn, _origin(fn))
        _qpanel.on_busy(lambda old, new: dispatch(Event('busy', old, new, state, 'changed')))
        watchers = _busy_watchers.get(None)
        if watchers is None:
            watchers = []
            _busy_watchers.set(watchers)
        watchers.append(dispatch)
        return Watcher(state, fn, onlychanged, names, -1)

    def trigger(self, *names):
        """Calls this app's busy watchers with the current value."""
        self._check(list(names), 'trigger')
        busy = state.busy
        for dispatch in list(_busy_watchers.get(None) or ()):
            dispatch(Event('busy', busy, busy, state, 'triggered'))

    def __iter__(self):
        return iter(['busy'])

    def __contains__(self, name):
        return name == 'busy'


class _State:
    """pn.state."""
    _is_pyodide = False
    curdoc = None
    cache = {}

    @property
    def param(self):
        return _StateParam()

    @property
    def busy(self):
        return _qpanel.busy()

    def execute(self, callback, schedule=True):
        """Runs `callback` (sync or async) on the event loop, soon."""
        if not callable(callback):
            raise TypeError('pn.state.execute: expected a function, got %r' % (callback,))
        _require_arguments(callback, 0, 'pn.state.execute')
        with_lock_ = getattr(callback, '_qpanel_with_lock', False)
        _qpanel.execute(getattr(callback, '_qpanel_wrapped', callback), with_lock_, _origin(callback))

    def onload(self, callback, threaded=False):
        """Runs `callback` once the app is shown (after the script ends)."""
        self.execute(callback)

    def __getattr__(self, name):
        raise AttributeError('pn.state.%s does not exist in qpanel (available: %s)' % (
            name, ', '.join(n for n in dir(type(self)) if not n.startswith('__'))))

    def add_periodic_callback(self, callback, period=500, count=None, timeout=None, start=True):
        if not callable(callback):
            raise TypeError('add_periodic_callback: the callback must be a function')
        if isinstance(period, bool) or not isinstance(period, (int, float)):
            raise TypeError('add_periodic_callback: period must be a number of milliseconds, got %r'
                            % (period,))
        _require_arguments(callback, 0, 'add_periodic_callback')
        with_lock_ = getattr(callback, '_qpanel_with_lock', False)
        target = getattr(callback, '_qpanel_wrapped', callback)
        name = getattr(_unwrapped(callback), '__name__', '')
        origin = 'periodic callback %s(%d ms) %s' % (name + ' ' if name else '', period, _origin(callback))
        ref = _qpanel.add_periodic(target, int(period), count, timeout, bool(start), with_lock_,
                                   _is_async(callback), origin)
        return PeriodicCallback(ref, callback, count, timeout)


state = _State()


class _Config:
    """pn.config: exception_handler is live; other options are accepted."""

    def __init__(self):
        object.__setattr__(self, '_handler', None)

    @property
    def exception_handler(self):
        return self._handler

    @exception_handler.setter
    def exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError('pn.config.exception_handler must be a function or None')
        object.__setattr__(self, '_handler', handler)
        _qpanel.set_exception_handler(handler)


config = _Config()
io.state = state


# After the components: they are what these build on.
from qpanel_reactive import _Bound, _deferred, bind, depends, panel  # noqa: E402

_PUBLIC = sorted(set(k for k in globals() if not k.startswith('_')) -
                 {'asyncio', 'contextvars', 'functools', 'inspect', 'os', 'sys', 'types',
                  'weakref'})


def __getattr__(name):
    if name.startswith('__'):
        raise AttributeError(name)
    raise AttributeError('pn.%s does not exist in qpanel (available: %s)' % (name, ', '.join(_PUBLIC)))
