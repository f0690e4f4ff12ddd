#pragma once
// A JS generator or async generator object as a C++ async generator, for
// pn.bind / pn.depends functions that stream. Each step (next()) runs inside
// the current task like any JS callback, so cancelling the task cancels an
// await inside the generator. When the consumer stops early (a newer run
// cancelled this one), the iterator's return() runs so its finally blocks do;
// nothing it yields afterwards reaches the consumer.
//
//   if (isJsIterator(value)) for co_await (each value of iterateJs(tasks, value)) ...

#include <QCoro/QCoroAsyncGenerator>

#include "bridge/jstasks.h"

namespace qpanel {

/// Whether `value` is an iterator object (next, return and throw methods).
bool isJsIterator(const QJSValue& value);

/// Steps through `iterator` inside the current task.
QCoro::AsyncGenerator<QJSValue> iterateJs(QPointer<JsTasks> tasks, QJSValue iterator);

}  // namespace qpanel
