// The Python bad-script corpus (corpus/*.py, the format of
// tests/hardening/badscript.h with `#` comments): each script gives its
// clear error at the user's file:line, nothing crashes or hangs, and a new
// app works afterwards.
#include <QRegularExpression>
#include <memory>

#include "common/eventloop.h"
#include "core/runtime.h"
#include "hardening/badscript.h"
#include "hardening/scriptsteps.h"
#include "pyappworks.h"

using namespace std::chrono_literals;
using qpanel::Runtime;
using qpanel::test::BadScript;
using qpanel::test::PySession;
using qpanel::test::waitUntil;

namespace {

QList<BadScript> corpus() {
    return qpanel::test::readBadScripts(QStringLiteral(QPANEL_PYCORPUS_DIR),
                                        QStringLiteral("*.py"));
}

/// What the user sees of a script's end: an error, or for sys.exit() the
/// Console line "sys.exit(0) ended this app (file:line)".
struct Outcome {
    QString message;
    QString file;
    int line = 0;
    QString stack;
    std::string text() const {
        return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message).toStdString();
    }
};

std::optional<Outcome> find(const PySession& app, const QString& expect) {
    for (int i = 0; i < app.errors.size(); ++i)
        if (app.errors[i].message.contains(expect))
            return Outcome{app.errors[i].message, app.errors[i].location.file,
                           app.errors[i].location.line, app.stacks[i]};
    static const QRegularExpression place(QStringLiteral("\\(([^()]*):(\\d+)\\)$"));
    for (const QString& line : app.log) {
        const QRegularExpressionMatch m = place.match(line);
        if (line.contains(expect) && m.hasMatch())
            return Outcome{line, m.captured(1), m.captured(2).toInt(), {}};
    }
    return std::nullopt;
}

std::string seen(const PySession& app) {
    QStringList lines;
    for (const auto& e : app.errors) lines << e.toString();
    return (lines.join('\n') + "\nconsole:\n" + app.log.join('\n')).toStdString();
}

class PyBadScripts : public testing::TestWithParam<BadScript> {};

TEST_P(PyBadScripts, GiveAClearErrorAtTheUsersLineAndQpanelKeepsRunning) {
    const BadScript& script = GetParam();
    auto app = std::make_unique<PySession>();
    // Runaway scripts are interrupted after a short limit, so the test is quick.
    app->session.setScriptTimeLimit(std::chrono::milliseconds(script.timeLimitMs));
    app->session.load(script.path);
    for (const QString& step : script.steps) {
        std::string problem;
        ASSERT_TRUE(qpanel::test::runStep(
            app ? app->session.document() : nullptr, step, [&] { app.reset(); }, problem))
            << problem << "; so far:\n"
            << (app ? seen(*app) : std::string());
    }
    if (script.expectsNothing()) {
        ASSERT_FALSE(app) << "an 'expect: nothing' script ends with a close step";
        EXPECT_TRUE(waitUntil([] { return Runtime::instance().tasks().count() == 0; }))
            << "a task of the closed app is left";
    } else {
        ASSERT_TRUE(app) << "a step closed the app before its error";
        ASSERT_TRUE(waitUntil([&] { return find(*app, script.expect).has_value(); }, 10s))
            << "expected '" << script.expect.toStdString() << "', got:\n"
            << seen(*app);
        const Outcome outcome = *find(*app, script.expect);
        EXPECT_EQ(outcome.file, script.path) << outcome.text();
        if (script.line != BadScript::FileOnly) {
            EXPECT_EQ(outcome.line, script.line) << outcome.text();
        }
        // Tracebacks stay readable (deep recursion must not list 1000 frames).
        EXPECT_LT(outcome.stack.count(QLatin1Char('\n')), 100) << outcome.stack.toStdString();
        // Closing the bad app leaves none of its tasks behind.
        qpanel::Document* document = app->session.document();
        app.reset();
        EXPECT_EQ(Runtime::instance().tasks().countOwnedBy(document), 0);
    }
    EXPECT_TRUE(qpanel::test::aNewPythonAppStillWorks()) << "after " << script.path.toStdString();
}

INSTANTIATE_TEST_SUITE_P(PyCorpus, PyBadScripts, testing::ValuesIn(corpus()),
                         [](const testing::TestParamInfo<BadScript>& info) {
                             return info.param.testName().toStdString();
                         });

TEST(PyCorpusSize, HoldsAtLeastFiftyScripts) {
    EXPECT_GE(corpus().size(), 50);
}

}  // namespace
