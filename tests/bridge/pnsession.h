#pragma once
// One app script session for pn API tests: console lines and reported
// errors collected, a private transpile cache, the servable roots; on
// either JavaScript engine (common/anyjssession.h).

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <memory>

#include "common/anyjssession.h"
#include "widgets/button.h"
#include "widgets/layouts/listlayout.h"
#include "widgets/servable.h"

namespace qpanel::test {

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
