#include "v8/callpromises.h"

#include <QPointer>
#include <QThread>
#include <optional>

#include "v8/jsconvert.h"
#include "v8/jsengine.h"
#include "v8/jsvalueref.h"
#include "v8/pendingcall.h"
#include "v8/qobjectwrap.h"
#include "v8/v8string.h"

namespace qpanel::v8engine {

namespace {

/// How a call's promise settles: with a value, or rejected with an Error.
struct Outcome {
    QVariant value;
    std::optional<QString> error;  ///< the whole message, member included
};

/// A rejection whose message names the member (`label`) first.
Outcome rejected(const QString& label, const QString& why) {
    return {.value = {}, .error = label + QStringLiteral(": ") + why};
}

Outcome outcomeOf(const PendingCall& call, const QString& label) {
    if (call.state() == PendingCall::State::Failed) return rejected(label, call.errorText());
    return {.value = call.result(), .error = std::nullopt};
}

void settle(QObjectBinding& binding, v8::Local<v8::Context> context,
            v8::Local<v8::Promise::Resolver> resolver, const Outcome& outcome) {
    v8::Isolate* isolate = context->GetIsolate();
    // Neither throws: resolving with a value V8 reads `then` from rejects instead.
    if (outcome.error)
        static_cast<void>(
            resolver->Reject(context, v8::Exception::Error(toV8(isolate, *outcome.error)))
                .IsNothing());
    else
        static_cast<void>(resolver->Resolve(context, toJs(binding, outcome.value)).IsNothing());
}

}  // namespace

/// One pending call's way to its promise. Lives on the engine's thread, as
/// the call does; deleted from the event loop once settled (it may be in the
/// call's signal), or by ~CallPromises.
class CallPromises::Relay : public QObject {
public:
    Relay(CallPromises& owner, PendingCall* call, QObject* performer, QString label,
          v8::Local<v8::Promise::Resolver> resolver)
        : owner_(owner),
          call_(call),
          performer_(performer),
          label_(std::move(label)),
          resolver_(owner.binding_.engine(), resolver) {
        owner_.relays_.insert(this);
        QObject::connect(call, &PendingCall::finished, this,
                         [this] { end(outcomeOf(*call_, label_)); });
        QObject::connect(call, &PendingCall::failed, this,
                         [this] { end(outcomeOf(*call_, label_)); });
        // A call that is its performer's child: the performer's destroyed comes first.
        QObject::connect(call, &QObject::destroyed, this, [this] {
            endWith(QStringLiteral("the call was deleted before it ended"));
        });
        if (performer && performer != call)
            QObject::connect(performer, &QObject::destroyed, this, [this] {
                endWith(QStringLiteral("the object was deleted before the call finished"));
            });
    }

    ~Relay() override {
        owner_.relays_.erase(this);
        // The engine closing: the binding's call goes with it (its task, if
        // any, runs on to nobody), and its destroyed() must not reach us.
        disconnectAll();
        if (call_ && !call_->parent()) {
            if (call_->thread() == QThread::currentThread())
                delete call_.data();
            else
                call_->deleteLater();
        }
    }

    bool settled() const { return settled_; }

private:
    void disconnectAll() {
        if (call_) QObject::disconnect(call_, nullptr, this, nullptr);
        if (performer_) QObject::disconnect(performer_, nullptr, this, nullptr);
    }

    void endWith(const QString& error) { end(rejected(label_, error)); }

    void end(const Outcome& outcome) {
        if (settled_) return;
        settled_ = true;
        disconnectAll();
        if (JsEngine* engine = resolver_.engine()) {
            const std::optional<JsError> error =
                engine->runMacrotask([&](v8::Local<v8::Context> context) {
                    settle(owner_.binding_, context, resolver_.get().As<v8::Promise::Resolver>(),
                           outcome);
                });
            // A stopped continuation (the time limit) is nobody's caller's error.
            if (error) engine->report(*error);
        }
        resolver_.release();
        // The call may be emitting right now: both go from the event loop.
        if (call_ && !call_->parent()) call_->deleteLater();
        call_ = nullptr;
        deleteLater();
    }

    CallPromises& owner_;
    QPointer<PendingCall> call_;
    QPointer<QObject> performer_;
    QString label_;
    bool settled_ = false;
    JsValueRef resolver_;
};

CallPromises::CallPromises(QObjectBinding& binding) : binding_(binding) {}

CallPromises::~CallPromises() {
    while (!relays_.empty()) delete *relays_.begin();  // each erases itself
}

v8::Local<v8::Promise> CallPromises::promiseFor(v8::Local<v8::Context> context, PendingCall* call,
                                                QObject* performer,
                                                v8::Local<v8::Value> performerWrapper,
                                                const QString& label) {
    const v8::Local<v8::Promise::Resolver> resolver =
        v8::Promise::Resolver::New(context).ToLocalChecked();
    std::optional<Outcome> now;
    if (!call)
        now = rejected(label, QStringLiteral("no call was started"));
    else if (call->thread() != QThread::currentThread())
        // Its signals would arrive queued, after it may have ended unseen.
        now = rejected(label, QStringLiteral("the call must live on the engine's thread"));
    else if (!call->isRunning())
        now = outcomeOf(*call, label);
    if (now) {
        settle(binding_, context, resolver, *now);
        if (call && !call->parent()) call->deleteLater();
    } else {
        // The resolver (held until the call ends) keeps the performer's
        // wrapper: a script-made object the script dropped still ends its call.
        v8::Isolate* isolate = context->GetIsolate();
        static_cast<void>(
            resolver
                ->SetPrivate(context,
                             v8::Private::ForApi(isolate, v8::String::NewFromUtf8Literal(
                                                              isolate, "qpanel.callPerformer")),
                             performerWrapper)
                .IsNothing());
        new Relay(*this, call, performer, label, resolver);
    }
    return resolver->GetPromise();
}

std::size_t CallPromises::pendingCount() const {
    std::size_t count = 0;
    for (const Relay* relay : relays_) count += relay->settled() ? 0 : 1;
    return count;
}

}  // namespace qpanel::v8engine
