// The script sandbox (SPEC §6): no file system or process access from
// scripts; pn.fetch reaches http(s) and files under the script's folder only.
#include "common/eventloop.h"
#include "pnsession.h"

#include <QDir>
#include <QFile>
#include <gtest/gtest.h>

using namespace std::chrono_literals;
using qpanel::test::Session;
using qpanel::test::waitUntil;

TEST(Sandbox, NoFileOrProcessGlobalsExist) {
    Session s;
    ASSERT_TRUE(s.session.run(QStringLiteral(
        "const names = ['require', 'process', 'module', 'exports', 'Qt', 'XMLHttpRequest', 'importScripts',\n"
        "               'fetch', 'Deno', 'Bun', 'load', 'read', 'readFile', 'print', 'gc', 'qsTr'];\n"
        "for (const n of names) console.log(n + ' ' + typeof globalThis[n]);\n"),
        QStringLiteral("/app/globals.js")))
        << s.firstError();
    for (const QString& line : s.log) EXPECT_TRUE(line.endsWith(" undefined")) << line.toStdString();
    EXPECT_EQ(s.log.size(), 16);
}

TEST(Sandbox, DynamicImportIsRefusedNamingTheLine) {
    Session s;
    EXPECT_FALSE(s.session.run(QStringLiteral("const a = 1;\nimport('/etc/passwd').then(console.log);\n"),
                               QStringLiteral("/app/import.js")));
    ASSERT_EQ(s.errors.size(), 1);
    EXPECT_TRUE(s.errors[0].message.contains("import() is not supported")) << s.firstError();
    EXPECT_EQ(s.errors[0].location.line, 2);
}

TEST(Sandbox, StaticImportIsRefused) {
    Session s;
    EXPECT_FALSE(s.session.run(QStringLiteral("import fs from 'fs';\n"), QStringLiteral("/app/import.js")));
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
    const QStringList log =
        fetchAll(s, folders, {"data.txt", "./sub/inner.txt", "sub/../data.txt", "file:data.txt", absolute});
    EXPECT_EQ(log, (QStringList{"data.txt -> inside", "./sub/inner.txt -> nested", "sub/../data.txt -> inside",
                                "file:data.txt -> inside", absolute + " -> inside"}));
    EXPECT_TRUE(s.errors.isEmpty()) << s.firstError();
}

TEST(Sandbox, FetchRefusesEscapesOtherFoldersLinksOutAndOtherSchemes) {
    Folders folders;
    Session s;
    const QString secret = folders.root.filePath("secret.txt");
    const QStringList urls{"../secret.txt", "sub/../../secret.txt", secret, QUrl::fromLocalFile(secret).toString(),
                           "file:../secret.txt", "link.txt", "/etc/hostname", "ftp://127.0.0.1/x",
                           "qrc:/qpanel/bridge/pn.js", "data:text/plain,hello"};
    const QStringList log = fetchAll(s, folders, urls);
    ASSERT_EQ(log.size(), urls.size()) << log.join('\n').toStdString();
    for (int i = 0; i < urls.size(); ++i) {
        EXPECT_TRUE(log[i].startsWith(urls[i] + " !! fetch ")) << log[i].toStdString();
        EXPECT_FALSE(log[i].contains("SECRET")) << log[i].toStdString();
    }
    for (int i = 0; i < 7; ++i)
        EXPECT_TRUE(log[i].contains("only files inside the script's folder")) << log[i].toStdString();
    for (int i = 7; i < urls.size(); ++i)
        EXPECT_TRUE(log[i].contains("only http, https and files under the script's folder"))
            << log[i].toStdString();
    EXPECT_TRUE(log[0].contains("secret.txt")) << "names the URL: " << log[0].toStdString();
}
