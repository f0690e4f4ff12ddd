#pragma once
// Values between Qt's meta-type system and V8, chosen by QMetaType id (never
// by type name): bool, the integer types, double/float, QString,
// QStringList, QVariantList, QVariantMap, QJsonValue/Object/Array, QVariant,
// QObject* (through QObjectBinding's wrappers: the same wrapper for the
// same object), nullptr and an invalid QVariant (null / undefined).
//
// From JS the conversion is strict, so a wrong argument is an error that
// names it rather than a silent 0 or "": a number for int must be an
// integer in range, a string stays a string.

#include <v8.h>

#include <QMetaType>
#include <QVariant>
#include <optional>

namespace qpanel::v8engine {

class QObjectBinding;

/// `data` (a value of `type`) as a JS value.
v8::Local<v8::Value> toJs(QObjectBinding& binding, QMetaType type, const void* data);
inline v8::Local<v8::Value> toJs(QObjectBinding& binding, const QVariant& value) {
    return toJs(binding, value.metaType(), value.constData());
}

/// `value` as a QVariant of exactly `type`, or nullopt if it does not fit;
/// then `expected` says what would have ("an integer", "a string", "a Counter").
/// With type QVariant, what the value naturally is (toVariant).
std::optional<QVariant> fromJs(QObjectBinding& binding, v8::Local<v8::Context> context,
                               v8::Local<v8::Value> value, QMetaType type, QString* expected);

/// `value` as the QVariant it naturally is: bool, double (int when
/// integral), QString, QVariantList, QVariantMap, QObject*, nullptr for
/// null, invalid for undefined and functions.
QVariant toVariant(QObjectBinding& binding, v8::Local<v8::Context> context,
                   v8::Local<v8::Value> value);

/// How an error message names a JS value's kind: "a string", "null", "a Counter".
QString describe(QObjectBinding& binding, v8::Local<v8::Context> context,
                 v8::Local<v8::Value> value);

}  // namespace qpanel::v8engine
