#include "v8/qobjectwrap.h"

#include <QHash>
#include <QSet>
#include <QVarLengthArray>
#include <algorithm>
#include <exception>
#include <optional>

#include "v8/callpromises.h"
#include "v8/jsconvert.h"
#include "v8/jsengine.h"
#include "v8/jsvalueref.h"
#include "v8/pendingcall.h"
#include "v8/v8string.h"

namespace qpanel::v8engine {

namespace {

// Internal field 1 of our objects holds the address of one of these, so a
// foreign object (or a wrapper's signal object) is never taken for a wrapper.
alignas(8) const char kWrapperTag = 0;
alignas(8) const char kSignalTag = 0;
constexpr int kWrapperFields = 2;  // [0] Wrapper*, [1] &kWrapperTag
constexpr int kSignalFields = 3;   // [0] the wrapper object, [1] &kSignalTag, [2] External(Member*)

void* tag(const char& which) {
    return const_cast<char*>(&which);
}

QString jsName(const QMetaObject* meta) {
    const QString full = QString::fromLatin1(meta->className());
    return full.mid(full.lastIndexOf(QLatin1String("::")) + 1).remove(QLatin1Char(':'));
}

void throwError(v8::Isolate* isolate, const QString& message, bool typeError = true) {
    const v8::Local<v8::String> text = toV8(isolate, message);
    isolate->ThrowException(typeError ? v8::Exception::TypeError(text)
                                      : v8::Exception::Error(text));
}

QString parameterLabel(const QMetaMethod& method, int i) {
    const QByteArray name = method.parameterNames().value(i);
    return name.isEmpty()
               ? QStringLiteral("argument %1").arg(i + 1)
               : QStringLiteral("argument %1 (%2)").arg(i + 1).arg(QString::fromLatin1(name));
}

/// What the arguments of one call convert to, kept alive for the call.
struct Arguments {
    QVarLengthArray<QVariant, 6> values;
    /// argv for qt_metacall: [0] the return slot, then each argument's data.
    QVarLengthArray<void*, 7> pointers(const QMetaMethod& method, void* result) {
        QVarLengthArray<void*, 7> argv;
        argv.append(result);
        for (int i = 0; i < values.size(); ++i)
            argv.append(method.parameterMetaType(i).id() == QMetaType::QVariant
                            ? static_cast<void*>(&values[i])
                            : values[i].data());
        return argv;
    }
};

/// Declared as returning PendingCall* (or a subclass): the script gets a Promise.
bool returnsPendingCall(QMetaType type) {
    const QMetaObject* meta = type.metaObject();
    return (type.flags() & QMetaType::PointerToQObject) && meta &&
           meta->inherits(&PendingCall::staticMetaObject);
}

}  // namespace

struct QObjectBinding::Member {
    QObjectBinding* binding;
    ClassInfo* cls;
    QString label;  ///< "Counter.value", for errors
    QMetaProperty property;
    std::vector<QMetaMethod> overloads;  ///< a method's by argument count; a signal's one
};

struct QObjectBinding::ClassInfo {
    const QMetaObject* meta;
    QString name;
    v8::Global<v8::FunctionTemplate> constructor;
    std::vector<std::unique_ptr<Member>> members;
    std::vector<QMetaMethod> constructors;  ///< index = the constructor's index in meta
    QObjectBinding* binding;
    /// Q_CLASSINFO("qpanel.errors", "plain"): a C++ exception's text is the
    /// whole TypeError, with no "Class.member: " before it (for facades whose
    /// messages already name what the script called).
    bool plainErrors = false;
};

struct QObjectBinding::Wrapper {
    QObjectBinding* binding;
    ClassInfo* cls;
    QPointer<QObject> object;
    const QObject* address;  ///< the key in byObject_, also once the object is gone
    Ownership ownership;
    v8::Global<v8::Object> handle;  ///< weak
};

/// One JS callback connected to one signal of one object. Not a Q_OBJECT:
/// it has one method past QObject's, reached through qt_metacall, and the
/// signal is connected to it by index (QSignalSpy's technique), so any
/// signal's arguments arrive as their typed pointers.
class QObjectBinding::SignalRelay : public QObject {
public:
    SignalRelay(QObjectBinding& binding, QObject* sender, const QMetaMethod& signal,
                v8::Local<v8::Function> callback)
        : binding_(binding),
          sender_(sender),
          signal_(signal),
          callback_(binding.engine(), callback) {
        // Auto: an emit on another thread is queued to the engine's (the
        // relay's) thread, since the isolate may be entered from one thread only.
        QMetaObject::connect(sender, signal.methodIndex(), this,
                             QObject::staticMetaObject.methodCount(), Qt::AutoConnection);
        QObject::connect(sender, &QObject::destroyed, this, [this] { retire(); });
    }
    ~SignalRelay() override {
        auto& relays = binding_.relays_;
        relays.erase(std::remove(relays.begin(), relays.end(), this), relays.end());
    }

