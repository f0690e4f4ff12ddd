#include "v8/jsconvert.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <cmath>
#include <cstring>
#include <limits>

#include "v8/jsengine.h"
#include "v8/jsfunction.h"
#include "v8/qobjectwrap.h"
#include "v8/v8string.h"

namespace qpanel::v8engine {

namespace {

/// Arrays and objects nested deeper than this convert as undefined (a
/// cycle would otherwise recurse without end).
constexpr int kMaxDepth = 64;

v8::Local<v8::Array> listToJs(QObjectBinding& binding, const QVariantList& list) {
    v8::Isolate* isolate = binding.engine().isolate();
    const v8::Local<v8::Context> context = isolate->GetCurrentContext();
    v8::Local<v8::Array> array = v8::Array::New(isolate, int(list.size()));
    for (qsizetype i = 0; i < list.size(); ++i)
        array->Set(context, uint32_t(i), toJs(binding, list[i])).Check();
    return array;
}

v8::Local<v8::Object> mapToJs(QObjectBinding& binding, const QVariantMap& map) {
    v8::Isolate* isolate = binding.engine().isolate();
    const v8::Local<v8::Context> context = isolate->GetCurrentContext();
    v8::Local<v8::Object> object = v8::Object::New(isolate);
    for (auto it = map.begin(); it != map.end(); ++it)
        object->Set(context, toV8(isolate, it.key()), toJs(binding, it.value())).Check();
    return object;
}

template <typename Int>
std::optional<QVariant> integerFromJs(v8::Local<v8::Value> value, QMetaType type,
                                      QString* expected) {
    if (value->IsNumber()) {
        const double number = value.As<v8::Number>()->Value();
        if (std::trunc(number) == number && number >= double(std::numeric_limits<Int>::min()) &&
            number <= double(std::numeric_limits<Int>::max())) {
            const Int integer = Int(number);
            return QVariant(type, &integer);
        }
    }
    *expected = std::numeric_limits<Int>::is_signed ? QStringLiteral("an integer")
                                                    : QStringLiteral("a non-negative integer");
    return std::nullopt;
}

/// The bytes of an ArrayBuffer or a view on one (a Uint8Array, a DataView).
QByteArray bytesOf(v8::Local<v8::Value> value) {
    if (value->IsArrayBufferView()) {
        const v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
        QByteArray bytes(qsizetype(view->ByteLength()), Qt::Uninitialized);
        view->CopyContents(bytes.data(), size_t(bytes.size()));
        return bytes;
    }
    const std::shared_ptr<v8::BackingStore> store = value.As<v8::ArrayBuffer>()->GetBackingStore();
    return QByteArray(static_cast<const char*>(store->Data()), qsizetype(store->ByteLength()));
}

QVariant toVariantAt(QObjectBinding& binding, v8::Local<v8::Context> context,
                     v8::Local<v8::Value> value, int depth) {
    if (value->IsBoolean()) return value->BooleanValue(context->GetIsolate());
    if (value->IsInt32()) return value.As<v8::Int32>()->Value();
    if (value->IsNumber()) return value.As<v8::Number>()->Value();
    if (value->IsString()) return toQString(context->GetIsolate(), value.As<v8::String>());
    if (value->IsNull()) return QVariant::fromValue(nullptr);
    if (!value->IsObject() || value->IsFunction() || depth > kMaxDepth) return {};
    if (value->IsArrayBuffer() || value->IsArrayBufferView()) return bytesOf(value);
    if (QObject* object = binding.unwrap(value)) return QVariant::fromValue(object);
    if (!binding.className(value).isEmpty()) return {};  // a wrapper of a deleted object
    if (value->IsArray()) {
        const v8::Local<v8::Array> array = value.As<v8::Array>();
        QVariantList list;
        list.reserve(array->Length());
        for (uint32_t i = 0; i < array->Length(); ++i) {
            v8::Local<v8::Value> item;
            if (!array->Get(context, i).ToLocal(&item)) return {};
            list << toVariantAt(binding, context, item, depth + 1);
        }
        return list;
    }
    const v8::Local<v8::Object> object = value.As<v8::Object>();
    v8::Local<v8::Array> keys;
    if (!object->GetOwnPropertyNames(context).ToLocal(&keys)) return {};
    QVariantMap map;
    for (uint32_t i = 0; i < keys->Length(); ++i) {
        v8::Local<v8::Value> key, item;
        if (!keys->Get(context, i).ToLocal(&key) || !object->Get(context, key).ToLocal(&item))
            return {};
        map.insert(toQString(context->GetIsolate(), context, key),
                   toVariantAt(binding, context, item, depth + 1));
    }
    return map;
}

}  // namespace

v8::Local<v8::Value> toJs(QObjectBinding& binding, QMetaType type, const void* data) {
    v8::Isolate* isolate = binding.engine().isolate();
    if (!type.isValid() || !data) return v8::Undefined(isolate);
    if (type == QMetaType::fromType<JsFunction>()) {
        const v8::Local<v8::Function> function = static_cast<const JsFunction*>(data)->get();
        if (function.IsEmpty()) return v8::Undefined(isolate);
        return function;
    }
    if (type.flags() & QMetaType::PointerToQObject)
        return binding.wrap(*static_cast<QObject* const*>(data));
    if (type.flags() & QMetaType::IsEnumeration) {
        // Enums as their number (the meta-type knows the size).
        qint64 number = 0;
        QMetaType::convert(type, data, QMetaType::fromType<qint64>(), &number);
        return v8::Number::New(isolate, double(number));
    }
    switch (type.id()) {
        case QMetaType::Bool:
            return v8::Boolean::New(isolate, *static_cast<const bool*>(data));
        case QMetaType::Int:
            return v8::Integer::New(isolate, *static_cast<const int*>(data));
        case QMetaType::UInt:
            return v8::Integer::NewFromUnsigned(isolate, *static_cast<const uint*>(data));
        case QMetaType::LongLong:
            return v8::Number::New(isolate, double(*static_cast<const qlonglong*>(data)));
        case QMetaType::ULongLong:
            return v8::Number::New(isolate, double(*static_cast<const qulonglong*>(data)));
        case QMetaType::Double:
            return v8::Number::New(isolate, *static_cast<const double*>(data));
        case QMetaType::Float:
            return v8::Number::New(isolate, *static_cast<const float*>(data));
        case QMetaType::QString:
            return toV8(isolate, *static_cast<const QString*>(data));
        case QMetaType::QStringList: {
            const auto& strings = *static_cast<const QStringList*>(data);
            return listToJs(binding, QVariantList(strings.begin(), strings.end()));
        }
        case QMetaType::QVariantList:
            return listToJs(binding, *static_cast<const QVariantList*>(data));
        case QMetaType::QVariantMap:
            return mapToJs(binding, *static_cast<const QVariantMap*>(data));
        case QMetaType::QJsonValue:
            return toJs(binding, static_cast<const QJsonValue*>(data)->toVariant());
        case QMetaType::QJsonObject:
            return mapToJs(binding, static_cast<const QJsonObject*>(data)->toVariantMap());
        case QMetaType::QJsonArray:
            return listToJs(binding, static_cast<const QJsonArray*>(data)->toVariantList());
        case QMetaType::QVariant:
            return toJs(binding, *static_cast<const QVariant*>(data));
        case QMetaType::Nullptr:
            return v8::Null(isolate);
        case QMetaType::QByteArray: {
            // Bytes are an ArrayBuffer, as QJSEngine and fetch's arrayBuffer() give them.
            const auto& bytes = *static_cast<const QByteArray*>(data);
            const v8::Local<v8::ArrayBuffer> buffer =
                v8::ArrayBuffer::New(isolate, size_t(bytes.size()));
            if (!bytes.isEmpty())
                std::memcpy(buffer->GetBackingStore()->Data(), bytes.constData(),
                            size_t(bytes.size()));
            return buffer;
        }
        case QMetaType::Void:
            return v8::Undefined(isolate);
        default:
            break;
    }
    // Anything else Qt can turn into a string or a number (QUrl, QByteArray, QDateTime...).
    QString text;
    if (QMetaType::convert(type, data, QMetaType::fromType<QString>(), &text))
        return toV8(isolate, text);
    return v8::Undefined(isolate);
}

std::optional<QVariant> fromJs(QObjectBinding& binding, v8::Local<v8::Context> context,
                               v8::Local<v8::Value> value, QMetaType type, QString* expected) {
    v8::Isolate* isolate = context->GetIsolate();
    if (type.flags() & QMetaType::PointerToQObject) {
        QObject* object = nullptr;
        if (!value->IsNullOrUndefined()) {
            bool deleted = false;
            object = binding.unwrap(value, &deleted);
            const QMetaObject* wanted = type.metaObject();
            if (!object || (wanted && !object->metaObject()->inherits(wanted))) {
                *expected = deleted ? QStringLiteral("an object not yet deleted")
                                    : QStringLiteral("a %1").arg(QString::fromLatin1(
                                          wanted ? wanted->className() : "QObject"));
                return std::nullopt;
            }
        }
        return QVariant(type, &object);
    }
    if (type == QMetaType::fromType<JsFunction>()) {
        if (value->IsFunction())
            return QVariant::fromValue(JsFunction(binding.engine(), value.As<v8::Function>()));
        *expected = QStringLiteral("a function");
        return std::nullopt;
    }
    switch (type.id()) {
        case QMetaType::Bool:
            if (value->IsBoolean()) return QVariant(value->BooleanValue(isolate));
            *expected = QStringLiteral("a boolean");
            return std::nullopt;
        case QMetaType::Int:
            return integerFromJs<int>(value, type, expected);
        case QMetaType::UInt:
            return integerFromJs<uint>(value, type, expected);
        case QMetaType::LongLong:
            return integerFromJs<qlonglong>(value, type, expected);
        case QMetaType::ULongLong:
            return integerFromJs<qulonglong>(value, type, expected);
        case QMetaType::Double:
        case QMetaType::Float:
            if (value->IsNumber()) {
                QVariant number(value.As<v8::Number>()->Value());
                if (type.id() == QMetaType::Float) number.convert(type);
                return number;
            }
            *expected = QStringLiteral("a number");
            return std::nullopt;
        case QMetaType::QString:
            if (value->IsString()) return QVariant(toQString(isolate, value.As<v8::String>()));
            *expected = QStringLiteral("a string");
            return std::nullopt;
        case QMetaType::QStringList: {
            if (value->IsArray()) {
                const v8::Local<v8::Array> array = value.As<v8::Array>();
                QStringList strings;
                bool allStrings = true;
                for (uint32_t i = 0; i < array->Length() && allStrings; ++i) {
                    v8::Local<v8::Value> item;
                    allStrings = array->Get(context, i).ToLocal(&item) && item->IsString();
                    if (allStrings) strings << toQString(isolate, item.As<v8::String>());
                }
                if (allStrings) return QVariant(strings);
            }
            *expected = QStringLiteral("an array of strings");
            return std::nullopt;
        }
        case QMetaType::QVariantList:
            if (value->IsArray()) return toVariant(binding, context, value);
            *expected = QStringLiteral("an array");
            return std::nullopt;
        case QMetaType::QVariantMap:
            if (value->IsObject() && !value->IsArray() && !value->IsFunction() &&
                binding.className(value).isEmpty())
                return toVariant(binding, context, value);
            *expected = QStringLiteral("an object");
            return std::nullopt;
        case QMetaType::QJsonValue:
        case QMetaType::QJsonObject:
        case QMetaType::QJsonArray: {
            const QJsonValue json = QJsonValue::fromVariant(toVariant(binding, context, value));
            if (type.id() == QMetaType::QJsonValue) return QVariant::fromValue(json);
            if (type.id() == QMetaType::QJsonObject && json.isObject())
                return QVariant::fromValue(json.toObject());
            if (type.id() == QMetaType::QJsonArray && json.isArray())
                return QVariant::fromValue(json.toArray());
            *expected = type.id() == QMetaType::QJsonObject ? QStringLiteral("an object")
                                                            : QStringLiteral("an array");
            return std::nullopt;
        }
        case QMetaType::QVariant:
            return toVariant(binding, context, value);
        case QMetaType::QByteArray:
            if (value->IsArrayBuffer() || value->IsArrayBufferView())
                return QVariant(bytesOf(value));
            if (value->IsString())
                return QVariant(toQString(isolate, value.As<v8::String>()).toUtf8());
            *expected = QStringLiteral("an ArrayBuffer, a typed array or a string");
            return std::nullopt;
        default:
            break;
    }
    if (type.flags() & QMetaType::IsEnumeration) {
        if (value->IsInt32()) {
            QVariant number(value.As<v8::Int32>()->Value());
            if (number.convert(type)) return number;
        }
        *expected = QStringLiteral("an integer (%1)").arg(QString::fromLatin1(type.name()));
        return std::nullopt;
    }
    // Other types Qt converts from a string or a number (QUrl, QByteArray...).
    QVariant natural = toVariant(binding, context, value);
    if (natural.isValid() && natural.canConvert(type) && natural.convert(type)) return natural;
    *expected = QStringLiteral("a %1").arg(QString::fromLatin1(type.name()));
    return std::nullopt;
}

QVariant toVariant(QObjectBinding& binding, v8::Local<v8::Context> context,
                   v8::Local<v8::Value> value) {
    return toVariantAt(binding, context, value, 0);
}

QString describe(QObjectBinding& binding, v8::Local<v8::Context>, v8::Local<v8::Value> value) {
    if (value->IsUndefined()) return QStringLiteral("undefined");
    if (value->IsNull()) return QStringLiteral("null");
    if (value->IsBoolean()) return QStringLiteral("a boolean");
    if (value->IsNumber()) {
        const double number = value.As<v8::Number>()->Value();
        if (std::isfinite(number) && std::trunc(number) != number)
            return QStringLiteral("a fractional number");
        return QStringLiteral("a number");
    }
    if (value->IsString()) return QStringLiteral("a string");
    if (value->IsFunction()) return QStringLiteral("a function");
    if (value->IsArray()) return QStringLiteral("an array");
    const QString name = binding.className(value);
    if (!name.isEmpty()) {
        bool deleted = false;
        binding.unwrap(value, &deleted);
        return deleted ? QStringLiteral("a deleted %1").arg(name)
                       : QStringLiteral("a %1").arg(name);
    }
    return QStringLiteral("an object");
}

}  // namespace qpanel::v8engine
