// The host object pn.js uses, on V8: what the QJSEngine path's host.js
// provides over its polyfilled Promise, here over V8's own promises and
// qpanel's task runner. Evaluated as a function the session calls with its
// native pieces; returns the host.
(function (sleep, onCancel, CancelledError, native) {
    'use strict';
    return {
        sleep: function (ms) { return sleep(Math.max(0, Math.floor(Number(ms) || 0))); },
        onCancel: onCancel,
        CancelledError: CancelledError,
        // Every settle from C++ is a macrotask with its own microtask checkpoint.
        drainMicrotasks: function () {},
        // Busy watchers: their throw goes to the native caller, which reports it.
        runCallback: function (callback, args) { callback.apply(undefined, args); },
        noteCalledWithLockDirectly: function (what) { native.noteCalledWithLockDirectly(what); },
        exceptionHandler: null,
    };
})
