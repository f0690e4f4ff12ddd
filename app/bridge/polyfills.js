// Built-ins Qt 6.4's JavaScript engine (V4) lacks or gets wrong, evaluated
// before every app script. Plain ES2016 so V4 parses it without Babel.
(function (global) {
    'use strict';

    function define(target, name, value) {
        if (Object.prototype.hasOwnProperty.call(target, name)) return;
        Object.defineProperty(target, name, {value: value, writable: true, configurable: true});
    }
    function toLength(v) {
        const n = Math.trunc(Number(v)) || 0;
        return n < 0 ? 0 : Math.min(n, Number.MAX_SAFE_INTEGER);
    }
    function relativeIndex(length, index) {
        const n = Math.trunc(Number(index)) || 0;
        return n < 0 ? length + n : n;
    }

    // The host object: microtask queue, unhandled-rejection and error hooks.
    const host = {
        reportError: function (e) { throw e; },
        onUnhandledRejection: null,
        scheduleDrain: null,
        insideScriptCall: function () { return false; },
    };
    Object.defineProperty(global, '__qpanel', {value: host, configurable: true});

    define(global, 'globalThis', global);

    // ---- Microtasks ---------------------------------------------------------
    // V4 posts each promise reaction as a Qt event, so timers and even other
    // reactions interleave with nested jobs. Our own queue drains completely
    // after each macrotask, as in node and browsers.
    const NativePromise = global.Promise;
    let queue = [];
    let head = 0;
    let draining = false;
    let drainRequested = false;
    let unhandled = [];

    function requestDrain() {
        if (drainRequested || draining) return;
        drainRequested = true;
        if (typeof host.scheduleDrain === 'function') host.scheduleDrain();
        else NativePromise.resolve().then(drainMicrotasks);
    }
    function enqueue(job) {
        queue.push(job);
        requestDrain();
    }
    function drainMicrotasks() {
        drainRequested = false;
        if (draining) return;
        draining = true;
        try {
            for (;;) {
                while (head < queue.length) {
                    const job = queue[head];
                    queue[head++] = undefined;
                    try {
                        if (job instanceof Reaction) runReaction(job);
                        else job();
                    } catch (e) {
                        host.reportError(e);
                    }
                }
                queue.length = 0;  // keeps its storage: no new array per drain
                head = 0;
                if (unhandled.length === 0) break;
                // Inside script code (JS called native code that drains): the
                // code below may still handle the rejection in this turn, as
                // in node, so the outermost drain reports it.
                if (host.insideScriptCall()) break;
                reportUnhandled();
                if (queue.length === 0) break;
            }
        } finally {
            draining = false;
        }
        if (head < queue.length || unhandled.length > 0) requestDrain();
    }
    function reportUnhandled() {
        const list = unhandled;
        unhandled = [];
        for (const p of list) {
            if (p[HANDLED]) continue;
            if (typeof host.onUnhandledRejection === 'function') host.onUnhandledRejection(p[VALUE], p);
        }
    }
    host.drainMicrotasks = drainMicrotasks;
    // After the watchdog interrupted a script, finally blocks on the way out
    // may not have run: make the queue drainable again and leave the task
    // contexts that were running. Queued jobs stay queued. Returns the ids
    // of the tasks whose code was cut (their async functions can never
    // settle), outermost first.
    host.resetAfterInterrupt = function () {
        const ids = [];
        const add = function (context) {
            if (context && context.taskId && ids.indexOf(context.taskId) < 0) ids.push(context.taskId);
        };
        for (let i = 0; i < activeDepth; i++) {
            add(active[i]);
            active[i] = undefined;
        }
        activeDepth = 0;
        add(host.currentContext);
        draining = false;
        drainRequested = false;
        host.currentContext = undefined;
        if (head < queue.length) requestDrain();
        return ids;
    };
    host.hasPendingMicrotasks = function () { return head < queue.length || unhandled.length > 0; };
    host.enqueueMicrotask = enqueue;

    define(global, 'queueMicrotask', function queueMicrotask(callback) {
        if (typeof callback !== 'function')
            throw new TypeError('The "callback" argument must be of type function');
        const context = host.currentContext;
        enqueue(function () { inContext(context, callback, 0); });
    });

    // ---- Promise --------------------------------------------------------------
    const PENDING = 0, FULFILLED = 1, REJECTED = 2;
    // Symbol keys: invisible to Object.keys, JSON.stringify and for-in, like real internal slots.
    const STATE = Symbol('PromiseState'), VALUE = Symbol('PromiseResult');
    const REACTIONS = Symbol('PromiseReactions'), HANDLED = Symbol('PromiseIsHandled');
    host.promiseState = function (p) {
        return p instanceof Promise ? {state: p[STATE], value: p[VALUE]} : undefined;
    };

    function isObject(v) { return (typeof v === 'object' && v !== null) || typeof v === 'function'; }

    // One `then` on one promise. Once the promise settles the reaction is
    // queued as itself (no closure per job). `derived` is the promise `then`
    // returned when that is a plain Promise; a subclass's has a capability.
    function Reaction(onFulfilled, onRejected, derived, capability, context) {
        this.onFulfilled = onFulfilled;
        this.onRejected = onRejected;
        this.derived = derived;
        this.capability = capability;
        this.context = context;
        this.state = PENDING;
        this.value = undefined;
    }
    function trigger(reaction, state, value) {
        reaction.state = state;
        reaction.value = value;
        enqueue(reaction);
    }

    function settle(promise, state, value) {
        if (promise[STATE] !== PENDING) return;
        const reactions = promise[REACTIONS];
        promise[STATE] = state;
        promise[VALUE] = value;
        promise[REACTIONS] = undefined;
        if (state === REJECTED && !promise[HANDLED]) {
            unhandled.push(promise);
            requestDrain();
        }
        if (reactions === undefined) return;
        if (reactions instanceof Reaction) return trigger(reactions, state, value);
        for (let i = 0; i < reactions.length; i++) trigger(reactions[i], state, value);
    }

    /// The resolve steps, for a promise resolved at most once by its maker
    /// (a `then`'s own promise, or through resolvingFunctions' guard).
    function resolvePromise(promise, resolution) {
        if (resolution === promise)
            return settle(promise, REJECTED, new TypeError('Chaining cycle detected for promise #<Promise>'));
        if (!isObject(resolution)) return settle(promise, FULFILLED, resolution);
        let then;
        try {
            then = resolution.then;
        } catch (e) {
            return settle(promise, REJECTED, e);
        }
        if (typeof then !== 'function') return settle(promise, FULFILLED, resolution);
        enqueue(function () {
            const inner = resolvingFunctions(promise);
            try {
                then.call(resolution, inner.resolve, inner.reject);
            } catch (e) {
                inner.reject(e);
            }
        });
    }

    function resolvingFunctions(promise) {
        let done = false;
        function resolve(resolution) {
            if (done) return;
            done = true;
            resolvePromise(promise, resolution);
        }
        function reject(reason) {
            if (done) return;
            done = true;
            settle(promise, REJECTED, reason);
        }
        return {resolve: resolve, reject: reject};
    }

    function runReaction(reaction) {
        const value = reaction.value;
        const handler = reaction.state === FULFILLED ? reaction.onFulfilled : reaction.onRejected;
        let outcome = reaction.state;
        let result = value;
        if (typeof handler === 'function') {
            try {
                result = reaction.context === undefined ? handler(value)
                                                        : inContext(reaction.context, handler, 1, value);
                outcome = FULFILLED;
            } catch (e) {
                outcome = REJECTED;
                result = e;
            }
        }
        const derived = reaction.derived;
        if (derived !== undefined) {
            if (outcome === FULFILLED) resolvePromise(derived, result);
            else settle(derived, REJECTED, result);
        } else if (reaction.capability) {
            (outcome === FULFILLED ? reaction.capability.resolve : reaction.capability.reject)(result);
        }
    }

    // The executor of promises made inside: they get no resolving functions.
    const INTERNAL = function () {};
    function Promise(executor) {
        if (!(this instanceof Promise) || this[STATE] !== undefined)
            throw new TypeError("Promise constructor cannot be invoked without 'new'");
        if (typeof executor !== 'function')
            throw new TypeError('Promise resolver ' + String(executor) + ' is not a function');
        this[STATE] = PENDING;
        this[VALUE] = undefined;
        this[REACTIONS] = undefined;  // then: one Reaction, then an array
        this[HANDLED] = false;
        if (executor === INTERNAL) return;
        const fns = resolvingFunctions(this);
        try {
            executor(fns.resolve, fns.reject);
        } catch (e) {
            fns.reject(e);
        }
    }

    function newCapability(C) {
        if (C === Promise || C === undefined) {
            const promise = new Promise(INTERNAL);
            const fns = resolvingFunctions(promise);
            return {promise: promise, resolve: fns.resolve, reject: fns.reject};
        }
        let res, rej;
        const promise = new C(function (a, b) {
            if (res !== undefined || rej !== undefined) throw new TypeError('Promise executor has already been invoked');
            res = a;
            rej = b;
        });
        if (typeof res !== 'function' || typeof rej !== 'function') throw new TypeError('Promise resolve or reject function is not callable');
        return {promise: promise, resolve: res, reject: rej};
    }

    function speciesOf(p) {
        const C = p.constructor;
        if (C === undefined) return Promise;
        const S = C[Symbol.species];
        return S === undefined || S === null ? Promise : S;
    }

    // The task context (which qpanel task an async callback belongs to)
    // follows promise reactions, like an AsyncContext: a continuation after
    // `await` runs in the context that was current when it was registered.
    host.currentContext = undefined;
    // The contexts whose code is on the stack, innermost last. The watchdog's
    // interrupt unwinds the stack running each catch block only up to its
    // first call (V4 checks the interrupt again there): a frame leaves this
    // list after a normal return or after a call in its catch block, so an
    // interrupted one stays listed for resetAfterInterrupt.
    const active = [];
    let activeDepth = 0;
    function stillRunning() {}
    /// Calls fn with the first `argc` (0-5) of a0..a4 in `context`; fn sees
    /// exactly argc arguments (more than 5: a0 is the array of them all).
    /// No closure or arguments object: this is every reaction's path.
    function inContext(context, fn, argc, a0, a1, a2, a3, a4) {
        const saved = host.currentContext;
        host.currentContext = context;
        active[activeDepth++] = context;
        let result;
        try {
            switch (argc) {
            case 0: result = fn(); break;
            case 1: result = fn(a0); break;
            case 2: result = fn(a0, a1); break;
            case 3: result = fn(a0, a1, a2); break;
            case 4: result = fn(a0, a1, a2, a3); break;
            case 5: result = fn(a0, a1, a2, a3, a4); break;
            default: result = fn.apply(undefined, a0); break;
            }
        } catch (e) {
            stillRunning();  // an interrupt stops here, leaving `context` listed
            active[--activeDepth] = undefined;
            host.currentContext = saved;
            throw e;
        }
        active[--activeDepth] = undefined;
        host.currentContext = saved;
        return result;
    }
    host.inContext = inContext;

    function performThen(promise, onFulfilled, onRejected, derived, capability) {
        const reaction = new Reaction(onFulfilled, onRejected, derived, capability, host.currentContext);
        const state = promise[STATE];
        if (state === PENDING) {
            const list = promise[REACTIONS];
            if (list === undefined) promise[REACTIONS] = reaction;
            else if (list instanceof Reaction) promise[REACTIONS] = [list, reaction];
            else list.push(reaction);
        } else {
            trigger(reaction, state, promise[VALUE]);
        }
        promise[HANDLED] = true;
    }

    define(Promise.prototype, 'then', function then(onFulfilled, onRejected) {
        if (!(this instanceof Promise) || this[STATE] === undefined)
            throw new TypeError('Method Promise.prototype.then called on incompatible receiver');
        const C = speciesOf(this);
        if (C === Promise) {
            const derived = new Promise(INTERNAL);
            performThen(this, onFulfilled, onRejected, derived, undefined);
            return derived;
        }
        const capability = newCapability(C);
        performThen(this, onFulfilled, onRejected, undefined, capability);
        return capability.promise;
    });
    // For host.js: a pending promise and its settling, without resolving
    // functions (its maker settles it once).
    host.newPromise = function () { return new Promise(INTERNAL); };
    /// Fulfils `promise` and runs the reactions at once: for a native
    /// callback (no drain needs scheduling, which costs a posted event).
    host.fulfillAndDrain = function (promise, value) {
        drainRequested = true;
        resolvePromise(promise, value);
        drainMicrotasks();
    };
    host.rejectPromise = function (promise, reason) { settle(promise, REJECTED, reason); };

    // ---- async functions -------------------------------------------------------
    // Babel turns an `async function` into a generator function and a driver;
    // the transpiler makes that driver this one (babelglue.js). An `await` is
    // one reaction on the awaited promise and no promise of its own, like the
    // spec's Await, so the order of ticks is node's.
    function AsyncCall(generator) {
        const call = this;
        this.generator = generator;
        this.promise = new Promise(INTERNAL);
        this.onFulfilled = function (value) { resumeAsync(call, false, value); };
        this.onRejected = function (reason) { resumeAsync(call, true, reason); };
    }
    function resumeAsync(call, isThrow, argument) {
        let step;
        try {
            step = isThrow ? call.generator.throw(argument) : call.generator.next(argument);
        } catch (e) {
            return settle(call.promise, REJECTED, e);
        }
        if (step.done) return resolvePromise(call.promise, step.value);
        performThen(promiseResolve(Promise, step.value), call.onFulfilled, call.onRejected, undefined, undefined);
    }
    host.asyncToGenerator = function (generatorFunction) {
        return function () {
            let generator;
            try {
                generator = generatorFunction.apply(this, arguments);  // evaluates default parameters
            } catch (e) {
                const rejected = new Promise(INTERNAL);
                settle(rejected, REJECTED, e);
                return rejected;
            }
            const call = new AsyncCall(generator);
            resumeAsync(call, false, undefined);
            return call.promise;
        };
    };

    define(Promise.prototype, 'catch', function (onRejected) { return this.then(undefined, onRejected); });
    define(Promise.prototype, 'finally', function (onFinally) {
        if (typeof onFinally !== 'function') return this.then(onFinally, onFinally);
        const C = speciesOf(this);
        return this.then(
            function (value) { return C.resolve(onFinally()).then(function () { return value; }); },
            function (reason) { return C.resolve(onFinally()).then(function () { throw reason; }); });
    });
    Object.defineProperty(Promise.prototype, Symbol.toStringTag, {value: 'Promise', configurable: true});
    Object.defineProperty(Promise, Symbol.species, {get: function () { return this; }, configurable: true});

    function promiseResolve(C, x) {
        if (x instanceof Promise && x.constructor === C) return x;
        if (C === Promise) {
            const promise = new Promise(INTERNAL);
            resolvePromise(promise, x);
            return promise;
        }
        const cap = newCapability(C);
        cap.resolve(x);
        return cap.promise;
    }
    define(Promise, 'resolve', function resolve(x) { return promiseResolve(this, x); });
    define(Promise, 'reject', function reject(r) {
        const cap = newCapability(this);
        cap.reject(r);
        return cap.promise;
    });

    // Shared driver of all/allSettled/any: onEach(index, value, C, cap, state).
    function combinator(C, iterable, onEach, finish) {
        const cap = newCapability(C);
        try {
            const resolveFn = C.resolve;
            if (typeof resolveFn !== 'function') throw new TypeError('Promise resolve is not a function');
            const state = {values: [], remaining: 1};
            let index = 0;
            for (const item of iterable) {
                state.values.push(undefined);
                state.remaining++;
                onEach(index++, resolveFn.call(C, item), cap, state);
            }
            if (--state.remaining === 0) finish(cap, state);
        } catch (e) {
            cap.reject(e);
        }
        return cap.promise;
    }
    function once(fn) {
        let called = false;
        return function (v) {
            if (called) return;
            called = true;
            fn(v);
        };
    }

    define(Promise, 'all', function all(iterable) {
        const finish = function (cap, s) { cap.resolve(s.values); };
        return combinator(this, iterable, function (i, p, cap, s) {
            p.then(once(function (v) {
                s.values[i] = v;
                if (--s.remaining === 0) finish(cap, s);
            }), cap.reject);
        }, finish);
    });
    define(Promise, 'allSettled', function allSettled(iterable) {
        const finish = function (cap, s) { cap.resolve(s.values); };
        return combinator(this, iterable, function (i, p, cap, s) {
            const record = function (entry) {
                s.values[i] = entry;
                if (--s.remaining === 0) finish(cap, s);
            };
            p.then(once(function (v) { record({status: 'fulfilled', value: v}); }),
                   once(function (r) { record({status: 'rejected', reason: r}); }));
        }, finish);
    });
    define(Promise, 'any', function any(iterable) {
        const finish = function (cap, s) {
            cap.reject(new AggregateError(s.values, 'All promises were rejected'));
        };
        return combinator(this, iterable, function (i, p, cap, s) {
            p.then(cap.resolve, once(function (r) {
                s.values[i] = r;
                if (--s.remaining === 0) finish(cap, s);
            }));
        }, finish);
    });
    define(Promise, 'race', function race(iterable) {
        const cap = newCapability(this);
        try {
            for (const item of iterable) this.resolve(item).then(cap.resolve, cap.reject);
        } catch (e) {
            cap.reject(e);
        }
        return cap.promise;
    });
    define(Promise, 'withResolvers', function withResolvers() { return newCapability(this); });
    Object.defineProperty(global, 'Promise', {value: Promise, writable: true, configurable: true});

    // ---- Errors ---------------------------------------------------------------
    if (typeof global.AggregateError !== 'function') {
        class AggregateError extends Error {
            constructor(errors, message) {
                super(message === undefined ? '' : String(message));
                Object.defineProperty(this, 'errors', {value: Array.from(errors), writable: true, configurable: true});
            }
        }
        Object.defineProperty(AggregateError.prototype, 'name', {value: 'AggregateError', writable: true, configurable: true});
        define(global, 'AggregateError', AggregateError);
    }

    // ---- Symbol ---------------------------------------------------------------
    if (!Symbol.asyncIterator)
        Object.defineProperty(Symbol, 'asyncIterator', {value: Symbol('Symbol.asyncIterator')});
    if (!('description' in Symbol.prototype)) {
        Object.defineProperty(Symbol.prototype, 'description', {
            configurable: true,
            get: function () {
                const s = Symbol.prototype.toString.call(this);
                const d = s.slice(7, -1);
                return d === '' && Symbol.keyFor(this.valueOf()) === undefined ? undefined : d;
            },
        });
    }

    // ---- Object ---------------------------------------------------------------
    // V4's Object.keys runs getters (Babel's object spread then runs them twice).
    let getterRuns = 0;
    Object.keys({get probe() { return ++getterRuns; }});
    if (getterRuns > 0) {
        const names = Object.getOwnPropertyNames;
        const isEnumerable = Object.prototype.propertyIsEnumerable;
        Object.defineProperty(Object, 'keys', {
            configurable: true,
            writable: true,
            value: function keys(o) {
                const target = Object(o);  // like the original: throws for null/undefined
                if (o === null || o === undefined) throw new TypeError('Cannot convert undefined or null to object');
                return names(target).filter(function (name) { return isEnumerable.call(target, name); });
            },
        });
    }
    define(Object, 'fromEntries', function fromEntries(entries) {
        const o = {};
        for (const entry of entries) o[entry[0]] = entry[1];
        return o;
    });
    define(Object, 'hasOwn', function hasOwn(o, key) {
        return Object.prototype.hasOwnProperty.call(Object(o), key);
    });

    // ---- Array ----------------------------------------------------------------
    const AP = Array.prototype;
    define(AP, 'at', function at(index) {
        const o = Object(this), len = toLength(o.length), k = relativeIndex(len, index);
        return k < 0 || k >= len ? undefined : o[k];
    });
    function flatten(target, source, depth) {
        const len = toLength(source.length);
        for (let i = 0; i < len; i++) {
            if (!(i in source)) continue;
            const v = source[i];
            if (depth > 0 && Array.isArray(v)) flatten(target, v, depth - 1);
            else target.push(v);
        }
        return target;
    }
    define(AP, 'flat', function flat(depth) {
        return flatten([], Object(this), depth === undefined ? 1 : Math.trunc(Number(depth)) || 0);
    });
    define(AP, 'flatMap', function flatMap(fn, thisArg) {
        return flatten([], AP.map.call(Object(this), fn, thisArg), 1);
    });
    define(AP, 'findLast', function findLast(fn, thisArg) {
        const o = Object(this);
        for (let i = toLength(o.length) - 1; i >= 0; i--)
            if (fn.call(thisArg, o[i], i, o)) return o[i];
        return undefined;
    });
    define(AP, 'findLastIndex', function findLastIndex(fn, thisArg) {
        const o = Object(this);
        for (let i = toLength(o.length) - 1; i >= 0; i--)
            if (fn.call(thisArg, o[i], i, o)) return i;
        return -1;
    });

    // V4's Array.from walks a string by UTF-16 unit, not by code point.
    const nativeFrom = Array.from;
    if (nativeFrom('\ud83d\ude00').length !== 1) {
        Object.defineProperty(Array, 'from', {
            configurable: true,
            writable: true,
            value: function from(items, mapFn, thisArg) {
                if (typeof items === 'string') items = [...items];
                return nativeFrom.apply(this, [items].concat(Array.prototype.slice.call(arguments, 1)));
            },
        });
    }

    // Typed arrays lack sort and at in V4.
    const TypedArrayProto = Object.getPrototypeOf(Int8Array.prototype);
    define(TypedArrayProto, 'at', AP.at);
    define(TypedArrayProto, 'sort', function sort(compareFn) {
        const sorted = Array.prototype.slice.call(this).sort(compareFn || function (a, b) {
            if (a !== a) return b !== b ? 0 : 1;
            if (b !== b) return -1;
            return a < b ? -1 : a > b ? 1 : Object.is(a, -0) && b === 0 ? -1 : Object.is(a, 0) && Object.is(b, -0) ? 1 : 0;
        });
        for (let i = 0; i < sorted.length; i++) this[i] = sorted[i];
        return this;
    });

    // V4's sort is not stable (ES2019 requires it): a merge sort with the
    // spec's ordering of undefined and holes.
    const nativeSort = AP.sort;
    function defaultCompare(a, b) {
        const x = String(a), y = String(b);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    function mergeSort(items, compare) {
        if (items.length < 2) return items;
        const mid = items.length >> 1;
        const left = mergeSort(items.slice(0, mid), compare);
        const right = mergeSort(items.slice(mid), compare);
        const out = [];
        let i = 0, j = 0;
        while (i < left.length && j < right.length)
            out.push(compare(right[j], left[i]) < 0 ? right[j++] : left[i++]);
        while (i < left.length) out.push(left[i++]);
        while (j < right.length) out.push(right[j++]);
        return out;
    }
    function sortCopy(o, compareFn) {
        if (compareFn !== undefined && typeof compareFn !== 'function')
            throw new TypeError('The comparison function must be either a function or undefined');
        const len = toLength(o.length);
        const values = [];
        let undefinedCount = 0;
        for (let i = 0; i < len; i++) {
            if (!(i in o)) continue;
            if (o[i] === undefined) undefinedCount++;
            else values.push(o[i]);
        }
        const compare = compareFn === undefined ? defaultCompare : function (a, b) {
            return Number(compareFn(a, b)) || 0;
        };
        return {sorted: mergeSort(values, compare), undefinedCount: undefinedCount, len: len};
    }
    Object.defineProperty(AP, 'sort', {
        writable: true,
        configurable: true,
        value: function sort(compareFn) {
            const o = Object(this);
            if (!Array.isArray(o)) return nativeSort.call(o, compareFn);
            const r = sortCopy(o, compareFn);
            let k = 0;
            for (const v of r.sorted) o[k++] = v;
            for (let u = 0; u < r.undefinedCount; u++) o[k++] = undefined;
            for (; k < r.len; k++) delete o[k];
            return o;
        },
    });
    define(AP, 'toSorted', function toSorted(compareFn) {
        const r = sortCopy(Object(this), compareFn);
        const out = r.sorted;
        for (let k = out.length; k < r.len; k++) out.push(undefined);
        return out;
    });
    define(AP, 'toReversed', function toReversed() {
        const o = Object(this), len = toLength(o.length), out = new Array(len);
        for (let i = 0; i < len; i++) out[i] = o[len - 1 - i];
        return out;
    });
    define(AP, 'with', function (index, value) {
        const o = Object(this), len = toLength(o.length), k = relativeIndex(len, index);
        if (k < 0 || k >= len) throw new RangeError('Invalid index : ' + index);
        const out = new Array(len);
        for (let i = 0; i < len; i++) out[i] = i === k ? value : o[i];
        return out;
    });

    // ---- JSON and Math: V4 ignores JSON.parse's reviver; its cbrt is pow(x, 1/3)
    const nativeParse = JSON.parse;
    if (nativeParse('[1]', function (k, v) { return v === 1 ? 2 : v; })[0] !== 2) {
        const internalize = function (holder, key, reviver) {
            const value = holder[key];
            if (typeof value === 'object' && value !== null) {
                const keys = Array.isArray(value) ? Array.from(value, function (_, i) { return String(i); })
                                                  : Object.keys(value);
                for (const k of keys) {
                    const v = internalize(value, k, reviver);
                    if (v === undefined) delete value[k];
                    else value[k] = v;
                }
            }
            return reviver.call(holder, key, value);
        };
        Object.defineProperty(JSON, 'parse', {
            configurable: true,
            writable: true,
            value: function parse(text, reviver) {
                const value = nativeParse(text);
                return typeof reviver === 'function' ? internalize({'': value}, '', reviver) : value;
            },
        });
    }
    // V4 applies an allow-list replacer to the top level only.
    const nativeStringify = JSON.stringify;
    if (nativeStringify({a: {a: 1, b: 2}}, ['a']) !== '{"a":{"a":1}}') {
        Object.defineProperty(JSON, 'stringify', {
            configurable: true,
            writable: true,
            value: function stringify(value, replacer, space) {
                if (!Array.isArray(replacer)) return nativeStringify(value, replacer, space);
                const keys = [];
                for (const item of replacer) {
                    const key = typeof item === 'string' || typeof item === 'number' ? String(item)
                              : item instanceof String || item instanceof Number ? String(item) : null;
                    if (key !== null && keys.indexOf(key) < 0) keys.push(key);
                }
                return nativeStringify(value, function (key, v) {
                    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
                    const picked = {};
                    for (const k of keys) if (k in v) picked[k] = v[k];
                    return picked;
                }, space);
            },
        });
    }
    if (Math.cbrt(27) !== 3) {
        Object.defineProperty(Math, 'cbrt', {
            configurable: true,
            writable: true,
            value: function cbrt(x) {
                x = Number(x);
                if (x === 0 || !isFinite(x)) return x;
                const y = Math.sign(x) * Math.pow(Math.abs(x), 1 / 3);
                return y - (y * y * y - x) / (3 * y * y);  // one Newton step
            },
        });
    }

    // ---- RegExp ---------------------------------------------------------------
    // V4's source puts a backslash before every "/" (even escaped ones and in
    // classes) and leaves line breaks raw; re-escape the spec's way.
    const sourceGetter = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
    if (sourceGetter.call(/\//) !== '\\/') {
        const escapeSource = function (pattern) {
            let out = '', inClass = false;
            for (let i = 0; i < pattern.length; i++) {
                const c = pattern[i];
                if (c === '\\') {
                    out += c + (i + 1 < pattern.length ? pattern[++i] : '');
                    continue;
                }
                if (c === '[') inClass = true;
                else if (c === ']') inClass = false;
                if (c === '/' && !inClass) out += '\\/';
                else if (c === '\n') out += '\\n';
                else if (c === '\r') out += '\\r';
                else if (c === '\u2028') out += '\\u2028';
                else if (c === '\u2029') out += '\\u2029';
                else out += c;
            }
            return out;
        };
        Object.defineProperty(RegExp.prototype, 'source', {
            configurable: true,
            get: function () {
                if (this === RegExp.prototype) return '(?:)';
                return escapeSource(sourceGetter.call(this).replace(/\\\//g, '/'));
            },
        });
        Object.defineProperty(RegExp.prototype, 'toString', {
            configurable: true,
            writable: true,
            value: function toString() { return '/' + this.source + '/' + this.flags; },
        });
    }

    // ---- String ---------------------------------------------------------------
    const SP = String.prototype;
    define(SP, 'at', function at(index) {
        const s = String(this), k = relativeIndex(s.length, index);
        return k < 0 || k >= s.length ? undefined : s.charAt(k);
    });
    function substitute(replacement, matched, position, s) {
        return replacement.replace(/\$([$&`'])/g, function (_, c) {
            if (c === '$') return '$';
            if (c === '&') return matched;
            if (c === '`') return s.slice(0, position);
            return s.slice(position + matched.length);
        });
    }
    define(SP, 'replaceAll', function replaceAll(pattern, replacement) {
        if (pattern instanceof RegExp) {
            if (pattern.flags.indexOf('g') < 0)
                throw new TypeError('replaceAll must be called with a global RegExp');
            return String(this).replace(pattern, replacement);
        }
        const s = String(this), search = String(pattern), step = Math.max(1, search.length);
        let out = '', end = 0;
        for (let p = s.indexOf(search); p !== -1 && p <= s.length; p = s.indexOf(search, p + step)) {
            const rep = typeof replacement === 'function' ? String(replacement(search, p, s))
                                                          : substitute(String(replacement), search, p, s);
            out += s.slice(end, p) + rep;
            end = p + search.length;
            if (p + step > s.length) break;
        }
        return out + s.slice(end);
    });
    define(SP, 'matchAll', function* matchAll(regexp) {
        const s = String(this);
        if (!(regexp instanceof RegExp)) regexp = new RegExp(regexp, 'g');
        else if (regexp.flags.indexOf('g') < 0)
            throw new TypeError('String.prototype.matchAll called with a non-global RegExp argument');
        // The species constructor keeps subclasses (e.g. Babel's named-group wrapper).
        const C = (regexp.constructor && regexp.constructor[Symbol.species]) || RegExp;
        const re = new C(regexp, regexp.flags);
        re.lastIndex = regexp.lastIndex;
        let m;
        while ((m = re.exec(s)) !== null) {
            if (m[0] === '') re.lastIndex++;
            yield m;
        }
    });
    // V4's replace/split/match/search ignore a pattern's Symbol.replace etc.
    if ('x'.replace({[Symbol.replace]: function () { return 'y'; }}, '') !== 'y') {
        for (const [name, symbol] of [['replace', Symbol.replace], ['split', Symbol.split],
                                      ['match', Symbol.match], ['search', Symbol.search]]) {
            const nativeMethod = SP[name];
            const regExpMethod = RegExp.prototype[symbol];
            Object.defineProperty(SP, name, {
                configurable: true,
                writable: true,
                value: function (pattern, arg) {
                    if ((typeof pattern === 'object' && pattern !== null) || typeof pattern === 'function') {
                        const custom = pattern[symbol];
                        if (typeof custom === 'function' && custom !== regExpMethod)
                            return custom.call(pattern, String(this), arg);
                    }
                    return nativeMethod.apply(this, arguments);
                },
            });
        }
    }
    define(SP, 'trimStart', function trimStart() { return String(this).replace(/^\s+/, ''); });
    define(SP, 'trimEnd', function trimEnd() { return String(this).replace(/\s+$/, ''); });
    define(SP, 'trimLeft', SP.trimStart);
    define(SP, 'trimRight', SP.trimEnd);
})(this);
