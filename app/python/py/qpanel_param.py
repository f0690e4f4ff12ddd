"""panel's link with the real `param` library (python3-param): widgets for
parameters (Widget.from_param, a Parameter in a layout, pn.Param), links
between components (Viewable.link), and bound functions that depend on a
user's param.Parameterized. Imported by panel.py when a script uses these
(importing param costs ~200 ms, so panel itself does not)."""

import param

import panel as pn

_WIDGET_PARAMS = ('name', 'value', 'start', 'end', 'step', 'options')


def _bounds(parameter):
    """(start, end) for a slider: bounds, else soft bounds, else around the value."""
    bounds = list(getattr(parameter, 'bounds', None) or (None, None))
    soft = list(getattr(parameter, 'softbounds', None) or (None, None))
    value = getattr(parameter.owner, parameter.name)
    value = value if isinstance(value, (int, float)) else 0
    start = bounds[0] if bounds[0] is not None else soft[0]
    end = bounds[1] if bounds[1] is not None else soft[1]
    if start is None:
        start = min(0, value)
    if end is None:
        end = max(start + (10 if isinstance(parameter, param.Integer) else 1), value * 2)
    return start, end


def _widget_class(parameter):
    """The qpanel widget Panel's Param pane would pick for `parameter`."""
    if isinstance(parameter, (param.Event, param.Action)):
        return pn.widgets.Button
    if isinstance(parameter, param.Boolean):
        return pn.widgets.Checkbox
    if isinstance(parameter, param.Integer):
        return pn.widgets.IntSlider
    if isinstance(parameter, param.Number):
        return pn.widgets.FloatSlider
    if isinstance(parameter, param.SelectorBase):  # Selector, ObjectSelector
        return pn.widgets.Select
    if isinstance(parameter, param.String):
        return pn.widgets.TextInput
    return None


def _check(parameter, where):
    if isinstance(parameter, pn._ParamRef):
        return
    if not isinstance(parameter, param.Parameter) or parameter.owner is None:
        raise TypeError('%s expects a parameter such as obj.param.x, got %r' % (where, parameter))
    if isinstance(parameter.owner, type):
        raise TypeError('%s: %s.param.%s is a class parameter; pass one of an instance '
                        '(obj.param.%s)' % (where, parameter.owner.__name__, parameter.name,
                                            parameter.name))


def from_param(cls, parameter, **params):
    """cls.from_param(obj.param.x): a widget showing x, linked both ways."""
    where = '%s.from_param' % cls.__name__
    _check(parameter, where)
    if isinstance(parameter, pn._ParamRef):
        # A qpanel component's parameter: a widget linked to it.
        widget = cls(**dict({'value': parameter.owner._c.get(parameter.name),
                             'name': parameter.name}, **params))
        _two_way(widget, 'value', parameter.owner, parameter.name)
        return widget
    if cls is pn.Widget:
        cls = _widget_class(parameter)
        if cls is None:
            raise TypeError('%s: qpanel has no widget for a %s parameter (%s); pass a widget '
                            'class, e.g. pn.widgets.TextInput.from_param(...)' % (
                                where, type(parameter).__name__, parameter.name))
    obj, name = parameter.owner, parameter.name
    options = {'name': parameter.label or name}
    if issubclass(cls, pn.widgets.Button):
        options.update(params)
        widget = cls(**options)
        action = isinstance(parameter, param.Action)
        widget.on_click(lambda event: getattr(obj, name)(obj) if action else obj.param.trigger(name))
        return widget
    if issubclass(cls, (pn.widgets.IntSlider, pn.widgets.FloatSlider)):
        options['start'], options['end'] = _bounds(parameter)
        if getattr(parameter, 'step', None) is not None:
            options['step'] = parameter.step
    if issubclass(cls, pn.widgets.Select):
        objects = parameter.objects
        options['options'] = list(objects.values() if isinstance(objects, dict) else objects)
    options['value'] = getattr(obj, name)
    options.update(params)
    widget = cls(**options)
    _two_way(widget, 'value', obj, name)
    return widget


def _two_way(widget, widget_name, obj, name):
    """widget.<widget_name> <-> obj.<name>; each side set only when it
    differs, so a change does not come back."""

    def to_obj(event):
        if getattr(obj, name) != event.new:
            setattr(obj, name, event.new)

    def to_widget(*events):
        if not widget._c.alive:  # its app closed; the user's object lives on
            obj.param.unwatch(watcher)
            return
        value = events[-1].new
        if getattr(widget, widget_name) != value:
            setattr(widget, widget_name, value)

    widget.param.watch(to_obj, widget_name)
    watcher = obj.param.watch(to_widget, [name])