    bool matches(const QObject* sender, const QMetaMethod& signal,
                 v8::Local<v8::Value> callback) const {
        return !retired_ && sender == sender_ && signal == signal_ &&
               callback_.get()->StrictEquals(callback);
    }
    bool retired() const { return retired_; }
    /// Stops delivering now; deleted from the event loop (it may be the one
    /// calling) or with the binding, whichever comes first.
    void retire() {
        if (retired_) return;
        retired_ = true;
        callback_.release();
        if (sender_) QObject::disconnect(sender_, nullptr, this, nullptr);
        deleteLater();
    }

    int qt_metacall(QMetaObject::Call call, int id, void** argv) override {
        id = QObject::qt_metacall(call, id, argv);
        if (id < 0 || call != QMetaObject::InvokeMetaMethod) return id;
        if (id == 0) deliver(argv);
        return id - 1;
    }

private:
    void deliver(void** argv) {
        JsEngine* engine = callback_.engine();
        if (retired_ || !engine) return;
        const std::optional<JsError> error =
            engine->runMacrotask([&](v8::Local<v8::Context> context) {
                QVarLengthArray<v8::Local<v8::Value>, 4> args;
                for (int i = 0; i < signal_.parameterCount(); ++i)
                    args.append(toJs(binding_, signal_.parameterMetaType(i), argv[i + 1]));
                const v8::Local<v8::Function> callback = callback_.get().As<v8::Function>();
                // Its result is unused; a throw is in runMacrotask's TryCatch.
                static_cast<void>(callback
                                      ->Call(context, v8::Undefined(context->GetIsolate()),
                                             int(args.size()), args.data())
                                      .IsEmpty());
            });
        // Like an event listener's: reported, not thrown into whoever emitted.
        if (error) engine->report(*error);
    }

    QObjectBinding& binding_;
    QPointer<QObject> sender_;
    QMetaMethod signal_;
    JsValueRef callback_;
    bool retired_ = false;
};

/// The V8 callbacks. Each gets its Member (or ClassInfo) as the External
/// data of its FunctionTemplate; the receiver is checked by V8 (Signature).
struct QObjectBinding::Callbacks {
    static Member& member(const v8::FunctionCallbackInfo<v8::Value>& info) {
        return *static_cast<Member*>(info.Data().As<v8::External>()->Value());
    }

    /// The receiver's object, or null with a JS error thrown.
    static QObject* live(const v8::FunctionCallbackInfo<v8::Value>& info, v8::Local<v8::Value> self,
                         const Member& member) {
        Wrapper* wrapper = member.binding->wrapperOf(self);
        if (wrapper && wrapper->object) return wrapper->object.data();
        throwError(
            info.GetIsolate(),
            wrapper ? member.label + QStringLiteral(": the object was deleted")
                    : member.label + QStringLiteral(": not called on a %1").arg(member.cls->name),
            wrapper == nullptr);
        return nullptr;
    }

