#include "v8/jspolyfills.h"

#include "v8/v8string.h"

namespace qpanel::v8engine {

namespace {

// The spec's steps (ECMA-262 2023, "change array by copy"), with node 20's
// error messages. Non-enumerable methods with the spec's length and name.
constexpr const char* kEs2023Source = R"js((() => {
  "use strict";
  const define = (target, name, fn) => {
    if (Object.prototype.hasOwnProperty.call(target, name)) return;
    Object.defineProperty(fn, "name", { value: name });
    Object.defineProperty(target, name, { value: fn, writable: true, enumerable: false, configurable: true });
  };
  const toLength = (value) => {
    const n = Math.trunc(Number(value)) || 0;
    return n <= 0 ? 0 : Math.min(n, Number.MAX_SAFE_INTEGER);
  };
  const toIntegerOrInfinity = (value) => Math.trunc(Number(value)) || 0;
  const arrayOfLength = (length) => {
    if (length > 4294967295) throw new RangeError("Invalid array length");
    return new Array(length);
  };
  const checkComparator = (compare) => {
    if (compare !== undefined && typeof compare !== "function")
      throw new TypeError("The comparison function must be either a function or undefined");
  };

  const A = Array.prototype;
  define(A, "toReversed", function () {
    const o = Object(this), length = toLength(o.length), out = arrayOfLength(length);
    for (let k = 0; k < length; k++) out[k] = o[length - 1 - k];
    return out;
  });
  define(A, "toSorted", function (compare) {
    checkComparator(compare);
    const o = Object(this), length = toLength(o.length), out = arrayOfLength(length);
    for (let k = 0; k < length; k++) out[k] = o[k];
    return A.sort.call(out, compare);
  });
  define(A, "toSpliced", function (start, skipCount) {
    const o = Object(this), length = toLength(o.length);
    const relative = toIntegerOrInfinity(start);
    const from = relative < 0 ? Math.max(length + relative, 0) : Math.min(relative, length);
    const items = Array.prototype.slice.call(arguments, 2);
    const skip = arguments.length === 0 ? 0 : arguments.length === 1 ? length - from
      : Math.min(Math.max(toIntegerOrInfinity(skipCount), 0), length - from);
    const newLength = length + items.length - skip;
    if (newLength > Number.MAX_SAFE_INTEGER) throw new TypeError("Invalid array length");
    const out = arrayOfLength(newLength);
    let i = 0;
    for (; i < from; i++) out[i] = o[i];
    for (const item of items) out[i++] = item;
    for (let r = from + skip; r < length; r++) out[i++] = o[r];
    return out;
  });
  define(A, "with", function (index, value) {
    const o = Object(this), length = toLength(o.length);
    const relative = toIntegerOrInfinity(index);
    const actual = relative >= 0 ? relative : length + relative;
    if (actual >= length || actual < 0) throw new RangeError("Invalid index : " + index);
    const out = arrayOfLength(length);
    for (let k = 0; k < length; k++) out[k] = k === actual ? value : o[k];
    return out;
  });
  Object.defineProperty(A.with, "length", { value: 2 });
  Object.defineProperty(A.toSpliced, "length", { value: 2 });
  const unscopables = A[Symbol.unscopables];
  for (const name of ["toReversed", "toSorted", "toSpliced"]) unscopables[name] = true;

  const T = Object.getPrototypeOf(Int8Array.prototype);
  const like = (typed, length) => new typed.constructor(length);
  const validLength = (typed) => {
    if (!ArrayBuffer.isView(typed) || typed instanceof DataView)
      throw new TypeError("this is not a typed array.");
    return typed.length;
  };
  define(T, "toReversed", function () {
    const length = validLength(this), out = like(this, length);
    for (let k = 0; k < length; k++) out[k] = this[length - 1 - k];
    return out;
  });
  define(T, "toSorted", function (compare) {
    checkComparator(compare);
    const length = validLength(this), out = like(this, length);
    out.set(this);
    return out.sort(compare);
  });
  define(T, "with", function (index, value) {
    const length = validLength(this);
    const relative = toIntegerOrInfinity(index);
    const actual = relative >= 0 ? relative : length + relative;
    const number = this instanceof BigInt64Array || this instanceof BigUint64Array ? BigInt(value) : Number(value);
    if (actual >= length || actual < 0) throw new RangeError("Invalid typed array index");
    const out = like(this, length);
    out.set(this);
    out[actual] = number;
    return out;
  });
  Object.defineProperty(T.with, "length", { value: 2 });
})();
)js";

}  // namespace

void installEs2023Builtins(v8::Local<v8::Context> context) {
    v8::Isolate* isolate = context->GetIsolate();
    v8::TryCatch tryCatch(isolate);
    v8::ScriptOrigin origin(isolate, toV8(isolate, QStringLiteral("qpanel:es2023")));
    v8::Local<v8::Script> script;
    if (!v8::Script::Compile(context, toV8(isolate, QString::fromUtf8(kEs2023Source)), &origin)
             .ToLocal(&script) ||
        script->Run(context).IsEmpty())
        qFatal("qpanel: the ES2023 built-ins did not install");  // a bug in the source above
}

}  // namespace qpanel::v8engine
