#include "bridge/jsgenerator.h"

namespace qpanel {

bool isJsIterator(const QJSValue& value) {
    return value.isObject() && value.property(QStringLiteral("next")).isCallable() &&
           value.property(QStringLiteral("return")).isCallable() &&
           value.property(QStringLiteral("throw")).isCallable();
}

namespace {
/// Closes the iterator unless it finished by itself.
struct IteratorCloser {
    QPointer<JsTasks> tasks;
    QJSValue iterator;
    bool finished = false;
    ~IteratorCloser() {
        ScriptHost* host = tasks ? tasks->host() : nullptr;
        if (finished || !host) return;
        host->invoke(host->hostObject().property(QStringLiteral("closeIterator")), {iterator},
                     QStringLiteral("a generator's finally block"));
    }
};
}  // namespace

QCoro::AsyncGenerator<QJSValue> iterateJs(QPointer<JsTasks> tasks, QJSValue iterator) {
    if (!tasks || !tasks->host()) co_return;
    IteratorCloser closer{tasks, iterator};
    const QJSValue next =
        tasks->host()->hostObject().property(QStringLiteral("stepper")).call({iterator});
    for (;;) {
        QJSValue step;
        try {
            step = co_await tasks->evaluate(next, QJSValueList());
        } catch (const ScriptException&) {
            closer.finished = true;  // a generator that threw is done
            throw;
        }
        if (!tasks) co_return;
        if (step.property(QStringLiteral("done")).toBool()) {
            closer.finished = true;
            co_return;
        }
        co_yield step.property(QStringLiteral("value"));
    }
}

}  // namespace qpanel
