#pragma once
// QString <-> v8::String, UTF-16 both ways (no UTF-8 round trip).

#include <v8.h>

#include <QString>

namespace qpanel::v8engine {

inline v8::Local<v8::String> toV8(v8::Isolate* isolate, const QString& text) {
    return v8::String::NewFromTwoByte(isolate, reinterpret_cast<const uint16_t*>(text.utf16()),
                                      v8::NewStringType::kNormal, int(text.size()))
        .ToLocalChecked();
}

inline QString toQString(v8::Isolate* isolate, v8::Local<v8::String> text) {
    // An empty QString has no buffer of its own to write to.
    const int length = text->Length();
    if (length == 0) return {};
    QString out(length, Qt::Uninitialized);
    text->Write(isolate, reinterpret_cast<uint16_t*>(out.data()), 0, length,
                v8::String::NO_NULL_TERMINATION);
    return out;
}

/// A value as String(value) shows it; "" if converting threw (the exception stays pending).
inline QString toQString(v8::Isolate* isolate, v8::Local<v8::Context> context,
                         v8::Local<v8::Value> value) {
    v8::Local<v8::String> text;
    if (!value->ToString(context).ToLocal(&text)) return {};
    return toQString(isolate, text);
}

}  // namespace qpanel::v8engine
