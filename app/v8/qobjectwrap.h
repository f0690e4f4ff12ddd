#pragma once
// Any QObject seen from JavaScript, from its meta-object: Q_PROPERTYs as
// accessors (converted by type, jsconvert.h), Q_INVOKABLEs and public slots
// as methods (overloads chosen by argument count, a bad argument a TypeError
// naming the method and the argument), signals as `obj.valueChanged`
// objects with connect(fn) / disconnect(fn), Q_INVOKABLE constructors as a
// JS class (exposeClass). One FunctionTemplate per QMetaObject, made on
// first use; members are dispatched on indices and QMetaType ids.
//
//   QObjectBinding& binding = engine.qobjects();
//   engine.runMacrotask([&](auto context) { binding.expose(context, "counter", &counter); });
//   engine.runScript("counter.valueChanged.connect(v => console.log(v)); counter.value = 3",
//   "a.js");
//
// Lifetimes are explicit:
// - A wrapper holds its object weakly (QPointer). Once the object is
//   deleted, every use of the wrapper throws "Counter.value: the object was
//   deleted"; nothing is read from freed memory.
// - Ownership::Cpp (wrap's default, also for QObject* returned by methods or
//   properties): the wrapper is a weak V8 handle; when JS drops it, only the
//   wrapper goes. The same object gives the same wrapper while JS holds it.
// - Ownership::Script (objects made by `new Class()`): the object lives while
//   JS holds its wrapper; when the wrapper is collected the object is
//   deleted (deleteLater, outside the GC) unless it has a parent by then
//   (C++ took it). The engine closing deletes such objects too.
// - A method returning a PendingCall* (v8/pendingcall.h) gives the script
//   a Promise settled when the call ends (v8/callpromises.h); it rejects if
//   the object or the call is deleted first.
// - A connected callback is a JsValueRef in a relay object; the relays go
//   when the sender is deleted or the binding (the engine) closes, so a
//   signal emitted after the app closed reaches no script. A signal emitted
//   on another thread is queued to the engine's thread.

#include <v8.h>

#include <QMetaMethod>
#include <QPointer>
#include <QString>
#include <memory>
#include <unordered_map>
#include <vector>

namespace qpanel::v8engine {

class CallPromises;
class JsEngine;

enum class Ownership { Cpp, Script };

class QObjectBinding {
public:
    explicit QObjectBinding(JsEngine& engine);
    ~QObjectBinding();
    QObjectBinding(const QObjectBinding&) = delete;
    QObjectBinding& operator=(const QObjectBinding&) = delete;

    JsEngine& engine() const { return engine_; }

    /// The wrapper of `object` (null for nullptr), in the current HandleScope.
    v8::Local<v8::Value> wrap(QObject* object, Ownership ownership = Ownership::Cpp);
    /// The object `value` wraps, or nullptr: not a wrapper, or (`deleted`
    /// set) a wrapper whose object was deleted.
    QObject* unwrap(v8::Local<v8::Value> value, bool* deleted = nullptr) const;
    /// The JS name of a wrapper's class ("Counter"), or empty if not a wrapper.
    QString className(v8::Local<v8::Value> value) const;

    /// Sets the global `name` to wrap(object) (C++ ownership).
    void expose(v8::Local<v8::Context> context, const QString& name, QObject* object);
    /// Sets the global `name` (default: the class name without namespace) to
    /// a constructor calling `meta`'s Q_INVOKABLE constructors (by argument
    /// count); the objects made are owned by the script.
    void exposeClass(v8::Local<v8::Context> context, const QMetaObject* meta, QString name = {});

    /// Wrappers alive (not yet collected), and signal connections to JS.
    std::size_t wrapperCount() const { return wrappers_.size(); }
    std::size_t connectionCount() const;
    /// Asynchronous calls (PendingCall) whose promise is not settled yet.
    std::size_t pendingCallCount() const;

private:
    struct ClassInfo;
    struct Member;
    struct Wrapper;
    class SignalRelay;
    struct Callbacks;  // the V8 callbacks
    friend struct Callbacks;

    ClassInfo& classInfo(const QMetaObject* meta);
    Wrapper* wrapperOf(v8::Local<v8::Value> value) const;
    void attach(v8::Local<v8::Object> instance, ClassInfo& info, QObject* object,
                Ownership ownership);
    static void onWrapperCollected(const v8::WeakCallbackInfo<Wrapper>& info);
    void forget(Wrapper* wrapper);
    void connect(Wrapper& wrapper, const QMetaMethod& signal, v8::Local<v8::Function> callback);
    bool disconnect(Wrapper& wrapper, const QMetaMethod& signal, v8::Local<v8::Function> callback);

    JsEngine& engine_;
    std::unordered_map<const QMetaObject*, std::unique_ptr<ClassInfo>> classes_;
    /// Every wrapper not yet collected, and the current one per object (an
    /// object deleted and another made at its address replaces the entry).
    std::unordered_map<Wrapper*, std::unique_ptr<Wrapper>> wrappers_;
    std::unordered_map<const QObject*, Wrapper*> byObject_;
    std::vector<SignalRelay*> relays_;
    std::unique_ptr<CallPromises> calls_;
    v8::Global<v8::ObjectTemplate> signalTemplate_;
};

}  // namespace qpanel::v8engine
