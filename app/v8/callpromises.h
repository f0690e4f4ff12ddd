#pragma once
// The promises of one engine's PendingCalls (v8/pendingcall.h): what a
// bound Q_INVOKABLE returning a PendingCall* gives the script. Part of
// QObjectBinding, which calls promiseFor() and closes this first.
//
// How a call reaches its promise: PendingCall::finished / failed (queued to
// the engine's thread when the call lives elsewhere) -> a relay per call ->
// one macrotask resolving or rejecting the promise, then the microtask
// checkpoint, so `await` continuations run as after a node timer.
//
// Lifetimes: the relay holds the resolver as a JsValueRef and the call and
// the object performing it as QPointers. Either deleted before the call
// ends: the promise rejects ("Sleeper.sleep: the object was deleted before
// the call finished", "...: the call was deleted before it ended"). The engine closing first: the
// relays go, nothing settles afterwards, and the parentless calls (the binding's) are deleted.

#include <v8.h>

#include <QObject>
#include <QString>
#include <cstddef>
#include <unordered_set>

namespace qpanel::v8engine {

class PendingCall;
class QObjectBinding;

class CallPromises {
public:
    explicit CallPromises(QObjectBinding& binding);
    ~CallPromises();
    CallPromises(const CallPromises&) = delete;
    CallPromises& operator=(const CallPromises&) = delete;

    /// The promise of `call`, made by `performer`'s member `label`
    /// ("Sleeper.sleep"); `performerWrapper` (its JS object) is kept alive
    /// until the call ends. Settled now if the call has already ended; a
    /// null call gives a rejected promise.
    v8::Local<v8::Promise> promiseFor(v8::Local<v8::Context> context, PendingCall* call,
                                      QObject* performer, v8::Local<v8::Value> performerWrapper,
                                      const QString& label);

    /// Calls whose promise is not settled yet.
    std::size_t pendingCount() const;

private:
    class Relay;
    QObjectBinding& binding_;
    std::unordered_set<Relay*> relays_;
};

}  // namespace qpanel::v8engine
