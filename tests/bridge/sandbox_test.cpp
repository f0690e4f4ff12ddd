// The script sandbox: no file system or process access from scripts;
// pn.fetch reaches http(s) and files under the script's folder only;
// pn.env reads QPANEL_* variables and those the user allows.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>

#include "common/eventloop.h"
#include "common/httptestserver.h"
#include "core/runtime.h"
#include "pnsession.h"

using namespace std::chrono_literals;
using qpanel::test::Session;
using qpanel::test::waitUntil;

TEST(Sandbox, NoFileOrProcessGlobalsExist) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral("const names = ['require', 'process', 'module', 'exports', 'Qt', "
                       "'XMLHttpRequest', 'importScripts',\n"
                       "               'fetch', 'Deno', 'Bun', 'load', 'read', 'readFile', "
                       "'print', 'gc', 'qsTr'];\n"
                       "for (const n of names) console.log(n + ' ' + typeof globalThis[n]);\n"),
        QStringLiteral("/app/globals.js")))
        << s.firstError();
    for (const QString& line : s.log)
        EXPECT_TRUE(line.endsWith(" undefined")) << line.toStdString();
    EXPECT_EQ(s.log.size(), 16);
}

TEST(Sandbox, DynamicImportIsRefusedNamingTheLine) {
    Session s;
    EXPECT_FALSE(
        s.session.run(QStringLiteral("const a = 1;\nimport('/etc/passwd').then(console.log);\n"),
                      QStringLiteral("/app/import.js")));
    ASSERT_EQ(s.errors.size(), 1);
    EXPECT_TRUE(s.errors[0].message.contains("import() is not supported")) << s.firstError();
    EXPECT_EQ(s.errors[0].location.line, 2);
}

TEST(Sandbox, StaticImportIsRefused) {
    Session s;
    EXPECT_FALSE(
        s.session.run(QStringLiteral("import fs from 'fs';\n"), QStringLiteral("/app/import.js")));
    ASSERT_EQ(s.errors.size(), 1);
    EXPECT_EQ(s.errors[0].location.line, 1) << s.firstError();
}

namespace {
/// app/ holds the script, data.txt and sub/inner.txt; secret.txt sits beside app/.
struct Folders {
    QTemporaryDir root;
    QString app() const { return root.filePath("app"); }
    Folders() {
        QDir(root.path()).mkpath("app/sub");
        write(root.filePath("app/data.txt"), "inside");
        write(root.filePath("app/sub/inner.txt"), "nested");
        write(root.filePath("secret.txt"), "SECRET");
        QFile::link(root.filePath("secret.txt"), root.filePath("app/link.txt"));
    }
    static void write(const QString& path, const QByteArray& text) {
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(text);
    }
};

/// Runs a script at app/main.js that fetches each URL and logs text or error.
QStringList fetchAll(Session& s, const Folders& folders, const QStringList& urls) {
    QString source = QStringLiteral("const urls = [");
    for (const QString& url : urls) source += QLatin1Char('\'') + url + QStringLiteral("', ");
    source += QStringLiteral(
        "];\n"
        "pn.state.execute(async () => {\n"
        "  for (const url of urls) {\n"
        "    try { console.log(url + ' -> ' + await (await pn.fetch(url)).text()); }\n"
        "    catch (e) { console.log(url + ' !! ' + e.message); }\n"
        "  }\n"
        "});\n");
    const QString script = folders.app() + "/main.js";
    Folders::write(script, source.toUtf8());
    if (!s.session.load(script)) return {QString::fromStdString(s.firstError())};
    waitUntil([&] { return s.log.size() == urls.size(); });
    return s.log;
}
}  // namespace

