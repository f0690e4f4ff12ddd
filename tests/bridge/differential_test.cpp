// Runs every tests/bridge/differential/*.js with node and with qpanel's script
// pipeline (Transpiler + ScriptHost) and compares what they print.
// A program whose first line is "// node: module" runs in node as an ES module
// (needed for top-level await, which a CommonJS script rejects).
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include "bridge/scripthost.h"
#include "bridge/transpiler.h"

namespace {

constexpr int kTimeLimitMs = 10000;

struct Output {
    QStringList lines;  // stdout
    QStringList errors;
    bool failed = false;
    bool timedOut = false;
};

QString readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QStringList splitLines(const QString& text) {
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
    return lines;
}

Output runNode(const QString& node, const QString& path) {
    const QString source = readAll(path);
    QProcess process;
    process.setWorkingDirectory(QFileInfo(path).absolutePath());
    if (source.startsWith(QLatin1String("// node: module"))) {
        process.start(node, {QStringLiteral("--input-type=module")});
        process.waitForStarted();
        process.write(source.toUtf8());
        process.closeWriteChannel();
    } else {
        process.start(node, {path});
    }
    Output out;
    out.timedOut = !process.waitForFinished(kTimeLimitMs);
    if (out.timedOut) process.kill();
    out.lines = splitLines(QString::fromUtf8(process.readAllStandardOutput()));
    const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (!err.isEmpty()) out.errors << err;
    out.failed = process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0;
    return out;
}

// Transpilers shared by the tests of one process, gone before QCoreApplication.
// The disk cache spares Babel runs across processes (ctest runs each test alone).
class Transpilers : public ::testing::Environment {
public:
    static qpanel::Transpiler& get(bool skipNative) {
        auto& slot = skipNative ? s_native : s_babel;
        if (!slot) {
            qpanel::Transpiler::Options options;
            options.cacheDirectory = QStringLiteral(QPANEL_TEST_CACHE_DIR);
            options.skipNativeSyntax = skipNative;
            slot = std::make_unique<qpanel::Transpiler>(options);
        }
        return *slot;
    }
    void TearDown() override {
        s_native.reset();
        s_babel.reset();
    }

private:
    static inline std::unique_ptr<qpanel::Transpiler> s_native;
    static inline std::unique_ptr<qpanel::Transpiler> s_babel;
};
const auto* const kTranspilers = ::testing::AddGlobalTestEnvironment(new Transpilers);

Output runQpanel(const QString& path, bool skipNative) {
    Output out;
    QJSEngine engine;
    qpanel::ScriptHost host(&engine);
    QObject::connect(&host, &qpanel::ScriptHost::messageLogged,
                     [&](const QString& level, const QString& text) {
                         if (level == QLatin1String("warn") || level == QLatin1String("error"))
                             out.errors << text;
                         else
                             out.lines << splitLines(text + QLatin1Char('\n'));
                     });
    QObject::connect(&host, &qpanel::ScriptHost::errorReported,
                     [&](const qpanel::ScriptError& e, const QString&) {
                         out.errors << e.toString();
                         out.failed = true;
                     });
    const auto script =
        Transpilers::get(skipNative).transpile(readAll(path), QFileInfo(path).fileName());
    host.run(script);

    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (host.isIdle() || clock.elapsed() > kTimeLimitMs) loop.quit();
    });
    poll.start(1);
    if (!host.isIdle()) loop.exec();
    out.timedOut = !host.isIdle();
    return out;
}

struct Program {
    QString path;
    bool skipNative;
};

std::vector<Program> programs() {
    std::vector<Program> list;
    const QDir dir(QStringLiteral(QPANEL_DIFFERENTIAL_DIR));
    for (const QString& name : dir.entryList({QStringLiteral("*.js")}, QDir::Files, QDir::Name))
        for (bool skip : {true, false}) list.push_back({dir.filePath(name), skip});
    return list;
}

void PrintTo(const Program& p, std::ostream* os) {
    *os << QFileInfo(p.path).fileName().toStdString()
        << (p.skipNative ? " (pipeline)" : " (babel)");
}

class Differential : public ::testing::TestWithParam<Program> {};

TEST_P(Differential, PrintsWhatNodePrints) {
    static const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) GTEST_SKIP() << "node is not on PATH: the differential tests need it";
    const Program& p = GetParam();
    const Output expected = runNode(node, p.path);
    ASSERT_FALSE(expected.timedOut) << "node did not finish " << p.path.toStdString();
    const Output actual = runQpanel(p.path, p.skipNative);

    EXPECT_FALSE(actual.timedOut) << "still busy after " << kTimeLimitMs << " ms";
    EXPECT_EQ(actual.lines.join(QLatin1Char('\n')).toStdString(),
              expected.lines.join(QLatin1Char('\n')).toStdString());
    EXPECT_EQ(actual.failed, expected.failed)
        << "node stderr: " << expected.errors.join(QLatin1Char('\n')).toStdString()
        << "\nqpanel errors: " << actual.errors.join(QLatin1Char('\n')).toStdString();
}

std::string programName(const ::testing::TestParamInfo<Program>& info) {
    std::string name = QFileInfo(info.param.path).completeBaseName().toStdString();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name + (info.param.skipNative ? "_pipeline" : "_babel");
}

INSTANTIATE_TEST_SUITE_P(Programs, Differential, ::testing::ValuesIn(programs()), programName);

}  // namespace