    /// What a member's C++ exception becomes in the script.
    static void throwFailure(v8::Isolate* isolate, const Member& m, const std::exception& e) {
        const QString text = QString::fromUtf8(e.what());
        if (m.cls->plainErrors) return throwError(isolate, text);
        throwError(isolate, m.label + QStringLiteral(": ") + text, false);
    }

    static void getProperty(const v8::FunctionCallbackInfo<v8::Value>& info) {
        Member& m = member(info);
        QObject* object = live(info, info.This(), m);
        if (!object) return;
        info.GetReturnValue().Set(toJs(*m.binding, m.property.read(object)));
    }

    static void setProperty(const v8::FunctionCallbackInfo<v8::Value>& info) {
        Member& m = member(info);
        QObject* object = live(info, info.This(), m);
        if (!object) return;
        v8::Isolate* isolate = info.GetIsolate();
        if (!m.property.isWritable())
            return throwError(isolate, m.label + QStringLiteral(" is read-only"));
        const v8::Local<v8::Context> context = isolate->GetCurrentContext();
        QString expected;
        const std::optional<QVariant> value =
            fromJs(*m.binding, context, info[0], m.property.metaType(), &expected);
        if (!value)
            return throwError(isolate,
                              QStringLiteral("%1 must be %2, not %3")
                                  .arg(m.label, expected, describe(*m.binding, context, info[0])));
        try {
            if (!m.property.write(object, *value))
                throwError(isolate, m.label + QStringLiteral(": the value was refused"));
        } catch (const std::exception& refused) {
            throwFailure(isolate, m, refused);
        }
    }

    /// Converts the call's arguments for the first of `overloads` with as many
    /// parameters whose types they fit; its index, or -1 with a TypeError thrown.
    static int convertArguments(const v8::FunctionCallbackInfo<v8::Value>& info,
                                QObjectBinding& binding, const QString& label,
                                const std::vector<QMetaMethod>& overloads, Arguments& out) {
        v8::Isolate* isolate = info.GetIsolate();
        const v8::Local<v8::Context> context = isolate->GetCurrentContext();
        const int count = info.Length();
        QString firstError;
        QList<int> counts;
        for (std::size_t o = 0; o < overloads.size(); ++o) {
            const QMetaMethod& method = overloads[o];
            if (!counts.contains(method.parameterCount())) counts << method.parameterCount();
            if (method.parameterCount() != count) continue;
            out.values.clear();
            int i = 0;
            for (; i < count; ++i) {
                QString expected;
                std::optional<QVariant> value =
                    fromJs(binding, context, info[i], method.parameterMetaType(i), &expected);
                if (!value) {
                    // Each overload of this count says what it wanted.
                    const QString wanted = QStringLiteral("%1 must be %2, not %3")
                                               .arg(parameterLabel(method, i), expected,
                                                    describe(binding, context, info[i]));
                    firstError += firstError.isEmpty() ? label + QStringLiteral(": ") + wanted
                                                       : QStringLiteral("; or ") + wanted;
                    break;
                }
                out.values.append(std::move(*value));
            }
            if (i == count) return int(o);
        }
        if (firstError.isEmpty()) {
            std::sort(counts.begin(), counts.end());
            QStringList allowed;
            for (int n : counts) allowed << QString::number(n);
            firstError =
                QStringLiteral("%1: expects %2 argument%3, not %4")
                    .arg(label, allowed.join(QLatin1String(" or ")),
                         allowed.size() == 1 && counts[0] == 1 ? QString() : QStringLiteral("s"))
                    .arg(count);
        }
        throwError(isolate, firstError);
        return -1;
    }