TEST(Sandbox, FetchReadsFilesInsideTheScriptsFolder) {
    Folders folders;
    Session s;
    const QString absolute = QUrl::fromLocalFile(folders.app() + "/data.txt").toString();
    const QStringList log = fetchAll(
        s, folders, {"data.txt", "./sub/inner.txt", "sub/../data.txt", "file:data.txt", absolute});
    EXPECT_EQ(log, (QStringList{"data.txt -> inside", "./sub/inner.txt -> nested",
                                "sub/../data.txt -> inside", "file:data.txt -> inside",
                                absolute + " -> inside"}));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(Sandbox, FetchRefusesEscapesOtherFoldersLinksOutAndOtherSchemes) {
    Folders folders;
    Session s;
    const QString secret = folders.root.filePath("secret.txt");
    const QStringList urls{"../secret.txt",
                           "sub/../../secret.txt",
                           secret,
                           QUrl::fromLocalFile(secret).toString(),
                           "file:../secret.txt",
                           "link.txt",
                           "/etc/hostname",
                           "ftp://127.0.0.1/x",
                           "qrc:/qpanel/bridge/pn.js",
                           "data:text/plain,hello"};
    const QStringList log = fetchAll(s, folders, urls);
    ASSERT_EQ(log.size(), urls.size()) << log.join('\n').toStdString();
    for (int i = 0; i < urls.size(); ++i) {
        EXPECT_TRUE(log[i].startsWith(urls[i] + " !! fetch ")) << log[i].toStdString();
        EXPECT_FALSE(log[i].contains("SECRET")) << log[i].toStdString();
    }
    for (int i = 0; i < 7; ++i)
        EXPECT_TRUE(log[i].contains("only files inside the script's folder"))
            << log[i].toStdString();
    for (int i = 7; i < urls.size(); ++i)
        EXPECT_TRUE(log[i].contains("only http, https and files under the script's folder"))
            << log[i].toStdString();
    EXPECT_TRUE(log[0].contains("secret.txt")) << "names the URL: " << log[0].toStdString();
}

// URLs carry secrets (user info, API keys in the query): a fetch error, the
// console lines and error reports it makes, and the fetch task's origin show
// the URL with its query names but not their values.
TEST(Sandbox, FetchErrorsReportsAndTaskOriginsHideTheUrlsSecrets) {
    qpanel::test::HttpTestServer server;
    server.route("/slow?token=S3CRET", {.stall = true});  // routes match the query too
    const QString refused =
        QStringLiteral("127.0.0.1:%1/data").arg(qpanel::test::closedLocalPort());
    const QString slow = server.url("/slow").toString().mid(7);  // without "http://"
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral(
            "const refused = 'http://me:pa55@%1?api_key=S3CRET&page=1';\n"
            "pn.state.execute(async () => {\n"
            "  try { await pn.fetch(refused); } catch (e) { console.log('caught ' + e.message); }\n"
            "  try { await pn.fetch('http://%2?token=S3CRET', {timeout: 300}); } catch (e) { "
            "console.log('slow ' + e.message); }\n"
            "  await pn.fetch(refused);\n"
            "});\n")
            .arg(refused, slow),
        QStringLiteral("/app/secrets.js")))
        << s.firstError();
    QStringList origins;
    ASSERT_TRUE(waitUntil([&] {
        for (const qpanel::TaskInfo& task : qpanel::Runtime::instance().tasks().snapshot())
            if (task.origin.startsWith(QStringLiteral("pn.fetch http://%1").arg(slow)))
                origins << task.origin;
        return !origins.isEmpty();
    }));
    EXPECT_EQ(origins.constFirst().toStdString(),
              QStringLiteral("pn.fetch http://%1?token=…").arg(slow).toStdString());
    ASSERT_TRUE(waitUntil([&] { return s.errors.size() == 1; }, 10s))
        << s.log.join('|').toStdString();
    ASSERT_EQ(s.log.size(), 2) << s.log.join('|').toStdString();
    EXPECT_EQ(s.log[0].toStdString(),
              QStringLiteral("caught fetch http://%1?api_key=…&page=…: connection refused")
                  .arg(refused)
                  .toStdString());
    EXPECT_TRUE(s.log[1].startsWith(
        QStringLiteral("slow fetch http://%1?token=…: no complete response").arg(slow)))
        << s.log[1].toStdString();
    EXPECT_TRUE(s.errors[0].message.contains(
        QStringLiteral("fetch http://%1?api_key=…&page=…").arg(refused)))
        << s.firstError();
    for (const QString& shown : s.log + s.stacks + QStringList{s.errors[0].toString()}) {
        EXPECT_FALSE(shown.contains("S3CRET")) << shown.toStdString();
        EXPECT_FALSE(shown.contains("pa55")) << shown.toStdString();
    }
}

