// JS async callbacks as qpanel tasks: registry, busy, context across awaits,
// cancellation through CancelledError, errors with the user's line.
#include "bridge/jstasks.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTemporaryDir>

#include "bridge/transpiler.h"
#include "common/eventloop.h"

using namespace std::chrono_literals;
using qpanel::Document;
using qpanel::ErrorReport;
using qpanel::JsTasks;
using qpanel::Runtime;
using qpanel::ScriptHost;
using qpanel::SourceLocation;
using qpanel::test::waitUntil;

namespace {

/// An engine with the host, a document and JsTasks, running one script.
struct ScriptFixture {
    QStringList log;  // first: closing the app logs while the members below go
    QTemporaryDir cache;
    qpanel::Transpiler transpiler{qpanel::Transpiler::Options{cache.path(), true}};
    QJSEngine engine;
    ScriptHost host{&engine};
    Document document;
    JsTasks tasks{&host, &document};

    explicit ScriptFixture(const QString& source) {
        QObject::connect(&host, &ScriptHost::messageLogged, &host,
                         [this](const QString&, const QString& text) { log << text; });
        const auto script = transpiler.transpile(source, QStringLiteral("/app/test.js"));
        EXPECT_TRUE(script.ok()) << (script.error ? script.error->toString().toStdString() : "");
        EXPECT_TRUE(host.run(script));
    }
    QJSValue global(const char* name) {
        return engine.globalObject().property(QString::fromLatin1(name));
    }
};

}  // namespace

TEST(JsTasks, AnAsyncCallbackIsATaskUntilItsPromiseSettles) {
    ScriptFixture f(
        QStringLiteral("async function work(n) {\n"
                       "  await __qpanel.sleep(30);\n"
                       "  console.log('done ' + n);\n"
                       "}\n"));
    const quint64 id = f.tasks.call(f.global("work"), {7}, QStringLiteral("Button 'Go'.on_click"));
    ASSERT_TRUE(Runtime::instance().tasks().contains(id));
    EXPECT_EQ(Runtime::instance().tasks().snapshot().front().origin,
              QStringLiteral("Button 'Go'.on_click"));
    EXPECT_TRUE(Runtime::instance().busy());
    ASSERT_TRUE(waitUntil([&] { return !Runtime::instance().tasks().contains(id); }));
    EXPECT_EQ(f.log, QStringList{"done 7"});
    EXPECT_FALSE(Runtime::instance().busy());
}

TEST(JsTasks, TheTaskContextFollowsEveryAwait) {
    ScriptFixture f(QStringLiteral(
        "async function inner() { await null; return __qpanel.currentContext.taskId; }\n"
        "async function work() {\n"
        "  const a = __qpanel.currentContext.taskId;\n"
        "  await __qpanel.sleep(5);\n"
        "  const b = await inner();\n"
        "  await Promise.all([__qpanel.sleep(1), __qpanel.sleep(2)]);\n"
        "  console.log([a, b, __qpanel.currentContext.taskId].join(' '));\n"
        "}\n"));
    const quint64 first = f.tasks.call(f.global("work"), {}, QStringLiteral("one"));
    const quint64 second = f.tasks.call(f.global("work"), {}, QStringLiteral("two"));
    ASSERT_TRUE(waitUntil([&] { return f.log.size() == 2; }));
    EXPECT_TRUE(f.log.contains(QStringLiteral("%1 %1 %1").arg(first)));
    EXPECT_TRUE(f.log.contains(QStringLiteral("%1 %1 %1").arg(second)));
}

TEST(JsTasks, CancellingStopsTheFunctionAtItsAwaitAndRunsFinally) {
    ScriptFixture f(
        QStringLiteral("async function work() {\n"
                       "  try {\n"
                       "    await __qpanel.sleep(60000);\n"
                       "    console.log('after');\n"
                       "  } catch (e) {\n"
                       "    console.log('caught ' + e.name);\n"
                       "    throw e;\n"
                       "  } finally {\n"
                       "    console.log('finally');\n"
                       "  }\n"
                       "}\n"));
    QSignalSpy cancelled(&Runtime::instance().tasks(), &qpanel::TaskRegistry::taskCancelled);
    QSignalSpy reported(&Runtime::instance(), &Runtime::errorReported);
    const quint64 id = f.tasks.call(f.global("work"), {}, QStringLiteral("sleeper"));
    ASSERT_TRUE(Runtime::instance().tasks().cancel(id));
    EXPECT_EQ(cancelled.count(), 1);
    EXPECT_FALSE(Runtime::instance().tasks().contains(id));
    EXPECT_EQ(f.log, (QStringList{"caught CancelledError", "finally"}));
    EXPECT_EQ(f.host.timers().activeCount(), 0) << "the sleep's timer was cleared";
    ASSERT_TRUE(qpanel::test::passLoopTurns());  // a late rejection report would be queued
    EXPECT_EQ(reported.count(), 0) << "a cancellation is not an error";
}

