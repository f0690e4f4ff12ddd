#pragma once
// One Python app session for tests: console lines and reported errors
// collected, the servable roots, the script's globals.

#include <gtest/gtest.h>

#include "python/pybind.h"
#include "python/pythonsession.h"
#include "widgets/layouts/listlayout.h"
#include "widgets/servable.h"

namespace qpanel::test {

struct PySession {
    QStringList log;
    QList<ScriptError> errors;
    QStringList stacks;
    PythonSession session;
    PySession() {
        QObject::connect(&session, &PythonSession::messageLogged, &session,
                         [this](const QString&, const QString& text) { log << text; });
        QObject::connect(&session, &PythonSession::errorReported, &session,
                         [this](const ScriptError& e, const QString& stack, ErrorEcho) {
                             errors << e;
                             stacks << stack;
                         });
    }
    bool run(const char* source, const char* file = "/app/test.py") {
        return session.run(QString::fromUtf8(source), QString::fromUtf8(file));
    }
    QList<Component*> roots() const {
        QList<Component*> list;
        for (const auto& root : Servables::of(session.document())->roots())
            list << root.component.data();
        return list;
    }
    template <typename T = Component>
    T* child(int index) const {
        auto* layout = roots().isEmpty() ? nullptr : qobject_cast<ListLayout*>(roots().front());
        return layout && index < layout->objects().size()
                   ? qobject_cast<T*>(layout->objects().at(index))
                   : nullptr;
    }
    /// repr() of an expression in the script's globals.
    std::string eval(const char* expression) {
        pybind11::gil_scoped_acquire gil;
        return pybind11::repr(pybind11::eval(expression, *session.globals())).cast<std::string>();
    }
    std::string firstError() const {
        return errors.isEmpty() ? std::string("no error") : errors.front().toString().toStdString();
    }
};

}  // namespace qpanel::test