    static void callMethod(const v8::FunctionCallbackInfo<v8::Value>& info) {
        Member& m = member(info);
        QObject* object = live(info, info.This(), m);
        if (!object) return;
        Arguments args;
        const int chosen = convertArguments(info, *m.binding, m.label, m.overloads, args);
        if (chosen < 0) return;
        const QMetaMethod& method = m.overloads[std::size_t(chosen)];
        const QMetaType returnType = method.returnMetaType();
        const bool returns = returnType.isValid() && returnType.id() != QMetaType::Void;
        QVariant result;
        if (returns && returnType.id() != QMetaType::QVariant) result = QVariant(returnType);
        void* resultSlot = !returns                                 ? nullptr
                           : returnType.id() == QMetaType::QVariant ? static_cast<void*>(&result)
                                                                    : result.data();
        auto argv = args.pointers(method, resultSlot);
        try {
            QMetaObject::metacall(object, QMetaObject::InvokeMetaMethod, method.methodIndex(),
                                  argv.data());
        } catch (const std::exception& failed) {
            return throwFailure(info.GetIsolate(), m, failed);
        }
        if (!returns) return;
        if (returnsPendingCall(returnType)) {
            auto* call = qobject_cast<PendingCall*>(result.value<QObject*>());
            return info.GetReturnValue().Set(m.binding->calls_->promiseFor(
                info.GetIsolate()->GetCurrentContext(), call, object, info.This(), m.label));
        }
        info.GetReturnValue().Set(toJs(*m.binding, result));
    }

    static void construct(const v8::FunctionCallbackInfo<v8::Value>& info) {
        auto& cls = *static_cast<ClassInfo*>(info.Data().As<v8::External>()->Value());
        v8::Isolate* isolate = info.GetIsolate();
        if (!info.IsConstructCall())
            return throwError(isolate, QStringLiteral("%1 must be called with new").arg(cls.name));
        const v8::Local<v8::Object> self = info.This();
        // Not a wrapper until attached (a failed constructor leaves it so).
        self->SetAlignedPointerInInternalField(0, nullptr);
        self->SetAlignedPointerInInternalField(1, nullptr);
        if (cls.constructors.empty())
            return throwError(isolate,
                              QStringLiteral("%1 cannot be made from a script").arg(cls.name));
        Arguments args;
        const int chosen = convertArguments(info, *cls.binding, QStringLiteral("new ") + cls.name,
                                            cls.constructors, args);
        if (chosen < 0) return;
        QObject* made = nullptr;
        auto argv = args.pointers(cls.constructors[std::size_t(chosen)], &made);
        try {
            cls.meta->static_metacall(QMetaObject::CreateInstance, chosen, argv.data());
        } catch (const std::exception& failed) {
            return throwError(
                isolate,
                QStringLiteral("new %1: %2").arg(cls.name, QString::fromUtf8(failed.what())),
                false);
        }
        if (!made) return throwError(isolate, QStringLiteral("new %1 failed").arg(cls.name), false);
        cls.binding->attach(self, cls, made, Ownership::Script);
    }

    static void getSignal(const v8::FunctionCallbackInfo<v8::Value>& info) {
        Member& m = member(info);
        if (!live(info, info.This(), m)) return;
        v8::Isolate* isolate = info.GetIsolate();
        const v8::Local<v8::Context> context = isolate->GetCurrentContext();
        // Kept on the wrapper under a private key, so `obj.changed === obj.changed`
        // (a script may store one and compare it later).
        const v8::Local<v8::Object> self = info.This();
        const v8::Local<v8::Private> key =
            v8::Private::ForApi(isolate, toV8(isolate, QStringLiteral("qpanel.signal:") + m.label));
        v8::Local<v8::Value> cached;
        if (self->GetPrivate(context, key).ToLocal(&cached) && cached->IsObject())
            return info.GetReturnValue().Set(cached);
        v8::Local<v8::Object> handle;
        if (!m.binding->signalTemplate_.Get(isolate)->NewInstance(context).ToLocal(&handle)) return;
        handle->SetInternalField(0, self);
        handle->SetAlignedPointerInInternalField(1, tag(kSignalTag));
        handle->SetInternalField(2, info.Data());
        static_cast<void>(self->SetPrivate(context, key, handle).IsNothing());
        info.GetReturnValue().Set(handle);
    }

