// The `pn` object app scripts see: Panel's names over qpanel's components.
// Evaluated after host.js; the completion value installs `pn` given the
// native half (PnNative). Components are facades over native ids: their
// params are plain properties, `.param.watch` and `.on_click` start tasks.
(function (native, host) {
    'use strict';
    const global = globalThis;
    const GROUP = {widget: 0, indicator: 1, pane: 2, layout: 3};
    const facades = new Map();
    // Looked up once: each `native.x` lookup makes a new method object. Bound:
    // V8's natives check their receiver.
    const nativeGet = native.get.bind(native), nativeSet = native.set.bind(native);

    function Component() {}
    // Components cross to native code and back as {__component: id} (V8's
    // pn); QJSEngine's natives already hand out facades.
    function fromNative(value) {
        return value !== null && typeof value === 'object' && typeof value.__component === 'number'
                   ? facade(value.__component) : value;
    }
    function toNative(value) { return value instanceof Component ? {__component: value.__id} : value; }
    function facade(id) {
        let obj = facades.get(id);
        if (obj) return obj;
        obj = Object.create(Component.prototype);
        Object.defineProperty(obj, '__id', {value: id});
        for (const name of native.params(id)) {
            Object.defineProperty(obj, name, {
                get: function () { return fromNative(nativeGet(id, name)); },
                set: function (value) { nativeSet(id, name, toNative(value)); },
                enumerable: true,
            });
        }
        obj.param = {
            watch: function (callback, names, options) {
                return watch(id, callback, names, options, false);
            },
            unwatch: function (watcher) { return native.unwatch(id, watcher); },
            trigger: function (name) { native.trigger(id, name); },
        };
        obj.servable = function (options) {
            native.servable(id, options && options.title ? String(options.title) : '');
            return obj;
        };
        obj.toString = function () { return native.label(id); };
        facades.set(id, obj);
        return obj;
    }
    native.setFacadeMaker(facade);  // params holding components (a pane's `rendered`) give facades

    function checkOptions(what, options, allowed) {
        if (options === undefined || options === null) return {};
        if (typeof options !== 'object') throw new TypeError(what + ': options must be an object');
        for (const key of Object.keys(options))
            if (allowed.indexOf(key) < 0)
                throw new TypeError(what + ": unknown option '" + key + "' (allowed: " + allowed.join(', ') + ')');
        return options;
    }

    function watch(id, callback, names, options, isClick) {
        const what = isClick ? native.label(id) + '.on_click' : native.label(id) + '.param.watch';
        if (typeof callback !== 'function') throw new TypeError(what + ': the callback must be a function');
        const opts = checkOptions(what, options, isClick ? ['exclusive', 'concurrency_limit']
                                                         : ['onlychanged', 'exclusive', 'concurrency_limit']);
        const list = names === undefined ? ['value'] : Array.isArray(names) ? names : [names];
        const mode = opts.exclusive ? 'exclusive' : opts.concurrency_limit ? 'limit' : 'concurrent';
        const onlychanged = isClick ? false : opts.onlychanged !== false;
        // One event arrives as (name, old, new, type, id); a batch as an array.
        const relay = function (raw, old, value, type, objId) {
            if (typeof raw === 'string')
                return callback({name: raw, old: fromNative(old), new: fromNative(value), type: type, obj: facade(objId)});
            const events = raw.map(function (e) {
                return {name: e.name, old: fromNative(e.old), new: fromNative(e.new), type: e.type, obj: facade(e.obj)};
            });
            return callback.apply(undefined, events);
        };
        // Where a thrown non-Error value is reported (it has no line of its own).
        Object.defineProperty(relay, '__setUpAt', {value: new Error()});
        return native.watch(id, list, relay, onlychanged, mode, Number(opts.concurrency_limit) || 0,
                            isClick ? what : '', callback.__withLock === true);
    }

    function isParams(value) {
        return value !== null && typeof value === 'object' && !Array.isArray(value) &&
               !(value instanceof ArrayBuffer) && !ArrayBuffer.isView(value) &&
               !(value instanceof Component) && Object.getPrototypeOf(value) === Object.prototype;
    }
    function constructorFor(group, kind) {
        return function (params, more) {
            // Panes take their object first, as in Panel: pn.pane.JPG(bytes, {width: 300}).
            if (group === GROUP.pane && params !== undefined && !isParams(params)) {
                const object = ArrayBuffer.isView(params) ? params.buffer : params;
                params = Object.assign({}, more || {}, {object: object instanceof Component ? object.__id : object});
            }
            if (params !== undefined && !isParams(params))
                throw new TypeError('pn.' + kind + ': parameters must be an object');
            const obj = facade(native.create(group, kind, params || {}));
            if (kind === 'Button')
                obj.on_click = function (callback, options) { return watch(obj.__id, callback, 'clicks', options, true); };
            return obj;
        };
    }

    // ---- reactive functions: pn.bind, pn.depends, functions in layouts ------
    // A bound or dependent function is callable like the original; laid out
    // (pn.panel, Row, Column...) it becomes a pane that re-renders when its
    // widgets change. `args` are component ids (their value) or {constant}.
    function Bound(fn, args) {
        this.fn = fn;
        this.args = args;
        this.pane = undefined;  // the replace-mode pane, made on first layout
    }
    function bindArgument(a) { return a instanceof Component ? a.__id : {constant: toNative(a)}; }
    // What a bound function gives native code: a component (or a promise of
    // one) as toNative makes it; iterators (generators) as they are.
    function nativeResult(fn) {
        const wrapped = function () {
            const result = fn.apply(this, arguments);
            if (result instanceof Component) return toNative(result);
            if (result !== null && typeof result === 'object' && typeof result.then === 'function' &&
                typeof result.next !== 'function')
                return result.then(toNative);
            return result;
        };
        Object.defineProperty(wrapped, 'name', {value: fn.name});
        return wrapped;
    }
    function reactiveFunction(fn, args, call) {
        const reactive = function () { return call.apply(this, arguments); };
        Object.defineProperty(reactive, '__bound', {value: new Bound(fn, args)});
        Object.defineProperty(reactive, 'name', {value: fn.name});
        return reactive;
    }
    function paneOf(fn, options) {
        const opts = checkOptions('pn.panel', options, ['generator_mode']);
        const mode = opts.generator_mode === undefined ? 'replace' : opts.generator_mode;
        if (mode !== 'replace' && mode !== 'append')
            throw new TypeError("pn.panel: generator_mode must be 'replace' or 'append', got " + String(mode));
        const bound = fn.__bound instanceof Bound ? fn.__bound : new Bound(fn, []);
        if (mode === 'replace' && bound.pane !== undefined) return bound.pane;
        const id = native.bind(nativeResult(bound.fn), bound.args, false, false, mode);
        if (mode === 'replace') bound.pane = id;
        return id;
    }
    function depends() {
        const deps = Array.prototype.slice.call(arguments);
        const opts = deps.length && isParams(deps[deps.length - 1])
                         ? checkOptions('pn.depends', deps.pop(), ['watch', 'on_init']) : {};
        for (const d of deps)
            if (!(d instanceof Component))
                throw new TypeError('pn.depends: dependencies must be widgets, got ' + (d === null ? 'null' : typeof d));
        const args = deps.map(bindArgument);
        return function (fn) {
            if (typeof fn !== 'function') throw new TypeError('pn.depends(...): expected a function to decorate');
            // Runs on every change, shown or not; at once too only with on_init (as in Panel).
            if (opts.watch) native.bind(nativeResult(fn), args, true, opts.on_init === true, 'replace');
            return reactiveFunction(fn, args, fn);
        };
    }

    function toChild(item) {
        if (item instanceof Component) return item.__id;
        if (typeof item === 'function') return paneOf(item);
        if (typeof item === 'string' || typeof item === 'number') return String(item);
        throw new TypeError('layouts hold components or text, got ' + (item === null ? 'null' : typeof item));
    }

    function layout(kind) {
        return function () {
            const args = Array.prototype.slice.call(arguments);
            let params = {};
            const last = args[args.length - 1];
            if (args.length && last !== null && typeof last === 'object' && !(last instanceof Component) &&
                !Array.isArray(last))
                params = args.pop();
            const obj = facade(native.create(GROUP.layout, kind, params));
            for (const item of args) {
                if (kind === 'Tabs') {
                    if (!Array.isArray(item) || item.length !== 2)
                        throw new TypeError('pn.Tabs: each tab is [title, object]');
                    native.appendTab(obj.__id, String(item[0]), toChild(item[1]));
                } else {
                    native.append(obj.__id, toChild(item));
                }
            }
            return obj;
        };
    }

    // ---- models: ColumnDataSource, figure ----------------------------------
    function ColumnDataSource(options) {
        if (!(this instanceof ColumnDataSource))
            throw new TypeError("ColumnDataSource must be created with 'new'");
        const opts = checkOptions('ColumnDataSource', options, ['data']);
        const id = native.createSource(opts.data || {});
        Object.defineProperty(this, '__model', {value: id});
        Object.defineProperty(this, 'data', {
            get: function () { return native.sourceData(id); },
            set: function (data) { native.setSourceData(id, data); },
            enumerable: true,
        });
    }
    ColumnDataSource.prototype.stream = function (data, rollover) {
        native.stream(this.__model, data, rollover === undefined || rollover === null ? null : Number(rollover));
    };
    ColumnDataSource.prototype.patch = function (patches) { native.patch(this.__model, patches); };

    // Bokeh's tools and ranges (pn.models.HoverTool, Range1d, DataRange1d):
    // the figure hands them to native as plain records.
    function HoverTool(options) {
        if (!(this instanceof HoverTool)) throw new TypeError("HoverTool must be created with 'new'");
        const opts = checkOptions('HoverTool', options, ['tooltips', 'mode']);
        this.tooltips = opts.tooltips || [];
    }
    function Range1d(options) {
        if (!(this instanceof Range1d)) throw new TypeError("Range1d must be created with 'new'");
        const opts = checkOptions('Range1d', options, ['start', 'end']);
        this.start = opts.start === undefined ? 0 : opts.start;
        this.end = opts.end === undefined ? 1 : opts.end;
    }
    function DataRange1d(options) {
        if (!(this instanceof DataRange1d)) throw new TypeError("DataRange1d must be created with 'new'");
        const opts = checkOptions('DataRange1d', options, ['start', 'end', 'follow', 'follow_interval']);
        this.start = opts.start === undefined ? null : opts.start;
        this.end = opts.end === undefined ? null : opts.end;
        this.follow = opts.follow === undefined ? null : opts.follow;
        this.follow_interval = opts.follow_interval === undefined ? null : opts.follow_interval;
    }
    function toolRecord(tool) {
        return tool instanceof HoverTool ? {type: 'hover', tooltips: tool.tooltips} : tool;
    }
    function rangeRecord(range) {
        return range instanceof Range1d ? [range.start, range.end]
             : range instanceof DataRange1d ? {start: range.start, end: range.end, follow: range.follow,
                                               follow_interval: range.follow_interval}
             : range;
    }

    function Figure(options) {
        const opts = {};
        for (const key of Object.keys(options || {}))
            if (options[key] !== undefined) opts[key] = options[key];  // undefined: the default
        if (Array.isArray(opts.tools)) opts.tools = opts.tools.map(toolRecord);
        if ('x_range' in opts) opts.x_range = rangeRecord(opts.x_range);
        if ('y_range' in opts) opts.y_range = rangeRecord(opts.y_range);
        const id = native.createFigure(opts);
        Object.defineProperty(this, '__model', {value: id});
        // p.legend.click_policy = 'hide' (a click on an entry hides its line),
        // p.legend.location = 'top_left' (where it sits inside the plot).
        const legendOptions = {click_policy: 'none', location: 'top_right'};
        const legend = {};
        Object.keys(legendOptions).forEach(function (name) {
            Object.defineProperty(legend, name, {
                get: function () { return legendOptions[name]; },
                set: function (value) { native.setLegendOption(id, name, value); legendOptions[name] = value; },
                enumerable: true,
            });
        });
        Object.defineProperty(this, 'legend', {value: legend, enumerable: true});
    }
    Figure.prototype.add_tools = function () {
        native.addTools(this.__model, Array.prototype.slice.call(arguments).map(toolRecord));
    };
    Figure.prototype.line = function (options) {
        const opts = Object.assign({}, options || {});
        if (!(opts.source instanceof ColumnDataSource))
            throw new TypeError("figure.line: 'source' must be a pn.models.ColumnDataSource");
        opts.source = opts.source.__model;
        native.line(this.__model, opts);
        return this;
    };
    function chart(figure) {
        if (!(figure instanceof Figure)) throw new TypeError('pn.pane.Chart: expected a figure (pn.plotting.figure())');
        return facade(native.createChart(figure.__model));
    }

    // ---- periodic callbacks -------------------------------------------------
    function PeriodicCallback(id) { Object.defineProperty(this, '__model', {value: id}); }
    PeriodicCallback.prototype.start = function () { native.periodic(this.__model, 'start'); };
    PeriodicCallback.prototype.stop = function () { native.periodic(this.__model, 'stop'); };
    Object.defineProperty(PeriodicCallback.prototype, 'running', {get: function () { return native.periodic(this.__model, 'running'); }});
    Object.defineProperty(PeriodicCallback.prototype, 'counter', {get: function () { return native.periodic(this.__model, 'counter'); }});
    Object.defineProperty(PeriodicCallback.prototype, 'period', {
        get: function () { return native.periodic(this.__model, 'period'); },
        set: function (ms) { native.periodic(this.__model, 'setPeriod', Number(ms)); },
    });
    function addPeriodicCallback(callback, period) {
        if (typeof callback !== 'function') throw new TypeError('pn.state.add_periodic_callback: the callback must be a function');
        const options = typeof period === 'number' ? {period: period}
                        : checkOptions('pn.state.add_periodic_callback', period, ['period', 'count', 'timeout', 'start']);
        return new PeriodicCallback(native.addPeriodic(callback, options, callback.__withLock === true));
    }

    function withLock(fn) {
        if (typeof fn !== 'function') throw new TypeError('pn.io.with_lock: expected a function');
        // As in Panel this marks a callback: run as one, it holds the lock.
        // Called directly it runs unlocked; its task remembers that, so a
        // refused edit can say why.
        const wrapped = function () {
            if (!native.taskHoldsLock()) host.noteCalledWithLockDirectly(fn.name ? "'" + fn.name + "'" : 'a function');
            return fn.apply(this, arguments);
        };
        Object.defineProperty(wrapped, '__withLock', {value: true});
        Object.defineProperty(wrapped, 'name', {value: fn.name});
        return wrapped;
    }

    // ---- unknown names: pn.widgets.Slider is an error, not undefined --------
    // Python's Panel raises AttributeError; here reading a name pn does not
    // have throws at the user's line. Writes, `in`, enumeration and typeof of
    // known names pass through untouched.
    function editDistance(a, b) {
        let row = [];
        for (let j = 0; j <= b.length; j++) row.push(j);
        for (let i = 1; i <= a.length; i++) {
            const next = [i];
            for (let j = 1; j <= b.length; j++)
                next.push(Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
            row = next;
        }
        return row[b.length];
    }
    function likelyMeant(name, available) {
        const lower = name.toLowerCase();
        return available.filter(function (candidate) {
            const c = candidate.toLowerCase();
            return c.indexOf(lower) >= 0 || lower.indexOf(c) >= 0 || editDistance(lower, c) <= 2;
        });
    }
    // Names code reads while probing any object (thenables, JSON, inspection).
    const probes = ['then', 'toJSON', 'inspect', 'asymmetricMatch', 'nodeType', '$$typeof'];
    function strictNamespace(path, table) {
        const what = path === 'pn' || path === 'pn.state' || path === 'pn.io' || path === 'pn.config'
                         ? 'part of qpanel\'s ' + path : 'a qpanel component';
        return new Proxy(table, {
            get: function (target, key, receiver) {
                if (typeof key !== 'string' || key in target || probes.indexOf(key) >= 0 || key.indexOf('__') === 0)
                    return Reflect.get(target, key, receiver);
                const available = Object.keys(target).filter(function (k) { return k.indexOf('__') !== 0; });
                const meant = likelyMeant(key, available);
                throw new TypeError(path + '.' + key + ' is not ' + what +
                                    (meant.length ? ' (did you mean ' + meant.join(', ') + '?)' : '') +
                                    '; available: ' + available.join(', '));
            },
        });
    }

    function group(groupId, names) {
        const table = {};
        for (const name of names) table[name] = constructorFor(groupId, name);
        return table;
    }

    // ---- pn.config, pn.state -------------------------------------------------
    const config = {};
    Object.defineProperty(config, 'exception_handler', {
        get: function () { return host.exceptionHandler; },
        set: function (handler) {
            if (handler !== null && handler !== undefined && typeof handler !== 'function')
                throw new TypeError('pn.config.exception_handler must be a function or null, got ' + typeof handler);
            host.exceptionHandler = handler || null;
            native.exceptionHandlerSet(host.exceptionHandler !== null);
        },
        enumerable: true,
    });

    // pn.state is parameterized (busy). Busy watchers run outside the task
    // registry: as tasks they would flip busy themselves.
    const state = {
        execute: function (fn) {
            if (typeof fn !== 'function') throw new TypeError('pn.state.execute: expected a function');
            native.execute(fn, fn.__withLock === true);
        },
        add_periodic_callback: addPeriodicCallback,
    };
    Object.defineProperty(state, 'busy', {get: function () { return native.busy(); }, enumerable: true});
    state.param = {
        watch: function (callback, names, options) {
            const what = 'pn.state.param.watch';
            if (typeof callback !== 'function') throw new TypeError(what + ': the callback must be a function');
            checkOptions(what, options, ['onlychanged']);
            const list = names === undefined ? ['busy'] : Array.isArray(names) ? names : [names];
            for (const name of list)
                if (name !== 'busy') throw new TypeError("pn.state has no parameter '" + String(name) + "' (it has: busy)");
            return native.watchBusy(function (old, now) {
                host.runCallback(callback, [{name: 'busy', old: old, new: now, type: 'changed', obj: pn.state}]);  // the strict pn.state users compare with
            });
        },
        unwatch: function (watcher) { return native.unwatchBusy(watcher); },
    };

    const pn = {
        widgets: group(GROUP.widget, ['Button', 'Toggle', 'Checkbox', 'TextInput', 'TextAreaInput',
                                      'IntSlider', 'FloatSlider', 'Select', 'StaticText']),
        indicators: group(GROUP.indicator, ['Progress', 'LoadingSpinner']),
        pane: group(GROUP.pane, ['Markdown', 'Str', 'Image', 'JPG', 'PNG']),
        Row: layout('Row'),
        Column: layout('Column'),
        Card: layout('Card'),
        Tabs: layout('Tabs'),
        Spacer: function (params) { return facade(native.create(GROUP.layout, 'Spacer', params || {})); },
        sleep: function (ms) { return host.sleep(ms); },
        bind: function (fn) {
            if (typeof fn !== 'function') throw new TypeError('pn.bind: the first argument must be a function');
            const values = Array.prototype.slice.call(arguments, 1);
            return reactiveFunction(fn, values.map(bindArgument), function () {
                return fn.apply(this, values.map(function (a) { return a instanceof Component ? a.value : a; }));
            });
        },
        depends: depends,
        panel: function (obj, options) {
            if (typeof obj === 'function') return facade(paneOf(obj, options));
            checkOptions('pn.panel', options, ['generator_mode']);
            if (obj instanceof Component) return obj;
            return facade(native.create(GROUP.pane, 'Markdown', {object: String(obj)}));
        },
        fetch: function (url, options) {
            const what = 'pn.fetch';
            const opts = checkOptions(what, options, ['method', 'headers', 'body', 'timeout']);
            const calledAt = new Error();
            let settle;
            const promise = new Promise(function (resolve, reject) { settle = {resolve: resolve, reject: reject}; });
            const deferred = {
                resolve: function (r) {
                    const body = r.__body;
                    delete r.__body;
                    r.bytes = function () { return Promise.resolve(body); };
                    r.arrayBuffer = r.bytes;
                    r.text = function () { return Promise.resolve(native.decodeUtf8(body)); };
                    r.json = function () { return r.text().then(JSON.parse); };
                    settle.resolve(r);
                    host.drainMicrotasks();
                },
                reject: function (message) {
                    // Native failures have no script stack: this Error has the caller's.
                    calledAt.message = message;
                    settle.reject(calledAt);
                    host.drainMicrotasks();
                },
            };
            const task = native.fetch(String(url), opts, deferred.resolve, deferred.reject);
            host.onCancel(function () {
                native.cancelTask(task);
                settle.reject(new host.CancelledError());
            });
            return promise;
        },
        env: function (name, fallback) {
            return native.env(String(name), fallback === undefined ? '' : String(fallback));
        },
        state: state,
        config: config,
        io: {with_lock: withLock},
        plotting: {figure: function (options) { return new Figure(options); }},
        models: {ColumnDataSource: ColumnDataSource, HoverTool: HoverTool, Range1d: Range1d,
                 DataRange1d: DataRange1d},
    };
    pn.pane.Chart = chart;
    pn.pane.Bokeh = chart;
    for (const name of ['widgets', 'indicators', 'pane', 'models', 'plotting', 'state', 'io', 'config'])
        pn[name] = strictNamespace('pn.' + name, pn[name]);
    const strictPn = strictNamespace('pn', pn);
    Object.defineProperty(global, 'pn', {value: strictPn, writable: false, configurable: true});
    return strictPn;
})