def link(source, target, callbacks, bidirectional, links):
    """Viewable.link: on a change of each `links` key (a parameter of
    source), target.<value> = the new value, or callbacks[key](target, event)."""
    callbacks = dict(callbacks or {})
    if not links and not callbacks:
        raise ValueError('%r.link(target, ...) needs a mapping (value=\'object\') or '
                         'callbacks={...}' % (source,))
    if bidirectional and callbacks:
        raise ValueError('link: bidirectional=True cannot be combined with callbacks')
    names = list(dict.fromkeys(list(links) + list(callbacks)))
    for key in names:
        if key not in source.param:
            raise ValueError('%r.link: no parameter %r (parameters: %s)' % (
                source, key, ', '.join(source.param)))
    for key, attr in links.items():
        if not _has(target, attr):
            raise ValueError('link: %r has no parameter %r to link %r to' % (target, attr, key))

    def relay(*events):
        for event in events:
            if event.name in callbacks:
                callbacks[event.name](target, event)
            else:
                setattr(target, links[event.name], event.new)

    watcher = source.param.watch(relay, names)
    if bidirectional:
        reverse = {attr: key for key, attr in links.items()}
        target.param.watch(lambda *events: [setattr(source, reverse[e.name], e.new)
                                            for e in events
                                            if getattr(source, reverse[e.name]) != e.new],
                           list(reverse))
    return watcher


def _has(obj, name):
    if isinstance(obj, pn.Viewable):
        return obj._c.has_param(name)
    return name in obj.param if hasattr(obj, 'param') else hasattr(obj, name)


def refresh_on_change(reactive, watched):
    """A bound function re-runs when one of these user parameters changes."""
    by_owner = {}
    for owner, name in watched:
        by_owner.setdefault(id(owner), (owner, []))[1].append(name)
    for owner, names in by_owner.values():
        _refresh_when(reactive, owner, names)


def _refresh_when(reactive, owner, names):
    def refresh(*events):
        if reactive.alive:
            reactive.refresh()
        else:  # its app closed; the user's object lives on
            owner.param.unwatch(watcher)
    watcher = owner.param.watch(refresh, names)


def _depends_method(obj):
    """(instance, dependency names) of a @param.depends method, else None."""
    owner = getattr(obj, '__self__', None)
    dinfo = getattr(getattr(obj, '__func__', None), '_dinfo', None)
    if not isinstance(owner, param.Parameterized) or dinfo is None:
        return None
    names = []
    for dep in dinfo.get('dependencies', ()):
        if isinstance(dep, str):
            names.append(dep.split(':')[0])
    return owner, names


def pane_of(obj, defer_load, append):
    """pn.panel's cases for param objects (None: not one)."""
    if isinstance(obj, param.Parameter) and obj.owner is not None:
        _check(obj, 'pn.panel')
        return pn.Widget.from_param(obj)
    method = _depends_method(obj)
    if method is not None:
        owner, names = method
        function = pn._deferred(obj) if defer_load else obj
        return pn._wrap(pn._Bound(function, (), {}, watched=[(owner, n) for n in names],
                                  append=append, origin='pn.depends(%s)' % pn._origin(obj))._c)
    if isinstance(obj, param.Parameterized) and not hasattr(obj, '__panel__'):
        return Param(obj)
    return None


def Param(object, parameters=None, show_name=True, **params):
    """pn.Param(obj): a Column with a widget per parameter (name first as a
    title, as Panel does)."""
    if isinstance(object, param.Parameter):
        return pn.Widget.from_param(object, **params)
    if not isinstance(object, param.Parameterized):
        raise TypeError('pn.Param expects a param.Parameterized instance, got %r' % (object,))
    names = parameters if parameters is not None else [
        n for n in object.param if n != 'name']
    column = pn.Column(**params)
    if show_name:
        column.append('### %s' % object.name)
    for name in names:
        parameter = object.param[name]
        if _widget_class(parameter) is None:
            column.append(pn.widgets.StaticText(name=parameter.label or name,
                                                value=repr(getattr(object, name))))
        else:
            column.append(pn.Widget.from_param(parameter))
    return column


class Viewer(param.Parameterized):
    """pn.viewable.Viewer: a user class whose __panel__ builds its view."""

    def __panel__(self):
        raise NotImplementedError('%s must define __panel__()' % type(self).__name__)

    def servable(self, title=None, **kwargs):
        return pn.panel(self).servable(title)
