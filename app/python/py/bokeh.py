"""qpanel's `bokeh`: bokeh.plotting.figure and bokeh.models.ColumnDataSource
with Bokeh's signatures, drawn by qpanel's charts. Edits of a source are
direct model edits: outside the document lock (pn.io.with_lock) they are
refused and change nothing."""

import sys
import types

import _qpanel

__version__ = '3.4.0+qpanel'


def _kind(values):
    """How a column reads back: 'int' / 'float' lists ('empty' before any
    value), or for an array its numpy dtype (Bokeh keeps arrays as given:
    int64 stays int64)."""
    if hasattr(values, '__array_interface__') or type(values).__module__ == 'numpy':
        dtype = getattr(values, 'dtype', None)
        if dtype is None:
            import numpy
            dtype = numpy.asarray(values).dtype
        # Columns are numbers: other dtypes were converted to float64.
        return dtype if dtype.kind in 'biuf' else _float64()
    items = values if isinstance(values, (list, tuple, range)) else list(values)
    if not items:
        return 'empty'
    if all(isinstance(v, int) and not isinstance(v, bool) for v in items):
        return 'int'
    return 'float'


def _float64():
    import numpy
    return numpy.dtype('float64')


def _is_array(kind):
    return not isinstance(kind, str)


def _merge(kind, new):
    if _is_array(kind) or _is_array(new):
        # Bokeh's stream with an array on either side is np.append.
        import numpy
        # An empty list is np.asarray([]): float64.
        as_dtype = {'int': numpy.dtype('int64'), 'float': numpy.dtype('float64'),
                    'empty': numpy.dtype('float64')}
        return numpy.result_type(as_dtype.get(kind, kind) if not _is_array(kind) else kind,
                                 as_dtype.get(new, new) if not _is_array(new) else new)
    if kind == new or kind == 'empty':
        return new
    return 'float' if new == 'float' else kind


class _Data:
    """cds.data: a dict-like view of the columns."""

    def __init__(self, source):
        self._source = source

    def __getitem__(self, name):
        column = self._source._s.column(name)
        kind = self._source._kinds.get(name, 'float')
        if _is_array(kind):
            return column if kind == column.dtype else column.astype(kind)
        if kind == 'int':
            return [int(v) for v in column.tolist()]
        return column.tolist()

    def __setitem__(self, name, values):
        data = {k: self[k] for k in self.keys() if k != name}
        data[name] = values
        self._source.data = data

    def update(self, other=(), **kwargs):
        data = {k: self[k] for k in self.keys()}
        data.update(other, **kwargs)
        self._source.data = data

    def keys(self):
        return list(self._source._s.column_names())

    def values(self):
        return [self[k] for k in self.keys()]

    def items(self):
        return [(k, self[k]) for k in self.keys()]

    def get(self, name, default=None):
        return self[name] if name in self else default

    def __contains__(self, name):
        return name in self.keys()

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.keys())

    def __repr__(self):
        return repr(dict(self.items()))


class ColumnDataSource:
    """Bokeh's ColumnDataSource: named numeric columns of equal length."""

    def __init__(self, data=None, **kwargs):
        data = dict(data if data is not None else kwargs.pop('data', {}))
        self._kinds = {k: _kind(v) for k, v in data.items()}
        self._s = _qpanel.Source(data)

    @property
    def data(self):
        return _Data(self)

    @data.setter
    def data(self, data):
        data = dict(data)
        kinds = {k: _kind(v) for k, v in data.items()}
        self._s.set_data(data)
        self._kinds = kinds

    def stream(self, new_data, rollover=None):
        self._s.stream(new_data, rollover)
        for k, v in new_data.items():
            self._kinds[k] = _merge(self._kinds.get(k, 'float'), _kind(v))

    def patch(self, patches, setter=None):
        self._s.patch({k: list(v) for k, v in patches.items()})
        for k in patches:
            if isinstance(self._kinds.get(k), str) and self._kinds[k] == 'int':
                self._kinds[k] = 'float'

    @property
    def column_names(self):
        return list(self._s.column_names())

    def __repr__(self):
        return 'ColumnDataSource(%s)' % ', '.join(self.column_names)


_INTERACTION_OPTIONS = ('tools', 'toolbar_location', 'active_drag', 'active_scroll', 'x_range',
                        'y_range', 'x_axis_type')
_FIGURE_OPTIONS = ('title', 'width', 'height', 'x_axis_label', 'y_axis_label') + _INTERACTION_OPTIONS


class _Tool:
    """A Bokeh tool (bokeh.models.PanTool, ...); figure(tools=[...]) and
    p.add_tools(...) take them, or their names ('pan', 'wheel_zoom', ...)."""
    _type = None

    def __init__(self, **options):
        for key in ('description', 'name', 'dimensions'):
            options.pop(key, None)  # accepted, no effect in qpanel
        if options:
            raise TypeError('%s(): unknown option %r' % (type(self).__name__, sorted(options)[0]))

    def _record(self):
        return {'type': self._type}

    def __repr__(self):
        return '%s()' % type(self).__name__


class PanTool(_Tool):
    _type = 'pan'


class WheelZoomTool(_Tool):
    _type = 'wheel_zoom'


class BoxZoomTool(_Tool):
    _type = 'box_zoom'


class ResetTool(_Tool):
    _type = 'reset'


class SaveTool(_Tool):
    _type = 'save'


