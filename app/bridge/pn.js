// The `pn` object app scripts see: Panel's names over qpanel's components.
// Evaluated after host.js; the completion value installs `pn` given the
// native half (PnNative). Components are facades over native ids: their
// params are plain properties, `.param.watch` and `.on_click` start tasks.
(function (native, host) {
    'use strict';
    const global = globalThis;
    const GROUP = {widget: 0, indicator: 1, pane: 2, layout: 3};
    const facades = new Map();

    function Component() {}
    function facade(id) {
        let obj = facades.get(id);
        if (obj) return obj;
        obj = Object.create(Component.prototype);
        Object.defineProperty(obj, '__id', {value: id});
        for (const name of native.params(id)) {
            Object.defineProperty(obj, name, {
                get: function () { return native.get(id, name); },
                set: function (value) { native.set(id, name, value); },
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
        const relay = function (raw) {
            const events = raw.map(function (e) {
                return {name: e.name, old: e.old, new: e.new, type: e.type, obj: facade(e.obj)};
            });
            return callback.apply(undefined, events);
        };
        return native.watch(id, list, relay, onlychanged, mode, Number(opts.concurrency_limit) || 0,
                            isClick ? what : '');
    }

    function constructorFor(group, kind) {
        return function (params) {
            if (params !== undefined && (params === null || typeof params !== 'object'))
                throw new TypeError('pn.' + kind + ': parameters must be an object');
            const obj = facade(native.create(group, kind, params || {}));
            if (kind === 'Button')
                obj.on_click = function (callback, options) { return watch(obj.__id, callback, 'clicks', options, true); };
            return obj;
        };
    }

    function toChild(item) {
        if (item instanceof Component) return item.__id;
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

    function group(groupId, names) {
        const table = {};
        for (const name of names) table[name] = constructorFor(groupId, name);
        return table;
    }

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
        env: function (name, fallback) {
            return native.env(String(name), fallback === undefined ? '' : String(fallback));
        },
        state: {
            execute: function (fn) { native.execute(fn); },
        },
    };
    Object.defineProperty(global, 'pn', {value: pn, writable: false, configurable: true});
    return pn;
})
