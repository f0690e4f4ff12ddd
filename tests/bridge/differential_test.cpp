// Runs every tests/bridge/differential/*.js with node and with qpanel's script
// pipeline (Transpiler + ScriptHost) and compares what they print.
// A program whose first line is "// node: module" runs in node as an ES module
// (needed for top-level await, which a CommonJS script rejects).
//
// The reference node is $QPANEL_REFERENCE_NODE (a path or a name on PATH) if
// set, else `node` on PATH. A program that uses what only a newer node has
// says so in a leading comment line, "// requires node >= 20"; under an older
// reference it is skipped, naming the program and both versions (Debian 12
// ships node 18, which has no Array.prototype.toSorted). To check the corpus
// against another node:  QPANEL_REFERENCE_NODE=/opt/node18/bin/node ctest -R Differential
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>
#include <QVersionNumber>
#include <optional>

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

/// A node version as `node --version` prints it ("v18.20.4"); nullopt if not one.
std::optional<QVersionNumber> parseNodeVersion(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^v(\\d+(?:\\.\\d+)*)$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch()) return std::nullopt;
    return QVersionNumber::fromString(match.captured(1));
}

/// What a program's leading comment lines ask of the reference node.
struct Requirement {
    QVersionNumber node;  ///< null: any node
    QString error;        ///< a malformed "// requires" line, so a typo cannot drop the check
};

/// Reads "// requires node >= N[.M] (why)" from the comment lines at the top
/// of a program (after an optional byte-order mark and hashbang).
Requirement readRequirement(const QString& source) {
    static const QRegularExpression pattern(QStringLiteral(
        "^//\\s*requires\\s+node\\s*>=\\s*(\\d+(?:\\.\\d+)*)(?:\\s+\\(.+\\))?\\s*$"));
    Requirement result;
    QStringList lines = source.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.front().startsWith(QChar(0xFEFF))) lines.front().remove(0, 1);
    if (!lines.isEmpty() && lines.front().startsWith(QLatin1String("#!"))) lines.removeFirst();
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        if (!line.startsWith(QLatin1String("//"))) break;
        if (!line.mid(2).trimmed().startsWith(QLatin1String("requires"))) continue;
        const auto match = pattern.match(line);
        if (!match.hasMatch()) {
            result.error =
                QStringLiteral("malformed requirement \"%1\" (expected \"// requires node >= N\")")
                    .arg(line);
            return result;
        }
        result.node = QVersionNumber::fromString(match.captured(1));
    }
    return result;
}

/// The reference node: its path and version, or why there is none.
struct ReferenceNode {
    QString path;
    QVersionNumber version;
    QString error;  ///< set: the suite cannot run against this node
};

ReferenceNode findReferenceNode() {
    ReferenceNode ref;
    const QString requested = qEnvironmentVariable("QPANEL_REFERENCE_NODE");
    const QString name = requested.isEmpty() ? QStringLiteral("node") : requested;
    ref.path = QFileInfo(name).isAbsolute() ? name : QStandardPaths::findExecutable(name);
    if (ref.path.isEmpty() || !QFileInfo(ref.path).isExecutable()) {
        ref.error =
            requested.isEmpty()
                ? QStringLiteral("node is not on PATH: the differential tests need it")
                : QStringLiteral("QPANEL_REFERENCE_NODE=%1 is not an executable").arg(requested);
        ref.path.clear();
        return ref;
    }
    QProcess process;
    process.start(ref.path, {QStringLiteral("--version")});
    const bool finished = process.waitForFinished(kTimeLimitMs);
    const QString printed = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    const auto version = finished ? parseNodeVersion(printed) : std::nullopt;
    if (!version)
        ref.error = QStringLiteral("%1 --version printed \"%2\", not a node version (stderr: %3)")
                        .arg(ref.path, printed,
                             QString::fromUtf8(process.readAllStandardError()).trimmed());
    else
        ref.version = *version;
    return ref;
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
    static const ReferenceNode node = findReferenceNode();
    // Asked for by name and not usable: a failure, so a wrong path cannot pass as skipped.
    if (node.path.isEmpty() && qEnvironmentVariableIsEmpty("QPANEL_REFERENCE_NODE"))
        GTEST_SKIP() << node.error.toStdString();
    ASSERT_TRUE(node.error.isEmpty()) << node.error.toStdString();
    const Program& p = GetParam();
    const QString programName = QFileInfo(p.path).fileName();
    const Requirement requirement = readRequirement(readAll(p.path));
    ASSERT_TRUE(requirement.error.isEmpty())
        << programName.toStdString() << ": " << requirement.error.toStdString();
    if (!requirement.node.isNull() && node.version < requirement.node)
        GTEST_SKIP() << programName.toStdString()
                     << " requires node >= " << requirement.node.toString().toStdString()
                     << ", the reference node " << node.path.toStdString() << " is v"
                     << node.version.toString().toStdString();
    const Output expected = runNode(node.path, p.path);
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

TEST(DifferentialHeader, ReadsTheNodeAProgramRequires) {
    EXPECT_TRUE(readRequirement(QStringLiteral("console.log(1);\n")).node.isNull());
    EXPECT_EQ(readRequirement(QStringLiteral("// requires node >= 20\nx;\n")).node,
              QVersionNumber(20));
    EXPECT_EQ(
        readRequirement(QStringLiteral("// node: module\n// requires node >= 20.3 (why)\n")).node,
        QVersionNumber(20, 3));
    EXPECT_EQ(readRequirement(QString(QChar(0xFEFF)) +
                              QStringLiteral("#!/usr/bin/env node\n//requires node>=22\n"))
                  .node,
              QVersionNumber(22));
    // Only the leading comment block counts: code below may mention anything.
    EXPECT_TRUE(readRequirement(QStringLiteral("x;\n// requires node >= 20\n")).node.isNull());
}

TEST(DifferentialHeader, AMalformedRequirementIsAnErrorNotIgnored) {
    for (const char* header : {"// requires node 20", "// requires node >= twenty",
                               "// requires nodejs >= 20", "// requires node >= 20 because"}) {
        const Requirement r = readRequirement(QString::fromUtf8(header) + QStringLiteral("\nx;\n"));
        EXPECT_FALSE(r.error.isEmpty()) << header;
        EXPECT_TRUE(r.error.contains(QString::fromUtf8(header))) << r.error.toStdString();
    }
}

TEST(DifferentialHeader, ParsesWhatNodeVersionPrints) {
    EXPECT_EQ(parseNodeVersion(QStringLiteral("v18.20.4\n")), QVersionNumber(18, 20, 4));
    EXPECT_EQ(parseNodeVersion(QStringLiteral("v20.20.2")), QVersionNumber(20, 20, 2));
    EXPECT_FALSE(parseNodeVersion(QStringLiteral("")));
    EXPECT_FALSE(parseNodeVersion(QStringLiteral("Welcome to Node.js")));
    EXPECT_LT(QVersionNumber(18, 20, 4), QVersionNumber(20));
    EXPECT_FALSE(QVersionNumber(20, 0, 0) < QVersionNumber(20));
}

INSTANTIATE_TEST_SUITE_P(Programs, Differential, ::testing::ValuesIn(programs()), programName);

}  // namespace