namespace {
/// Sets environment variables for one test.
struct ScopedEnv {
    QList<QByteArray> names;
    explicit ScopedEnv(const QList<std::pair<QByteArray, QByteArray>>& values) {
        for (const auto& [name, value] : values) {
            qputenv(name.constData(), value);
            names << name;
        }
    }
    ~ScopedEnv() {
        for (const QByteArray& name : names) qunsetenv(name.constData());
    }
};

const QString kEnvScript = QStringLiteral(
    "console.log('qpanel ' + pn.env('QPANEL_SANDBOX_TEST', 'unset'));\n"
    "console.log('token ' + pn.env('SANDBOX_TEST_TOKEN', 'fallback'));\n"
    "console.log('token again ' + pn.env('SANDBOX_TEST_TOKEN'));\n"
    "console.log('allowed ' + pn.env('SANDBOX_TEST_ALLOWED', 'fallback'));\n");

/// Runs kEnvScript; each console line as "level: text".
QStringList runEnvScript(Session& s) {
    QStringList lines;
    QObject::connect(
        s.session.app(), &qpanel::AppSession::messageLogged, s.session.app(),
        [&lines](const QString& level, const QString& text) { lines << level + ": " + text; });
    EXPECT_TRUE(s.session.run(kEnvScript, QStringLiteral("/app/env.js"))) << s.firstError();
    return lines;
}
}  // namespace

// A script must not read the user's tokens from the environment and send
// them away with pn.fetch: other names read as the fallback, with one
// warning per name that says how to allow it.
TEST(Sandbox, EnvReadsOnlyQpanelVariablesByDefault) {
    const ScopedEnv env({{"QPANEL_SANDBOX_TEST", "visible"},
                         {"SANDBOX_TEST_TOKEN", "S3CRET"},
                         {"SANDBOX_TEST_ALLOWED", "ok"}});
    Session s;
    const QStringList lines = runEnvScript(s);
    ASSERT_EQ(lines.size(), 6) << lines.join('\n').toStdString();
    EXPECT_EQ(lines[0].toStdString(), "log: qpanel visible");
    EXPECT_TRUE(lines[1].startsWith(
        QStringLiteral("warn: pn.env('SANDBOX_TEST_TOKEN'): scripts may read only "
                       "QPANEL_* environment variables and those you allow")))
        << lines[1].toStdString();
    EXPECT_TRUE(lines[1].contains(QStringLiteral("--allow-env SANDBOX_TEST_TOKEN")))
        << lines[1].toStdString();
    EXPECT_TRUE(lines[1].contains(QStringLiteral("allowedEnvironment"))) << lines[1].toStdString();
    EXPECT_EQ(lines[2].toStdString(), "log: token fallback");
    EXPECT_EQ(lines[3].toStdString(), "log: token again ") << "warned once per name";
    EXPECT_TRUE(lines[4].startsWith(QStringLiteral("warn: pn.env('SANDBOX_TEST_ALLOWED')")))
        << lines[4].toStdString();
    EXPECT_EQ(lines[5].toStdString(), "log: allowed fallback");
    for (const QString& line : lines) EXPECT_FALSE(line.contains("S3CRET")) << line.toStdString();
}

