#include "bridge/transpiler.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJSEngine>
#include <QTemporaryDir>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include "bridge/scripthost.h"
#include "bridge/transpilecache.h"

void PrintTo(const QString& s, std::ostream* os) {
    *os << '"' << s.toStdString() << '"';
}

using qpanel::Transpiler;
using qpanel::TranspileResult;

namespace {

const QString kAsyncScript = QStringLiteral(
    "async function load(url) {\n"
    "  const r = await fetchIt(url);\n"
    "  return r * 2;\n"
    "}\n");

class TranspilerTest : public ::testing::Test {
protected:
    Transpiler::Options options() const {
        Transpiler::Options o;
        o.cacheDirectory = dir_.path() + QStringLiteral("/cache");
        return o;
    }
    QStringList cacheFiles() const {
        return QDir(options().cacheDirectory).entryList({QStringLiteral("*.json")}, QDir::Files);
    }
    QTemporaryDir dir_;
};

// Runs code in a fresh engine and returns the value of the expression `probe`.
/// Runs `r` where app scripts run, after polyfills.js (async functions
/// call its driver), then evaluates `probe`.
QString evaluate(const TranspileResult& r, const QString& probe) {
    QJSEngine engine;
    QFile polyfills(QStringLiteral(":/qpanel/bridge/polyfills.js"));
    if (!polyfills.open(QIODevice::ReadOnly))
        return QStringLiteral("error: no polyfills.js resource");
    engine.evaluate(QString::fromUtf8(polyfills.readAll()), polyfills.fileName());
    const QJSValue ran = engine.evaluate(r.code, r.fileName);
    if (ran.isError()) return QStringLiteral("error: ") + ran.toString();
    return engine.evaluate(probe).toString();
}

}  // namespace