TEST(JsTasks, ARejectionIsReportedWithTheUsersLine) {
    ScriptFixture f(
        QStringLiteral("async function work() {\n"
                       "  await __qpanel.sleep(1);\n"
                       "\n"
                       "  throw new Error('sensor offline');\n"
                       "}\n"
                       "function sync() { null.x; }\n"));
    QSignalSpy reported(&Runtime::instance(), &Runtime::errorReported);
    f.tasks.call(f.global("work"), {}, QStringLiteral("periodic callback"));
    ASSERT_TRUE(reported.wait(5000));
    auto report = reported.takeFirst()[0].value<ErrorReport>();
    EXPECT_EQ(report.message, QStringLiteral("Error: sensor offline"));
    EXPECT_EQ(report.location, (SourceLocation{.file = "/app/test.js", .line = 4}));
    EXPECT_EQ(report.origin, QStringLiteral("periodic callback"));
    f.tasks.call(f.global("sync"), {}, QStringLiteral("watcher"));
    ASSERT_TRUE(waitUntil([&] { return reported.count() == 1; }));
    report = reported.takeFirst()[0].value<ErrorReport>();
    EXPECT_TRUE(report.message.startsWith(QStringLiteral("TypeError")))
        << report.message.toStdString();
    EXPECT_EQ(report.location, (SourceLocation{.file = "/app/test.js", .line = 6}));
}

TEST(JsTasks, ClosingTheAppCancelsItsTasks) {
    int unwound = 0;
    {
        ScriptFixture f(
            QStringLiteral("async function work() { try { await __qpanel.sleep(60000); } finally { "
                           "console.log('x'); } }\n"));
        for (int i = 0; i < 50; ++i) f.tasks.call(f.global("work"), {}, QStringLiteral("t"));
        EXPECT_EQ(Runtime::instance().tasks().countOwnedBy(&f.document), 50);
        QObject::connect(&f.host, &ScriptHost::messageLogged, [&] { ++unwound; });
    }
    EXPECT_EQ(unwound, 50);
    EXPECT_FALSE(Runtime::instance().busy());
}

TEST(JsTasks, WithLockHoldsTheDocumentLockAcrossAwaitsAndSectionsTakeTurns) {
    ScriptFixture f(
        QStringLiteral("async function stream(n) {\n"
                       "  console.log('start ' + n);\n"
                       "  await __qpanel.sleep(20);\n"
                       "  console.log('end ' + n);\n"
                       "}\n"));
    bool lockedDuringSleep = false;
    f.tasks.call(f.global("stream"), {1}, QStringLiteral("a"), {.withLock = true});
    f.tasks.call(f.global("stream"), {2}, QStringLiteral("b"), {.withLock = true});
    ASSERT_TRUE(waitUntil([&] { return f.log.size() == 1; }));
    lockedDuringSleep = f.document.isLocked();
    ASSERT_TRUE(waitUntil([&] { return f.log.size() == 4; }));
    EXPECT_TRUE(lockedDuringSleep);
    EXPECT_EQ(f.log, (QStringList{"start 1", "end 1", "start 2", "end 2"}));
    ASSERT_TRUE(waitUntil([&] { return !f.document.isLocked(); }));
}

TEST(JsTasks, EvaluateGivesTheSettledValueInsideATask) {
    ScriptFixture f(
        QStringLiteral("async function get(i) { await __qpanel.sleep(5); return 'image ' + i; }\n"
                       "function plain(i) { return i * 2; }\n"
                       "async function bad() { await null; throw new RangeError('no image'); }\n"));
    QStringList results;
    const QJSValue get = f.global("get"), plain = f.global("plain"), bad = f.global("bad");
    Runtime::instance().spawn(
        [&]() -> QCoro::Task<> {
            // Argument lists built outside the co_await: GCC 12 rejects a braced
            // list inside one ("array used as initializer").
            const QJSValueList three{3}, four{4};
            results << (co_await f.tasks.evaluate(get, three)).toString();
            results << (co_await f.tasks.evaluate(plain, four)).toString();
            try {
                co_await f.tasks.evaluate(bad, QJSValueList());
            } catch (const qpanel::LocatedError& e) {
                results << QString::fromUtf8(e.what()) + QStringLiteral(" @ ") +
                               e.location().toString();
            }
        },
        qpanel::SpawnOptions{QString("bind"), &f.document});
    ASSERT_TRUE(waitUntil([&] { return results.size() == 3; }));
    EXPECT_EQ(results, (QStringList{"image 3", "8", "RangeError: no image @ /app/test.js:3"}));
}
