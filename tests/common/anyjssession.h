#pragma once
// The JavaScript app session under test on whichever engine was asked for:
// QJSEngine (ScriptSession) by default, V8 (V8Session) when
// QPANEL_JS_ENGINE=v8 and the build has V8 (QPANEL_HAS_V8). Suites that run
// on both register their tests twice, the second time with that variable
// and the "V8." prefix (issue 14).

#include <gtest/gtest.h>

#include <memory>

#include "bridge/scriptsession.h"
#ifdef QPANEL_HAS_V8
#include "jsapp/v8language.h"
#include "jsapp/v8session.h"
#include "v8/jsconvert.h"
#include "v8/jsengine.h"
#include "v8/v8string.h"
#endif

namespace qpanel::test {

/// The session under test on whichever engine was asked for: what the tests
/// call of it, forwarded.
class AnySession {
public:
    explicit AnySession(Transpiler* transpiler) {
#ifdef QPANEL_HAS_V8
        if (javaScriptOnV8Requested()) {
            v8_ = std::make_unique<V8Session>();
            return;
        }
#endif
        qjs_ = std::make_unique<ScriptSession>(transpiler);
    }
    AppSession* app() const {
#ifdef QPANEL_HAS_V8
        if (v8_) return v8_.get();
#endif
        return qjs_.get();
    }
    bool onV8() const {
        return qjs_ == nullptr;
    }
    bool run(const QString& source, const QString& fileName) {
#ifdef QPANEL_HAS_V8
        if (v8_) return v8_->run(source, fileName);
#endif
        return qjs_->run(source, fileName);
    }
    bool load(const QString& path) {
        return app()->load(path);
    }
    Document* document() const {
        return app()->document();
    }
    bool isIdle() const {
        return app()->isIdle();
    }
    void setScriptTimeLimit(std::chrono::milliseconds limit) {
        app()->setScriptTimeLimit(limit);
    }
    std::chrono::milliseconds scriptTimeLimit() const {
        return app()->scriptTimeLimit();
    }
    void setEnvironmentAccess(EnvironmentAccess access) {
#ifdef QPANEL_HAS_V8
        if (v8_) return v8_->setEnvironmentAccess(std::move(access));
#endif
        qjs_->setEnvironmentAccess(std::move(access));
    }
    /// True while the engine is still unwinding a stop (a broken engine).
    bool interrupted() const {
#ifdef QPANEL_HAS_V8
        if (v8_) return v8_->engine().isolate()->IsExecutionTerminating();
#endif
        return qjs_->host().engine()->isInterrupted();
    }
    /// Evaluates `expression` in the app's global scope, as a QVariant.
    QVariant evaluate(const QString& expression) {
#ifdef QPANEL_HAS_V8
        if (v8_) return evaluateOnV8(expression);
#endif
        const QJSValue value = qjs_->host().engine()->evaluate(expression);
        EXPECT_FALSE(value.isError())
            << expression.toStdString() << ": " << value.toString().toStdString();
        return value.toVariant();
    }

private:
#ifdef QPANEL_HAS_V8
    QVariant evaluateOnV8(const QString& expression) {
        v8engine::JsEngine& engine = v8_->engine();
        QVariant result;
        const auto error = engine.runMacrotask([&](v8::Local<v8::Context> context) {
            v8::Isolate* isolate = engine.isolate();
            v8::Local<v8::Script> script;
            v8::Local<v8::Value> value;
            if (v8::Script::Compile(context, v8engine::toV8(isolate, expression))
                    .ToLocal(&script) &&
                script->Run(context).ToLocal(&value))
                result = v8engine::toVariant(engine.qobjects(), context, value);
        });
        EXPECT_FALSE(error.has_value()) << expression.toStdString();
        return result;
    }
    std::unique_ptr<V8Session> v8_;
#endif
    std::unique_ptr<ScriptSession> qjs_;
};

}  // namespace qpanel::test
