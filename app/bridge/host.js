// Browser/node-like host globals over qpanel's C++ objects. Evaluated after
// polyfills.js; the completion value is a function the C++ side calls with
// (timers, sink): timers = ScriptTimers, sink.log(level, text) and
// sink.error(message, fileName, lineNumber, stack, thrown, toHandler).
(function (timers, sink) {
    'use strict';
    const global = globalThis;
    const host = global.__qpanel;
    // Native methods looked up once: each `obj.method` lookup on a native
    // object makes a new function object.
    const timerStart = timers.start, timerClear = timers.clear, sinkLog = sink.log;

    // `toHandler` false: not from a callback (the top level, or the
    // exception handler itself), so pn.config.exception_handler is skipped.
    function report(prefix, e, toHandler) {
        if (e instanceof Error)
            sink.error(prefix + String(e.name) + ': ' + String(e.message), String(e.fileName || ''),
                       Number(e.lineNumber) || 0, String(e.stack || ''), e, toHandler);
        else
            sink.error(prefix + inspect(e, 0, []), '', 0, '', e, toHandler);
    }
    function reportError(e, toHandler) {
        report(e instanceof Error ? '' : 'Uncaught ', e, toHandler !== false);
    }
    host.reportError = reportError;

    /// An Error standing for a non-Error value a callback threw. The value
    /// has no stack, so the line is where the callback was set up (pn.js
    /// keeps an Error made there as fn.__setUpAt), if known.
    function nonErrorThrown(value, fn) {
        let frame = null;
        const setUpAt = fn && fn.__setUpAt;
        if (setUpAt) {
            for (const line of String(setUpAt.stack).split('\n')) {
                const m = /@(.+):(\d+)$/.exec(line);
                if (m && m[1].indexOf('qrc:') !== 0) { frame = {file: m[1], line: Number(m[2])}; break; }
            }
        }
        const e = new Error('uncaught value ' + inspect(value, 0, []) + ' thrown (not an Error, so it has no stack' +
                            (frame ? '; the line is where its callback was set up)' : ' or line)'));
        e.fileName = frame ? frame.file : '';
        e.lineNumber = frame ? frame.line : 0;
        return e;
    }
    host.insideScriptCall = function () { return sink.insideScriptCall(); };
    host.onUnhandledRejection = function (reason) {
        report('Unhandled promise rejection: ', reason, true);
    };
    /// pn.config.exception_handler(e); an async handler's rejection is
    /// reported by default (never handed back to the handler).
    host.exceptionHandler = null;
    host.callExceptionHandler = function (handler, e) {
        const result = handler(e);
        if (host.isThenable(result)) {
            result.then(undefined, function (failure) {
                report('pn.config.exception_handler failed: ', failure, false);
            });
        }
        host.drainMicrotasks();
    };

    // A macrotask runs with an empty microtask queue and leaves one behind.
    function runTask(callback, args) {
        host.drainMicrotasks();
        try {
            callback.apply(undefined, args);
        } catch (e) {
            reportError(e);
        }
        host.drainMicrotasks();
    }
    host.runCallback = runTask;
    /// pn.io.with_lock's function called directly, not as a callback: its
    /// task remembers that, so a refused edit can say why.
    host.noteCalledWithLockDirectly = function (what) {
        const context = host.currentContext;
        if (context) context.calledWithLockDirectly = what;
    };
    function startTimer(callback, delay, args, repeat) {
        if (typeof callback !== 'function')
            throw new TypeError('The "callback" argument must be of type function');
        let ms = Number(delay);
        if (!(ms >= 1 && ms <= 2147483647)) ms = 1;
        return timerStart(function () { runTask(callback, args); }, Math.floor(ms), repeat,
                            (repeat ? 'setInterval callback ' : 'setTimeout callback ') + (callback.name || '(anonymous)'));
    }
    function clearTimer(id) {
        if (typeof id === 'number') timerClear(id);
    }
    const define = function (name, fn) {
        Object.defineProperty(global, name, {value: fn, writable: true, configurable: true});
    };
    define('setTimeout', function setTimeout(callback, delay, ...args) {
        return startTimer(callback, delay, args, false);
    });
    define('setInterval', function setInterval(callback, delay, ...args) {
        return startTimer(callback, delay, args, true);
    });
    define('clearTimeout', clearTimer);
    define('clearInterval', clearTimer);

    // ---- qpanel tasks: contexts, cancellation, sleep ------------------------
    // An async callback run as a qpanel task carries a context (see
    // polyfills.js). Cancelling the task cancels the context: its pending
    // sleeps reject with CancelledError, so the function stops at that await
    // (running its finally blocks), like asyncio's CancelledError.
    function CancelledError(message) {
        const e = new Error(message || 'task cancelled');
        Object.setPrototypeOf(e, CancelledError.prototype);
        return e;
    }
    CancelledError.prototype = Object.create(Error.prototype, {
        constructor: {value: CancelledError, writable: true, configurable: true},
        name: {value: 'CancelledError', writable: true, configurable: true},
    });
    host.CancelledError = CancelledError;
    // A context's cancel hooks: functions, or objects with cancel() (a
    // Sleep). Most tasks never register one, so the list is made lazily.
    function addHook(context, hook) {
        if (context.hooks) context.hooks.push(hook);
        else context.hooks = [hook];
    }
    function removeHook(context, hook) {
        const hooks = context.hooks;
        if (!hooks) return;
        if (hooks.length === 1 && hooks[0] === hook) context.hooks = null;  // the usual case; splice makes an array
        else {
            const i = hooks.indexOf(hook);
            if (i >= 0) hooks.splice(i, 1);
        }
    }
    host.cancelContext = function (context) {
        if (context.cancelled) return;
        context.cancelled = true;
        const hooks = context.hooks || [];
        context.hooks = null;
        for (const hook of hooks) {
            try {
                if (typeof hook === 'function') hook();
                else hook.cancel();  // a Sleep
            } catch (e) {
                reportError(e);
            }
        }
        host.drainMicrotasks();
    };
    /// Registers `hook` to run if the current task is cancelled; returns an unregister function.
    host.onCancel = function (hook) {
        const context = host.currentContext;
        if (!context) return function () {};
        if (context.cancelled) {
            hook();
            return function () {};
        }
        addHook(context, hook);
        return function () { removeHook(context, hook); };
    };
    /// One crossing for a task's start: make its context, call `fn` with
    /// argc arguments as inContext takes them, run the microtasks it queued.
    /// Returns `started` = [context, result, isThenable] (one array, reused:
    /// the caller reads it at once) or throws what `fn` threw.
    const started = [undefined, undefined, false];
    host.startTask = function (taskId, fn, argc, a0, a1, a2, a3, a4) {
        const context = {taskId: taskId, cancelled: false, hooks: null};
        let result;
        try {
            result = host.inContext(context, fn, argc, a0, a1, a2, a3, a4);
        } catch (e) {
            throw e instanceof Error ? e : nonErrorThrown(e, fn);
        } finally {
            if (host.hasPendingMicrotasks()) host.drainMicrotasks();
        }
        started[0] = context;
        started[1] = result;
        started[2] = host.isThenable(result);
        return started;
    };
    /// Reports how `value` settles to settled(token, fulfilled, value) (a
    /// native method).
    host.settleTo = function (value, settled, token) {
        Promise.resolve(value).then(function (v) { settled(token, true, v); },
                                    function (e) { settled(token, false, e); });
    };
    /// For C++ driving a generator: a function stepping it, and its closing.
    host.stepper = function (iterator) {
        return function () { return iterator.next(); };
    };
    host.closeIterator = function (iterator) {
        // A cancelled task's generator ends with CancelledError: that is no error.
        const report = function (e) { if (!(e instanceof CancelledError)) reportError(e); };
        try {
            const closing = iterator.return();
            if (host.isThenable(closing)) closing.then(undefined, report);
        } catch (e) {
            report(e);
        }
        host.drainMicrotasks();
    };
    host.isThenable = function (value) {
        return value !== null && (typeof value === 'object' || typeof value === 'function') &&
               typeof value.then === 'function';
    };
    // A pending pn.sleep: its own cancel hook in its task's context (one
    // object and one timer closure per sleep; sleeps are the hot path).
    function Sleep(context) {
        this.context = context;
        this.promise = host.newPromise();
        this.timer = 0;
    }
    Sleep.prototype.cancel = function () {
        timerClear(this.timer);
        host.rejectPromise(this.promise, new CancelledError());
    };
    function wake(sleep) {
        if (sleep.context) removeHook(sleep.context, sleep);
        host.drainMicrotasks();
        host.fulfillAndDrain(sleep.promise, undefined);
    }
    host.sleep = function (ms) {
        const context = host.currentContext;
        if (context && context.cancelled) return Promise.reject(new CancelledError());
        const sleep = new Sleep(context);
        sleep.timer = timerStart(function () { wake(sleep); }, Math.max(0, Math.floor(Number(ms) || 0)), false,
                                 'code after pn.sleep');
        if (context) addHook(context, sleep);
        return sleep.promise;
    };

    // ---- console: a subset of node's util.inspect, always on one line -------
    function quote(s) {
        const q = s.indexOf("'") < 0 ? "'" : s.indexOf('"') < 0 ? '"' : s.indexOf('`') < 0 ? '`' : "'";
        const body = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t')
                         .replace(/\r/g, '\\r').split(q).join('\\' + q);
        return q + body + q;
    }
    function formatKey(key) {
        if (typeof key === 'symbol') return '[' + key.toString() + ']';
        return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
    }
    function constructorName(o) {
        for (let p = o; p !== null; p = Object.getPrototypeOf(p)) {
            const d = Object.getOwnPropertyDescriptor(p, 'constructor');
            if (d && typeof d.value === 'function' && d.value.name) return d.value.name;
        }
        return null;
    }
    function wrap(prefix, items, open, close) {
        if (items.length === 0) return prefix + open + close;
        return prefix + open + ' ' + items.join(', ') + ' ' + close;
    }
    function propertyItems(o, depth, seen, skipIndices) {
        const items = [];
        for (const key of Object.keys(o)) {
            if (skipIndices && /^\d+$/.test(key)) continue;
            const d = Object.getOwnPropertyDescriptor(o, key);
            let text;
            if (d.get || d.set) text = d.get && d.set ? '[Getter/Setter]' : d.get ? '[Getter]' : '[Setter]';
            else text = inspect(d.value, depth + 1, seen);
            items.push(formatKey(key) + ': ' + text);
        }
        for (const sym of Object.getOwnPropertySymbols(o)) {
            if (Object.getOwnPropertyDescriptor(o, sym).enumerable)
                items.push(formatKey(sym) + ': ' + inspect(o[sym], depth + 1, seen));
        }
        return items;
    }
    function inspect(v, depth, seen, top) {
        switch (typeof v) {
        case 'string': return top ? v : quote(v);
        case 'number': return Object.is(v, -0) ? '-0' : String(v);
        case 'boolean': case 'undefined': return String(v);
        case 'symbol': return v.toString();
        case 'function': return '[Function: ' + (v.name || '(anonymous)') + ']';
        }
        if (v === null) return 'null';
        if (seen.indexOf(v) >= 0) return '[Circular *1]';
        if (v instanceof Error) return v.stack ? String(v.name) + ': ' + v.message : String(v);
        if (v instanceof RegExp) return String(v);
        if (v instanceof Date) return isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
        const name = constructorName(v);
        if (depth > 2) return Array.isArray(v) ? '[Array]' : '[' + (name || 'Object') + ']';
        seen = seen.concat([v]);
        if (Array.isArray(v)) {
            const items = [];
            let holes = 0;
            const flush = function () {
                if (holes) items.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
                holes = 0;
            };
            for (let i = 0; i < v.length; i++) {
                if (!(i in v)) { holes++; continue; }
                flush();
                items.push(inspect(v[i], depth + 1, seen));
            }
            flush();
            const prefix = name && name !== 'Array' ? name + '(' + v.length + ') ' : '';
            return wrap(prefix, items.concat(propertyItems(v, depth, seen, true)), '[', ']');
        }
        if (v instanceof Map) {
            const items = [];
            v.forEach(function (value, key) {
                items.push(inspect(key, depth + 1, seen) + ' => ' + inspect(value, depth + 1, seen));
            });
            return wrap('Map(' + v.size + ') ', items, '{', '}');
        }
        if (v instanceof Set) {
            const items = [];
            v.forEach(function (value) { items.push(inspect(value, depth + 1, seen)); });
            return wrap('Set(' + v.size + ') ', items, '{', '}');
        }
        if (v instanceof Promise) {
            const p = host.promiseState(v);
            const state = p.state === 0 ? '<pending>'
                        : p.state === 1 ? inspect(p.value, depth + 1, seen)
                                        : '<rejected> ' + inspect(p.value, depth + 1, seen);
            return 'Promise { ' + state + ' }';
        }
        const items = propertyItems(v, depth, seen, false);
        let prefix = '';
        if (Object.getPrototypeOf(v) === null) prefix = '[Object: null prototype] ';
        else if (name && name !== 'Object') prefix = name + ' ';
        const tag = v[Symbol.toStringTag];
        if (typeof tag === 'string' && tag !== name) prefix = (name || 'Object') + ' [' + tag + '] ';
        return wrap(prefix, items, '{', '}');
    }
    function format(args) {
        const parts = [];
        for (let i = 0; i < args.length; i++) parts.push(inspect(args[i], 0, [], true));
        return parts.join(' ');
    }
    const console = {};
    for (const level of ['log', 'info', 'debug', 'warn', 'error']) {
        console[level] = function () { sinkLog(level, format(arguments)); };
    }
    define('console', console);
    host.inspect = function (v) { return inspect(v, 0, []); };
})