TEST_F(TranspilerTest, NativeSyntaxSkipsBabel) {
    Transpiler t(options());
    const QString source = QStringLiteral("const f = (a, ...b) => `${a}:${b.length}`;\nf(1, 2);\n");
    const TranspileResult r = t.transpile(source, QStringLiteral("plain.js"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.origin, TranspileResult::Origin::Native);
    EXPECT_EQ(r.code, source);
    EXPECT_EQ(t.babelTransformCount(), 0);
    EXPECT_FALSE(t.isWarm()) << "a native script must not need Babel at all";
}

TEST_F(TranspilerTest, AwaitInRegexAndTemplateStaysNative) {
    Transpiler t(options());
    const QString source = QStringLiteral(
        "var r = /await\\s+x/g;\nvar s = `await ${1} async`;\nvar o = {await: 1};\n");
    EXPECT_EQ(t.transpile(source, QStringLiteral("a.js")).origin, TranspileResult::Origin::Native);
}

TEST_F(TranspilerTest, RegexFeaturesV4MisreadsGoThroughBabel) {
    Transpiler t(options());
    const TranspileResult r = t.transpile(
        QStringLiteral("var m = /(?<y>\\d{4})/.exec('in 2024');\nvar year = m.groups.y;\n"),
        QStringLiteral("groups.js"));
    ASSERT_TRUE(r.ok()) << r.error->toString().toStdString();
    EXPECT_EQ(r.origin, TranspileResult::Origin::Babel);
    EXPECT_EQ(evaluate(r, QStringLiteral("year")), QStringLiteral("2024"));
}

TEST_F(TranspilerTest, AsyncScriptIsTranspiledAndParses) {
    Transpiler t(options());
    const TranspileResult r = t.transpile(kAsyncScript, QStringLiteral("load.js"));
    ASSERT_TRUE(r.ok()) << r.error->toString().toStdString();
    EXPECT_EQ(r.origin, TranspileResult::Origin::Babel);
    EXPECT_FALSE(r.code.contains(QLatin1String("await")));
    EXPECT_FALSE(r.topLevelAwait);
    EXPECT_EQ(evaluate(r, QStringLiteral("typeof load")), QStringLiteral("function"));
}

TEST_F(TranspilerTest, TopLevelAwaitIsWrappedAndFlagged) {
    Transpiler t(options());
    const TranspileResult r =
        t.transpile(QStringLiteral("const v = await 1;\n"), QStringLiteral("tla.js"));
    ASSERT_TRUE(r.ok()) << r.error->toString().toStdString();
    EXPECT_TRUE(r.topLevelAwait);
    EXPECT_EQ(evaluate(r, QStringLiteral("1")), QStringLiteral("1"));
}

TEST_F(TranspilerTest, AsyncFunctionsUseQpanelsDriverInsteadOfBabelsInlinedHelper) {
    Transpiler t(options());
    const TranspileResult r = t.transpile(
        QStringLiteral("async function f(x) { return await x; }\nconst g = async () => 1;\n"),
        QStringLiteral("driver.js"));
    ASSERT_TRUE(r.ok()) << r.error->toString().toStdString();
    EXPECT_TRUE(r.code.contains(QStringLiteral("__qpanel.asyncToGenerator(")))
        << r.code.toStdString();
    EXPECT_FALSE(r.code.contains(QStringLiteral("asyncGeneratorStep"))) << r.code.toStdString();
    EXPECT_EQ(evaluate(r, QStringLiteral("typeof f(1).then")), QStringLiteral("function"));
}

TEST_F(TranspilerTest, SecondTranspileIsACacheHit) {
    Transpiler t(options());
    const TranspileResult first = t.transpile(kAsyncScript, QStringLiteral("load.js"));
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(t.babelTransformCount(), 1);
    const TranspileResult second = t.transpile(kAsyncScript, QStringLiteral("other-name.js"));
    EXPECT_EQ(t.babelTransformCount(), 1);
    EXPECT_EQ(second.origin, TranspileResult::Origin::Cache);
    EXPECT_EQ(second.code, first.code);
    EXPECT_EQ(second.fileName, QStringLiteral("other-name.js"));
    EXPECT_EQ(second.mapPosition(2, 20), first.mapPosition(2, 20));

    Transpiler fresh(options());  // the cache is on disk, not in the object
    EXPECT_EQ(fresh.transpile(kAsyncScript, QStringLiteral("load.js")).origin,
              TranspileResult::Origin::Cache);
    EXPECT_EQ(fresh.babelTransformCount(), 0);
    EXPECT_EQ(cacheFiles().size(), 1);
}

TEST_F(TranspilerTest, CacheKeyDependsOnFileKind) {
    Transpiler t(options());
    t.transpile(kAsyncScript, QStringLiteral("a.js"));
    t.transpile(kAsyncScript, QStringLiteral("a.ts"));
    EXPECT_EQ(t.babelTransformCount(), 2);
    EXPECT_EQ(cacheFiles().size(), 2);
}

TEST_F(TranspilerTest, CorruptCacheFileIsIgnoredAndReplaced) {
    Transpiler t(options());
    const TranspileResult first = t.transpile(kAsyncScript, QStringLiteral("load.js"));
    ASSERT_EQ(cacheFiles().size(), 1);
    const QString path = options().cacheDirectory + QLatin1Char('/') + cacheFiles().first();
    for (const QByteArray& garbage :
         {QByteArray("{\"format\":1,\"code\":"), QByteArray("\xff\x00junk", 6),
          QByteArray("{\"format\":1,\"code\":42,\"map\":{}}")}) {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(garbage);
        file.close();
        const int before = t.babelTransformCount();
        const TranspileResult again = t.transpile(kAsyncScript, QStringLiteral("load.js"));
        ASSERT_TRUE(again.ok());
        EXPECT_EQ(again.origin, TranspileResult::Origin::Babel);
        EXPECT_EQ(again.code, first.code);
        EXPECT_EQ(t.babelTransformCount(), before + 1);
    }
    EXPECT_EQ(t.transpile(kAsyncScript, QStringLiteral("load.js")).origin,
              TranspileResult::Origin::Cache);
}

TEST_F(TranspilerTest, UnwritableCacheDirectoryStillTranspiles) {
    QFile blocker(dir_.path() + QStringLiteral("/file"));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    Transpiler::Options o;
    o.cacheDirectory = blocker.fileName() + QStringLiteral("/cache");  // under a file: unwritable
    Transpiler t(o);
    for (int i = 0; i < 2; ++i) {
        const TranspileResult r = t.transpile(kAsyncScript, QStringLiteral("load.js"));
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(r.origin, TranspileResult::Origin::Babel);
    }
    EXPECT_EQ(t.babelTransformCount(), 2);
}

TEST_F(TranspilerTest, SyntaxErrorNamesUserLineAndColumn) {
    Transpiler t(options());
    const TranspileResult r =
        t.transpile(QStringLiteral("const a = 1;\nasync function f() {\n  await g(;\n}\n"),
                    QStringLiteral("app.js"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->location.file, QStringLiteral("app.js"));
    EXPECT_EQ(r.error->location.line, 3);
    EXPECT_EQ(r.error->location.column, 11);
    EXPECT_TRUE(r.error->message.startsWith(QLatin1String("Unexpected token")))
        << r.error->message.toStdString();
    EXPECT_EQ(r.error->toString(), QStringLiteral("app.js:3:11: ") + r.error->message);
    EXPECT_EQ(t.transpile(QStringLiteral("let x = 1;\nlet x = 2;\n"), QStringLiteral("dup.js"))
                  .error->location.line,
              2);
}

TEST_F(TranspilerTest, TypeScriptTypesAreStripped) {
    Transpiler t(options());
    const TranspileResult r = t.transpile(
        QStringLiteral(
            "interface Point { x: number; y?: number }\n"
            "type Id = string | number;\n"
            "enum Color { Red, Green }\n"
            "const double = (p: Point): number => p.x * 2;\n"
            "let label: Id = 'n';\n"
            "class Box<T> { constructor(private value: T) {} get(): T { return this.value; } }\n"
            "var out = `${double({ x: 21 } as Point)}-${Color.Green}-${new "
            "Box<number>(7).get()}`;\n"),
        QStringLiteral("types.ts"));
    ASSERT_TRUE(r.ok()) << r.error->toString().toStdString();
    EXPECT_FALSE(r.code.contains(QLatin1String("interface")));
    EXPECT_FALSE(r.code.contains(QLatin1String(": number")));
    EXPECT_EQ(evaluate(r, QStringLiteral("out")), QStringLiteral("42-1-7"));
}

TEST_F(TranspilerTest, TypeScriptTypeErrorsAreNotReportedButSyntaxErrorsAre) {
    Transpiler t(options());
    EXPECT_TRUE(
        t.transpile(QStringLiteral("const n: number = 'text';\n"), QStringLiteral("a.ts")).ok());
    const TranspileResult bad =
        t.transpile(QStringLiteral("let a: = 1;\n"), QStringLiteral("b.ts"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error->location.line, 1);
}

TEST_F(TranspilerTest, ModuleSyntaxGetsAClearError) {
    Transpiler t(options());
    for (const QString& line :
         {QStringLiteral("import { x } from './x.js';"), QStringLiteral("export const y = 2;")}) {
        const TranspileResult r = t.transpile(
            QStringLiteral("const a = 1;\n") + line + QLatin1Char('\n'), QStringLiteral("m.js"));
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error->location.line, 2);
        EXPECT_EQ(r.error->location.column, 1);
        EXPECT_TRUE(r.error->message.contains(QLatin1String("import/export")))
            << r.error->message.toStdString();
    }
    const TranspileResult dynamic =
        t.transpile(QStringLiteral("\n\nconst m = import('./m.js');\n"), QStringLiteral("d.js"));
    ASSERT_FALSE(dynamic.ok());
    EXPECT_EQ(dynamic.error->location.line, 3);
    EXPECT_EQ(dynamic.error->location.column, 11);
}

TEST_F(TranspilerTest, UnsupportedFormsNameTheirLine) {
    Transpiler t(options());
    const TranspileResult big =
        t.transpile(QStringLiteral("const a = 1;\nconst b = 10n;\n"), QStringLiteral("big.js"));
    ASSERT_FALSE(big.ok());
    EXPECT_EQ(big.error->location.line, 2);
    EXPECT_EQ(big.error->location.column, 11);
    EXPECT_TRUE(big.error->message.contains(QLatin1String("BigInt")));
    const TranspileResult behind =
        t.transpile(QStringLiteral("\nconst r = /(?<=\\$)\\d+/;\n"), QStringLiteral("lb.js"));
    ASSERT_FALSE(behind.ok());
    EXPECT_EQ(behind.error->location.line, 2);
    EXPECT_TRUE(behind.error->message.contains(QLatin1String("lookbehind")));
}

TEST_F(TranspilerTest, MapPositionFindsUserColumnsInAsyncFunction) {
    Transpiler t(options());
    const QString source = QStringLiteral(
        "const x = 1;\n"
        "async function run({ a, ...rest }) {\n"
        "  const v = await step(a); marker1(v);\n"
        "  for await (const item of rest.items) { marker2(item); }\n"
        "  return { ...rest, v }; }\n"
        "marker3();\n");
    const TranspileResult r = t.transpile(source, QStringLiteral("map.js"));
    ASSERT_TRUE(r.ok()) << r.error->toString().toStdString();
    const QStringList sourceLines = source.split(QLatin1Char('\n'));
    const QStringList codeLines = r.code.split(QLatin1Char('\n'));
    for (const QString& marker :
         {QStringLiteral("marker1"), QStringLiteral("marker2"), QStringLiteral("marker3")}) {
        int line = 0;
        while (line < sourceLines.size() && !sourceLines[line].contains(marker)) ++line;
        ASSERT_LT(line, codeLines.size());
        ASSERT_TRUE(codeLines[line].contains(marker))
            << "retainLines keeps " << marker.toStdString();
        const int generatedColumn = int(codeLines[line].indexOf(marker)) + 1;
        const int originalColumn = int(sourceLines[line].indexOf(marker)) + 1;
        EXPECT_EQ(r.mapPosition(line + 1, generatedColumn),
                  (qpanel::SourcePosition{line + 1, originalColumn}))
            << marker.toStdString() << " generated at column " << generatedColumn;
    }
}

TEST_F(TranspilerTest, RuntimeErrorIsReportedAtUserLine) {
    Transpiler t(options());
    QJSEngine engine;
    qpanel::ScriptHost host(&engine);
    qpanel::ScriptError reported;
    QObject::connect(&host, &qpanel::ScriptHost::errorReported,
                     [&](const qpanel::ScriptError& e, const QString&) { reported = e; });
    const TranspileResult r =
        t.transpile(QStringLiteral("const o = { ...{ a: 1 } };\n\nasync function f() {\n  await "
                                   "null;\n  null.boom;\n}\nf();\n"),
                    QStringLiteral("rt.js"));
    ASSERT_TRUE(host.run(r));
    EXPECT_EQ(reported.location.file, QStringLiteral("rt.js"));
    EXPECT_EQ(reported.location.line, 5);
    EXPECT_TRUE(reported.message.contains(QLatin1String("TypeError")))
        << reported.message.toStdString();
}

TEST_F(TranspilerTest, WarmUpLoadsBabelOnAWorkerThread) {
    Transpiler t(options());
    QThread* loadedOn = nullptr;
    QObject::connect(
        &t, &Transpiler::warmedUp, &t, [&] { loadedOn = QThread::currentThread(); },
        Qt::DirectConnection);
    QElapsedTimer clock;
    clock.start();
    QFuture<void> ready = t.warmUp();
    EXPECT_LT(clock.elapsed(), 100) << "warmUp() must return before Babel has loaded";
    ready.waitForFinished();
    EXPECT_TRUE(t.isWarm());
    EXPECT_GT(t.babelLoadMilliseconds(), 0);
    ASSERT_NE(loadedOn, nullptr);
    EXPECT_NE(loadedOn, QThread::currentThread());
    t.warmUp();
    EXPECT_TRUE(t.warmUp().isFinished()) << "warm-up happens once";
}

TEST_F(TranspilerTest, TranspileWorksFromOtherThreads) {
    Transpiler t(options());
    QList<QFuture<TranspileResult>> runs;
    for (int i = 0; i < 4; ++i) {
        runs << QtConcurrent::run([&t, i] {
            return t.transpile(kAsyncScript + QStringLiteral("const n = %1;\n").arg(i),
                               QStringLiteral("w.js"));
        });
    }
    for (auto& run : runs) EXPECT_TRUE(run.result().ok());
    EXPECT_EQ(t.babelTransformCount(), 4);
}

TEST_F(TranspilerTest, AsyncApiIsReadyAtOnceForNativeScripts) {
    Transpiler t(options());
    QFuture<TranspileResult> f =
        t.transpileAsync(QStringLiteral("var a = 1;"), QStringLiteral("n.js"));
    EXPECT_TRUE(f.isFinished());
    QFuture<TranspileResult> g = t.transpileAsync(kAsyncScript, QStringLiteral("b.js"));
    EXPECT_TRUE(g.result().ok());
}

// Prints the figures docs/TRANSPILER.md quotes (noisy shared machine: orientation only).
TEST(TranspilerTiming, BabelLoadTransformAndCacheHit) {
    QTemporaryDir dir;
    Transpiler::Options o;
    o.cacheDirectory = dir.path();
    Transpiler t(o);
    QElapsedTimer clock;
    clock.start();
    t.warmUp().waitForFinished();
    const double loadMs = clock.nsecsElapsed() / 1e6;

    constexpr int kRuns = 5;
    double transformMs = 0, hitMs = 0, nativeMs = 0;
    for (int i = 0; i < kRuns; ++i) {
        const QString source = kAsyncScript + QStringLiteral("load('%1').then((v) => v);\n").arg(i);
        clock.restart();
        ASSERT_TRUE(t.transpile(source, QStringLiteral("t.js")).ok());
        transformMs += clock.nsecsElapsed() / 1e6;
        clock.restart();
        ASSERT_EQ(t.transpile(source, QStringLiteral("t.js")).origin,
                  TranspileResult::Origin::Cache);
        hitMs += clock.nsecsElapsed() / 1e6;
        clock.restart();
        ASSERT_EQ(
            t.transpile(QStringLiteral("var v = %1;\nfunction f(a) { return a * 2; }\n").arg(i),
                        QStringLiteral("n.js"))
                .origin,
            TranspileResult::Origin::Native);
        nativeMs += clock.nsecsElapsed() / 1e6;
    }
    std::printf(
        "[ timing ] Babel %s load %.0f ms; transform (small async script) %.1f ms; "
        "cache hit %.2f ms; native-syntax check %.2f ms\n",
        qPrintable(Transpiler::babelVersion()), loadMs, transformMs / kRuns, hitMs / kRuns,
        nativeMs / kRuns);
    RecordProperty("babel_load_ms", int(loadMs));
    RecordProperty("transform_us", int(transformMs / kRuns * 1000));
    RecordProperty("cache_hit_us", int(hitMs / kRuns * 1000));
    EXPECT_LT(hitMs, transformMs);
}

// Cost of the JS Promise/microtask queue that replaces V4's (see docs/TRANSPILER.md).
TEST(TranspilerTiming, AwaitRoundTripThroughScriptHost) {
    Transpiler::Options o;
    o.cacheDirectory.clear();
    Transpiler t(o);
    QJSEngine engine;
    qpanel::ScriptHost host(&engine);
    QString printed;
    QObject::connect(&host, &qpanel::ScriptHost::messageLogged,
                     [&](const QString&, const QString& text) { printed = text; });
    constexpr int kAwaits = 100000;
    const TranspileResult r = t.transpile(
        QStringLiteral("(async () => { let n = 0; for (let i = 0; i < %1; i++) { await null; n++; }"
                       " console.log(String(n)); })();\n")
            .arg(kAwaits),
        QStringLiteral("awaits.js"));
    ASSERT_TRUE(r.ok());
    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(host.run(r));  // the microtask queue drains inside run()
    const double us = clock.nsecsElapsed() / 1e3 / kAwaits;
    EXPECT_EQ(printed, QString::number(kAwaits));
    std::printf("[ timing ] await round trip in QJSEngine via the JS microtask queue: %.2f us\n",
                us);
    RecordProperty("await_ns", int(us * 1000));
}
