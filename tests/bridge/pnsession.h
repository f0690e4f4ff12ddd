#pragma once
// One app script session for pn API tests: console lines and reported
// errors collected, a private transpile cache, the servable roots. The same
// tests run on both JavaScript engines: QJSEngine (ScriptSession) by
// default, V8 (V8Session) when QPANEL_JS_ENGINE=v8 — ctest runs the suite
// twice, the second time with that set and the "V8." prefix (issue 14).

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <memory>

#include "bridge/scriptsession.h"
#include "widgets/button.h"
#include "widgets/layouts/listlayout.h"
#include "widgets/servable.h"
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

struct Session {
    QStringList log;
    QList<ScriptError> errors;
    QStringList stacks;  ///< each error's stack, as the console shows it
    QTemporaryDir cache;
    Transpiler transpiler{Transpiler::Options{cache.path(), true}};
    AnySession session{&transpiler};
    Session() {
        AppSession* app = session.app();
        QObject::connect(app, &AppSession::messageLogged, app,
                         [this](const QString&, const QString& text) { log << text; });
        QObject::connect(app, &AppSession::errorReported, app,
                         [this](const ScriptError& e, const QString& stack) {
                             if (qEnvironmentVariableIsSet("QPANEL_TEST_ECHO_ERRORS"))
                                 qWarning().noquote() << "reported:" << e.toString() << stack;
                             errors << e;
                             stacks << stack;
                         });
    }
    QList<Component*> roots() const {
        QList<Component*> list;
        for (const auto& root : Servables::of(session.document())->roots())
            list << root.component.data();
        return list;
    }
    /// The component at `index` of the first servable layout.
    template <typename T = Component>
    T* child(int index) const {
        auto* layout = roots().isEmpty() ? nullptr : qobject_cast<ListLayout*>(roots().front());
        return layout && index < layout->objects().size()
                   ? qobject_cast<T*>(layout->objects().at(index))
                   : nullptr;
    }
    Button* button(int index) const { return child<Button>(index); }
    /// Evaluates `expression` in the app's engine (globals the script set).
    QVariant evaluate(const char* expression) {
        return session.evaluate(QString::fromUtf8(expression));
    }
    /// Runs `source` (as /app/bad.js), which must fail with one error that
    /// contains `message`, reported at `line`.
    void expectFailure(const QString& source, const QString& message, int line) {
        EXPECT_FALSE(session.run(source, QStringLiteral("/app/bad.js")));
        ASSERT_EQ(errors.size(), 1) << source.toStdString();
        EXPECT_TRUE(errors[0].message.contains(message)) << firstError();
        EXPECT_EQ(errors[0].location.line, line) << firstError();
    }
    /// The first reported error as text (for assertion messages).
    std::string firstError() const {
        return errors.isEmpty() ? std::string("no error") : errors.front().toString().toStdString();
    }
};

}  // namespace qpanel::test