TEST(Sandbox, EnvReadsTheVariablesTheUserAllows) {
    const ScopedEnv env({{"SANDBOX_TEST_TOKEN", "S3CRET"}, {"SANDBOX_TEST_ALLOWED", "ok"}});
    Session s;
    s.session.setEnvironmentAccess(
        qpanel::EnvironmentAccess({QStringLiteral("SANDBOX_TEST_ALLOWED")}));
    const QStringList lines = runEnvScript(s);
    ASSERT_EQ(lines.size(), 5) << lines.join('\n').toStdString();
    EXPECT_EQ(lines[0].toStdString(), "log: qpanel unset");
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("warn: pn.env('SANDBOX_TEST_TOKEN')")))
        << lines[1].toStdString();
    EXPECT_EQ(lines[4].toStdString(), "log: allowed ok");
}

TEST(Sandbox, EnvironmentAccessParsesCommaSeparatedNames) {
    QString problem;
    EXPECT_EQ(qpanel::EnvironmentAccess::parseNames({QStringLiteral("A, B,A"), QStringLiteral("C")},
                                                    &problem),
              (QStringList{"A", "B", "C"}));
    EXPECT_TRUE(problem.isEmpty());
    EXPECT_EQ(qpanel::EnvironmentAccess::parseNames({QStringLiteral("A,,B=1")}, &problem),
              (QStringList{"A"}));
    EXPECT_EQ(problem.toStdString(), "'A,,B=1' is not an environment variable name");
    const qpanel::EnvironmentAccess access({QStringLiteral("TOKEN")},
                                           QStringLiteral("/home/me/.config/qpanel/qpanel.conf"));
    EXPECT_TRUE(access.allows(QStringLiteral("QPANEL_ANYTHING")));
    EXPECT_TRUE(access.allows(QStringLiteral("TOKEN")));
    EXPECT_FALSE(access.allows(QStringLiteral("HOME")));
    EXPECT_FALSE(access.allows(QStringLiteral("qpanel_lower")));
    EXPECT_TRUE(access.refusal(QStringLiteral("HOME"))
                    .endsWith(QStringLiteral("--allow-env HOME, or add HOME to allowedEnvironment "
                                             "in /home/me/.config/qpanel/qpanel.conf.")))
        << access.refusal(QStringLiteral("HOME")).toStdString();
}

// A refusal rejects inside pn.fetch, before the caller's `await` attaches:
// handled in the same turn, it is no unhandled rejection (as in node).
TEST(Sandbox, ACaughtRefusalIsNotAnUnhandledRejection) {
    Session s;
    ASSERT_TRUE(s.session.run(
        QStringLiteral(
            "pn.state.execute(async () => {\n"
            "  try { await pn.fetch('file:///etc/passwd'); } catch (e) { console.log('caught ' + "
            "e.message); }\n"
            "});\n"
            "pn.fetch('/etc/hostname').then(undefined, (e) => console.log('then caught'));\n"),
        QStringLiteral("/app/caught.js")))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return s.log.size() == 2 && s.session.isIdle(); }))
        << s.log.join('|').toStdString();
    EXPECT_EQ(s.log[0], QStringLiteral("then caught"));
    EXPECT_TRUE(s.log[1].startsWith("caught fetch file:///etc/passwd: ")) << s.log[1].toStdString();
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(Sandbox, AnUncaughtRefusalIsStillReported) {
    Session s;
    ASSERT_TRUE(s.session.run(QStringLiteral("\npn.fetch('/etc/hostname');\n"),
                              QStringLiteral("/app/uncaught.js")))
        << s.firstError();
    ASSERT_TRUE(waitUntil([&] { return !s.errors.isEmpty(); }));
    EXPECT_TRUE(s.errors[0].message.startsWith(
        "Unhandled promise rejection: Error: fetch file:///etc/hostname: "))
        << s.firstError();
    EXPECT_EQ(s.errors[0].location.line, 2) << s.firstError();
    EXPECT_EQ(s.errors.size(), 1);
}