class HoverTool(_Tool):
    """HoverTool(tooltips=[("price", "@y"), ("at", "$x")]): `@col` is the
    hovered row's value of that column; $x, $y, $index and $name too."""
    _type = 'hover'

    def __init__(self, tooltips=None, **options):
        options.pop('mode', None)  # qpanel reads out the nearest point of each line
        super().__init__(**options)
        if isinstance(tooltips, str):
            raise TypeError('HoverTool(tooltips=...): give a list of (label, field) pairs')
        self.tooltips = [tuple(t) for t in (tooltips or [])]

    def _record(self):
        return {'type': 'hover', 'tooltips': [list(t) for t in self.tooltips]}


class Range1d:
    """A fixed axis range: figure(x_range=Range1d(0, 10)) or x_range=(0, 10)."""

    def __init__(self, start=0, end=1, **options):
        self.start, self.end = start, end

    def _record(self):
        return [self.start, self.end]

    def __repr__(self):
        return 'Range1d(%r, %r)' % (self.start, self.end)


class DataRange1d:
    """A range following the data; follow='end' with follow_interval=N shows
    the latest N units while data streams in."""

    def __init__(self, start=None, end=None, follow=None, follow_interval=None, **options):
        options.pop('range_padding', None)
        if options:
            raise TypeError('DataRange1d(): unknown option %r' % (sorted(options)[0],))
        self.start, self.end = start, end
        self.follow, self.follow_interval = follow, follow_interval

    def _record(self):
        return {'start': self.start, 'end': self.end, 'follow': self.follow,
                'follow_interval': self.follow_interval}

    def __repr__(self):
        return 'DataRange1d(follow=%r, follow_interval=%r)' % (self.follow, self.follow_interval)


def _script_value(value):
    """Tool and range objects as the plain records qpanel's charts take."""
    if hasattr(value, '_record'):
        return value._record()
    if isinstance(value, (list, tuple)):
        return [_script_value(v) for v in value]
    return value


class _Legend:
    """p.legend: click_policy = 'hide' lets a click on an entry hide its line;
    location ('top_right', 'top_left', 'bottom_left', 'bottom_right', 'top',
    'bottom', 'left', 'right', 'center') places it inside the plot."""

    def __init__(self, figure):
        self._figure = figure
        self._options = {'click_policy': 'none', 'location': 'top_right'}

    def _set(self, name, value):
        self._figure._f.set_legend_option(name, _script_value(value))
        self._options[name] = value

    click_policy = property(lambda self: self._options['click_policy'],
                            lambda self, value: self._set('click_policy', value))
    location = property(lambda self: self._options['location'],
                        lambda self, value: self._set('location', value))


_LINE_OPTIONS = ('x', 'y', 'source', 'color', 'line_color', 'line_width', 'legend_label')


class Figure:
    """What bokeh.plotting.figure() returns; show it with pn.pane.Bokeh."""

    def __init__(self, title=None, width=600, height=300, x_axis_label=None, y_axis_label=None,
                 **options):
        width = options.pop('plot_width', width)
        height = options.pop('plot_height', height)
        options.pop('sizing_mode', None)  # accepted
        interaction = {key: _script_value(options.pop(key)) for key in _INTERACTION_OPTIONS
                       if key in options}
        if options:
            raise TypeError('figure(): unknown option %r (qpanel knows: %s)' % (
                sorted(options)[0], ', '.join(_FIGURE_OPTIONS)))
        self._f = _qpanel.Figure(str(title or ''), int(width), int(height),
                                 str(x_axis_label or ''), str(y_axis_label or ''), interaction)
        self._title = title
        self.legend = _Legend(self)

    def add_tools(self, *tools):
        self._f.add_tools([_script_value(t) for t in tools])

    @property
    def title(self):
        return self._title

    @title.setter
    def title(self, value):
        self._title = value
        self._f.set_title(str(value or ''))

    def line(self, x='x', y='y', source=None, color=None, line_width=1, legend_label='', **options):
        color = options.pop('line_color', color)
        options.pop('alpha', None)
        options.pop('line_alpha', None)
        if options:
            raise TypeError('figure.line(): unknown option %r (qpanel knows: %s)' % (
                sorted(options)[0], ', '.join(_LINE_OPTIONS)))
        if source is None:
            # Bokeh's p.line([1, 2], [3, 4]): the data makes a source of its own.
            source = ColumnDataSource({'x': x, 'y': y})
            x, y = 'x', 'y'
        if not isinstance(source, ColumnDataSource):
            raise TypeError('figure.line(): source must be a ColumnDataSource, got %r' % (source,))
        self._f.line(str(x), str(y), source._s, color, float(line_width), str(legend_label or ''))
        return self

    def __repr__(self):
        return 'figure(title=%r)' % (self._title,)


def figure(*args, **kwargs):
    return Figure(*args, **kwargs)


class _Namespace(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        names = sorted(k for k in self.__dict__ if not k.startswith('_'))
        raise AttributeError('%s.%s does not exist in qpanel (available: %s)' % (
            self.__name__, name, ', '.join(names)))


plotting = _Namespace('bokeh.plotting')
plotting.figure = figure
plotting.Figure = Figure
models = _Namespace('bokeh.models')
models.ColumnDataSource = ColumnDataSource
for _cls in (PanTool, WheelZoomTool, BoxZoomTool, ResetTool, SaveTool, HoverTool, Range1d,
             DataRange1d):
    setattr(models, _cls.__name__, _cls)
_submodules = {'bokeh.plotting': plotting, 'bokeh.models': models}