    /// connect(fn) / disconnect(fn) on a signal object: its Member and wrapper.
    template <bool doConnect>
    static void connectSignal(const v8::FunctionCallbackInfo<v8::Value>& info) {
        v8::Isolate* isolate = info.GetIsolate();
        const v8::Local<v8::Object> self = info.This();
        if (self->InternalFieldCount() != kSignalFields ||
            self->GetAlignedPointerFromInternalField(1) != tag(kSignalTag))
            return throwError(isolate,
                              QStringLiteral("connect/disconnect: not called on a signal"));
        Member& m = *static_cast<Member*>(self->GetInternalField(2).As<v8::External>()->Value());
        const v8::Local<v8::Value> target = self->GetInternalField(0);
        const QString what =
            m.label + (doConnect ? QStringLiteral(".connect") : QStringLiteral(".disconnect"));
        Wrapper* wrapper = m.binding->wrapperOf(target);
        if (!wrapper || !wrapper->object)
            return throwError(isolate, what + QStringLiteral(": the object was deleted"), false);
        if (info.Length() < 1 || !info[0]->IsFunction())
            return throwError(
                isolate,
                what + QStringLiteral(": the callback must be a function, not %1")
                           .arg(describe(*m.binding, isolate->GetCurrentContext(), info[0])));
        const v8::Local<v8::Function> callback = info[0].As<v8::Function>();
        if constexpr (doConnect) {
            m.binding->connect(*wrapper, m.overloads.front(), callback);
        } else {
            info.GetReturnValue().Set(
                m.binding->disconnect(*wrapper, m.overloads.front(), callback));
        }
    }
};

QObjectBinding::QObjectBinding(JsEngine& engine)
    : engine_(engine), calls_(std::make_unique<CallPromises>(*this)) {
    v8::Isolate* isolate = engine.isolate();
    v8::HandleScope handles(isolate);
    const v8::Local<v8::FunctionTemplate> signal = v8::FunctionTemplate::New(isolate);
    signal->SetClassName(v8::String::NewFromUtf8Literal(isolate, "Signal"));
    const v8::Local<v8::ObjectTemplate> instance = signal->InstanceTemplate();
    instance->SetInternalFieldCount(kSignalFields);
    instance->Set(isolate, "connect",
                  v8::FunctionTemplate::New(isolate, &Callbacks::connectSignal<true>, {}, {}, 1,
                                            v8::ConstructorBehavior::kThrow));
    instance->Set(isolate, "disconnect",
                  v8::FunctionTemplate::New(isolate, &Callbacks::connectSignal<false>, {}, {}, 1,
                                            v8::ConstructorBehavior::kThrow));
    signalTemplate_.Reset(isolate, instance);
}

QObjectBinding::~QObjectBinding() {
    // Callbacks and pending calls first, so deleting the script's objects
    // below reaches no JS (a call's performer going would reject its promise).
    calls_.reset();
    while (!relays_.empty()) delete relays_.back();  // each erases itself
    for (auto& [key, wrapper] : wrappers_) {
        wrapper->handle.Reset();
        QObject* object = wrapper->object.data();
        if (wrapper->ownership == Ownership::Script && object && !object->parent()) delete object;
    }
    wrappers_.clear();
    byObject_.clear();
    classes_.clear();
    signalTemplate_.Reset();
}

QObjectBinding::ClassInfo& QObjectBinding::classInfo(const QMetaObject* meta) {
    auto found = classes_.find(meta);
    if (found != classes_.end()) return *found->second;

    v8::Isolate* isolate = engine_.isolate();
    auto info = std::make_unique<ClassInfo>();
    info->meta = meta;
    info->name = jsName(meta);
    info->binding = this;
    const int errorsInfo = meta->indexOfClassInfo("qpanel.errors");
    info->plainErrors =
        errorsInfo >= 0 && qstrcmp(meta->classInfo(errorsInfo).value(), "plain") == 0;
    const v8::Local<v8::FunctionTemplate> constructor = v8::FunctionTemplate::New(
        isolate, &Callbacks::construct, v8::External::New(isolate, info.get()));
    constructor->SetClassName(toV8(isolate, info->name));
    constructor->InstanceTemplate()->SetInternalFieldCount(kWrapperFields);
    const v8::Local<v8::Signature> receiver = v8::Signature::New(isolate, constructor);
    const v8::Local<v8::ObjectTemplate> prototype = constructor->PrototypeTemplate();
    auto addMember = [&](const QByteArray& name) {
        info->members.push_back(std::make_unique<Member>(Member{
            .binding = this,
            .cls = info.get(),
            .label = info->name + QLatin1Char('.') + QString::fromLatin1(name),
            .property = {},
            .overloads = {},
        }));
        return info->members.back().get();
    };
    auto function = [&](v8::FunctionCallback callback, Member* member, int length) {
        return v8::FunctionTemplate::New(isolate, callback, v8::External::New(isolate, member),
                                         receiver, length, v8::ConstructorBehavior::kThrow);
    };
    QSet<QByteArray> taken;

    for (int i = 0; i < meta->propertyCount(); ++i) {
        const QMetaProperty property = meta->property(i);
        const QByteArray name = property.name();
        if (!property.isScriptable() || taken.contains(name)) continue;
        taken.insert(name);
        Member* member = addMember(name);
        member->property = property;
        prototype->SetAccessorProperty(
            toV8(isolate, QString::fromLatin1(name)), function(&Callbacks::getProperty, member, 0),
            function(&Callbacks::setProperty, member, 1), v8::DontDelete);
    }
    // QObject's own methods (deleteLater, destroyed) stay C++'s.
    QHash<QByteArray, Member*> methods;
    for (int i = QObject::staticMetaObject.methodCount(); i < meta->methodCount(); ++i) {
        const QMetaMethod method = meta->method(i);
        const QByteArray name = method.name();
        if (method.access() != QMetaMethod::Public) continue;
        if (method.methodType() == QMetaMethod::Signal) {
            // A signal with default arguments has clones with fewer; JS gets the full one.
            if ((method.attributes() & QMetaMethod::Cloned) || taken.contains(name)) continue;
            taken.insert(name);
            Member* member = addMember(name);
            member->overloads.push_back(method);
            prototype->SetAccessorProperty(toV8(isolate, QString::fromLatin1(name)),
                                           function(&Callbacks::getSignal, member, 0), {},
                                           v8::DontDelete);
        } else if (methods.contains(name)) {
            methods[name]->overloads.push_back(method);
        } else if (!taken.contains(name)) {
            taken.insert(name);
            Member* member = addMember(name);
            member->overloads.push_back(method);
            methods.insert(name, member);
        }
    }
    for (Member* member : std::as_const(methods)) {
        std::stable_sort(member->overloads.begin(), member->overloads.end(),
                         [](const QMetaMethod& a, const QMetaMethod& b) {
                             return a.parameterCount() < b.parameterCount();
                         });
        const QByteArray name = member->overloads.front().name();
        prototype->Set(
            toV8(isolate, QString::fromLatin1(name)),
            function(&Callbacks::callMethod, member, member->overloads.back().parameterCount()),
            v8::DontEnum);
    }
    for (int i = 0; i < meta->constructorCount(); ++i)
        info->constructors.push_back(meta->constructor(i));

    info->constructor.Reset(isolate, constructor);
    return *classes_.emplace(meta, std::move(info)).first->second;
}

v8::Local<v8::Value> QObjectBinding::wrap(QObject* object, Ownership ownership) {
    v8::Isolate* isolate = engine_.isolate();
    if (!object) return v8::Null(isolate);
    const auto found = byObject_.find(object);
    if (found != byObject_.end() && found->second->object == object)
        return found->second->handle.Get(isolate);
    ClassInfo& info = classInfo(object->metaObject());
    const v8::Local<v8::Object> instance = info.constructor.Get(isolate)
                                               ->InstanceTemplate()
                                               ->NewInstance(isolate->GetCurrentContext())
                                               .ToLocalChecked();
    attach(instance, info, object, ownership);
    return instance;
}

void QObjectBinding::attach(v8::Local<v8::Object> instance, ClassInfo& info, QObject* object,
                            Ownership ownership) {
    auto wrapper = std::make_unique<Wrapper>();
    wrapper->binding = this;
    wrapper->cls = &info;
    wrapper->object = object;
    wrapper->address = object;
    wrapper->ownership = ownership;
    wrapper->handle.Reset(engine_.isolate(), instance);
    wrapper->handle.SetWeak(wrapper.get(), &QObjectBinding::onWrapperCollected,
                            v8::WeakCallbackType::kParameter);
    instance->SetAlignedPointerInInternalField(0, wrapper.get());
    instance->SetAlignedPointerInInternalField(1, tag(kWrapperTag));
    byObject_[object] = wrapper.get();
    Wrapper* key = wrapper.get();
    wrappers_.emplace(key, std::move(wrapper));
}

void QObjectBinding::onWrapperCollected(const v8::WeakCallbackInfo<Wrapper>& info) {
    // During GC: no JS and no V8 calls here, so a script-owned object is
    // deleted from the event loop, where its destructor may emit freely.
    Wrapper* wrapper = info.GetParameter();
    wrapper->handle.Reset();
    wrapper->binding->forget(wrapper);
}

void QObjectBinding::forget(Wrapper* wrapper) {
    const auto current = byObject_.find(wrapper->address);
    if (current != byObject_.end() && current->second == wrapper) byObject_.erase(current);
    QObject* object = wrapper->object.data();
    if (wrapper->ownership == Ownership::Script && object && !object->parent())
        object->deleteLater();
    wrappers_.erase(wrapper);
}

QObjectBinding::Wrapper* QObjectBinding::wrapperOf(v8::Local<v8::Value> value) const {
    if (!value->IsObject()) return nullptr;
    const v8::Local<v8::Object> object = value.As<v8::Object>();
    if (object->InternalFieldCount() != kWrapperFields ||
        object->GetAlignedPointerFromInternalField(1) != tag(kWrapperTag))
        return nullptr;
    return static_cast<Wrapper*>(object->GetAlignedPointerFromInternalField(0));
}

QObject* QObjectBinding::unwrap(v8::Local<v8::Value> value, bool* deleted) const {
    Wrapper* wrapper = wrapperOf(value);
    if (deleted) *deleted = wrapper && !wrapper->object;
    return wrapper ? wrapper->object.data() : nullptr;
}

QString QObjectBinding::className(v8::Local<v8::Value> value) const {
    Wrapper* wrapper = wrapperOf(value);
    return wrapper ? wrapper->cls->name : QString();
}

void QObjectBinding::expose(v8::Local<v8::Context> context, const QString& name, QObject* object) {
    context->Global()->Set(context, toV8(engine_.isolate(), name), wrap(object)).Check();
}

void QObjectBinding::exposeClass(v8::Local<v8::Context> context, const QMetaObject* meta,
                                 QString name) {
    ClassInfo& info = classInfo(meta);
    if (name.isEmpty()) name = info.name;
    const v8::Local<v8::Function> constructor =
        info.constructor.Get(engine_.isolate())->GetFunction(context).ToLocalChecked();
    context->Global()->Set(context, toV8(engine_.isolate(), name), constructor).Check();
}

void QObjectBinding::connect(Wrapper& wrapper, const QMetaMethod& signal,
                             v8::Local<v8::Function> callback) {
    relays_.push_back(new SignalRelay(*this, wrapper.object.data(), signal, callback));
}

bool QObjectBinding::disconnect(Wrapper& wrapper, const QMetaMethod& signal,
                                v8::Local<v8::Function> callback) {
    for (SignalRelay* relay : relays_) {
        if (relay->matches(wrapper.object.data(), signal, callback)) {
            relay->retire();
            return true;
        }
    }
    return false;
}

std::size_t QObjectBinding::pendingCallCount() const {
    return calls_->pendingCount();
}

std::size_t QObjectBinding::connectionCount() const {
    return std::size_t(std::count_if(relays_.begin(), relays_.end(),
                                     [](const SignalRelay* relay) { return !relay->retired(); }));
}

}  // namespace qpanel::v8engine
