#pragma once
// A JS function handed to C++ as a Q_INVOKABLE's argument (a callback), the
// way QJSValue is for QJSEngine: declare the parameter as JsFunction and the
// binding accepts functions only ("argument 2 (callback) must be a function,
// not a number"). Copies share one JsValueRef, so the function never
// outlives its engine: once the engine closed, engine() is null.
//
//   Q_INVOKABLE int watch(const QString& name, const qpanel::v8engine::JsFunction& callback);

#include <v8.h>

#include <QMetaType>
#include <QString>
#include <QVariantList>
#include <memory>
#include <optional>

#include "v8/jserror.h"

namespace qpanel::v8engine {

class JsEngine;
class JsValueRef;

class JsFunction {
public:
    JsFunction() = default;
    JsFunction(JsEngine& engine, v8::Local<v8::Function> function);

    /// The engine the function lives in; null when empty or once it closed.
    JsEngine* engine() const;
    /// The function in the current HandleScope; empty when engine() is null.
    v8::Local<v8::Function> get() const;
    /// Its `name` ("" for an anonymous arrow), read when it was handed over.
    const QString& name() const { return name_; }
    /// Calls it as a macrotask with `args` converted as return values are
    /// (jsconvert's toJs); what it threw or what stopped it. Nothing happens
    /// once the engine closed.
    std::optional<JsError> call(const QVariantList& args = {}) const;
    /// Whether both are the same JS function.
    bool operator==(const JsFunction& other) const;

private:
    std::shared_ptr<JsValueRef> ref_;
    QString name_;
};

}  // namespace qpanel::v8engine

Q_DECLARE_METATYPE(qpanel::v8engine::JsFunction)
