// ES modules on V8: import/export inside the app's folder, packages from its
// node_modules, errors at the importing line, and the folder as the sandbox.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "v8/jsmodules.h"
#include "v8/moduleresolver.h"
#include "v8probe.h"

using qpanel::SourceLocation;
using qpanel::test::V8Probe;
using qpanel::v8engine::JsError;
using qpanel::v8engine::JsModules;
using qpanel::v8engine::resolveModule;

namespace {

/// An app folder with files, and an engine with modules rooted there.
struct ModuleApp {
    ModuleApp() : modules(probe.engine, dir.path()) {}

    QString path(const QString& name) const {
        return QDir(dir.path()).canonicalPath() + "/" + name;
    }
    void write(const QString& name, const QByteArray& text) {
        const QString file = QDir(dir.path()).filePath(name);
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile out(file);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(text);
    }
    std::optional<JsError> run(const QString& name) {
        std::optional<JsError> error = modules.run(path(name));
        probe.idle =
            qpanel::test::waitUntil([this] { return probe.engine.timers().activeCount() == 0; });
        return error;
    }

    QTemporaryDir dir;
    V8Probe probe;
    JsModules modules;
};

}  // namespace

TEST(V8Modules, ImportsAndExportsBetweenFilesOfTheAppFolder) {
    ModuleApp app;
    app.write(
        "lib/math.js",
        "export const twice = (x) => x * 2;\nexport default function inc(x) { return x + 1; }\n");
    app.write("lib/index.js",
              "export * from './math.js';\nexport { default as inc } from './math.js';\n");
    app.write("app.js",
              "import { twice, inc } from './lib/index.js';\nimport inc2 from './lib/math.js';\n"
              "console.log(twice(21), inc(1), inc2(2), import.meta.url.endsWith('/app.js'));\n");
    EXPECT_EQ(app.run("app.js"), std::nullopt);
    EXPECT_EQ(app.probe.console, QStringList{"42 2 3 true"});
    EXPECT_EQ(app.modules.loadedCount(), 3);
}

TEST(V8Modules, CyclesAndTopLevelAwaitRunInNodesOrder) {
    ModuleApp app;
    app.write("a.js",
              "import { b } from './b.js';\nexport const a = 'a';\nconsole.log('a sees', b());\n");
    app.write("b.js",
              "import { a } from './a.js';\nexport function b() { return 'b+' + a; "
              "}\nconsole.log('b runs');\n");
    app.write("app.js",
              "import './a.js';\nconsole.log('before');\n"
              "await new Promise((resolve) => setTimeout(resolve, 5));\nconsole.log('after');\n");
    EXPECT_EQ(app.run("app.js"), std::nullopt);
    EXPECT_TRUE(app.probe.idle);
    EXPECT_EQ(app.probe.console, (QStringList{"b runs", "a sees b+a", "before", "after"}));
}

TEST(V8Modules, AMissingImportIsReportedAtTheImportingLineAndNothingRuns) {
    ModuleApp app;
    app.write("util.js", "export const x = 1;\n");
    app.write("app.js", "console.log('never');\n\nimport { x } from './util';\n");
    const std::optional<JsError> error = app.run("app.js");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->location,
              (SourceLocation{.file = app.path("app.js"), .line = 3, .column = 19}));
    EXPECT_EQ(
        error->message,
        "cannot find module './util' (did you mean './util.js'? imports name the file exactly)");
    EXPECT_TRUE(app.probe.console.isEmpty());
}

TEST(V8Modules, ErrorsInsideAnImportedModuleArePlacedInThatFile) {
    ModuleApp app;
    app.write("bad.js", "export const a = 1;\nexport const b = ;\n");
    app.write("app.js", "import { a } from './bad.js';\n");
    std::optional<JsError> error = app.run("app.js");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->location,
              (SourceLocation{.file = app.path("bad.js"), .line = 2, .column = 18}));
    EXPECT_EQ(error->message, "SyntaxError: Unexpected token ';'");

    app.write("throws.js", "export const a = 1;\nthrow new RangeError('no');\n");
    app.write("app2.js", "import { a } from './throws.js';\nconsole.log('never');\n");
    error = app.run("app2.js");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->toString(), app.path("throws.js") + ":2:7: RangeError: no");
    EXPECT_TRUE(app.probe.console.isEmpty());
    EXPECT_TRUE(app.probe.reported.empty())
        << "the rejection is the run's error, not also an unhandled one";
}

TEST(V8Modules, AThrowAfterATopLevelAwaitIsReportedWithItsLine) {
    ModuleApp app;
    app.write("app.js", "await null;\nawait new Promise((r) => setTimeout(r, 1));\nnull.x;\n");
    EXPECT_EQ(app.run("app.js"), std::nullopt);
    ASSERT_EQ(app.probe.reported.size(), 1u);
    EXPECT_EQ(app.probe.reported[0].location.file, app.path("app.js"));
    EXPECT_EQ(app.probe.reported[0].location.line, 3);
    EXPECT_TRUE(
        app.probe.reported[0].message.startsWith("TypeError: Cannot read properties of null"));
}

TEST(V8Modules, PackagesComeFromNodeModulesInsideTheAppFolder) {
    ModuleApp app;
    app.write(
        "node_modules/greet/package.json",
        R"({"name": "greet", "type": "module", "exports": {".": "./src/main.js", "./extra": "./src/extra.js"}})");
    app.write("node_modules/greet/src/main.js", "export const hello = (n) => `hello ${n}`;\n");
    app.write("node_modules/greet/src/extra.js", "export const bye = 'bye';\n");
    app.write(
        "node_modules/@acme/dual/package.json",
        R"({"name": "@acme/dual", "exports": {"import": "./esm/index.js", "require": "./cjs/index.js"}})");
    app.write("node_modules/@acme/dual/esm/index.js", "export default 'dual esm';\n");
    app.write("node_modules/old/package.json", R"({"name": "old", "main": "index.js"})");
    app.write("node_modules/old/index.js", "module.exports = 1;\n");
    app.write("pages/app.js",
              "import { hello } from 'greet';\nimport { bye } from 'greet/extra';\n"
              "import dual from '@acme/dual';\nconsole.log(hello('you'), bye, dual);\n");
    EXPECT_EQ(app.run("pages/app.js"), std::nullopt);
    EXPECT_EQ(app.probe.console, QStringList{"hello you bye dual esm"});

    app.write("cjs.js", "import old from 'old';\n");
    std::optional<JsError> error = app.run("cjs.js");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->toString(),
              app.path("cjs.js") +
                  ":1:17: package 'old' is CommonJS (no \"type\": \"module\" in its "
                  "package.json): app scripts import ES-module packages only");
    app.write("private.js", "import x from 'greet/src/main.js';\n");
    error = app.run("private.js");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->message,
              "package 'greet' does not export './src/main.js' (its package.json \"exports\")");
}

TEST(V8Modules, NothingOutsideTheAppFolderLoads) {
    QTemporaryDir outside;
    QFile secret(outside.filePath("secret.js"));
    ASSERT_TRUE(secret.open(QIODevice::WriteOnly));
    secret.write("export const s = 'secret';\n");
    secret.close();

    ModuleApp app;
    app.write("up.js", "import { s } from '../secret.js';\n");
    std::optional<JsError> error = app.run("up.js");
    ASSERT_TRUE(error);
    EXPECT_TRUE(error->message.startsWith("'../secret.js' is outside the app's folder"))
        << error->toString().toStdString();

    app.write(
        "abs.js",
        ("import { s } from '" + QDir(outside.path()).canonicalPath() + "/secret.js';\n").toUtf8());
    error = app.run("abs.js");
    ASSERT_TRUE(error);
    EXPECT_TRUE(error->message.contains("is outside the app's folder"))
        << error->toString().toStdString();

    ASSERT_TRUE(
        QFile::link(QDir(outside.path()).canonicalPath() + "/secret.js", app.path("link.js")));
    app.write("vialink.js", "import { s } from './link.js';\n");
    error = app.run("vialink.js");
    ASSERT_TRUE(error);
    EXPECT_TRUE(error->message.contains("is a link to")) << error->toString().toStdString();

    app.write("fs.js", "import { readFileSync } from 'node:fs';\n");
    error = app.run("fs.js");
    ASSERT_TRUE(error);
    EXPECT_EQ(
        error->message,
        "'node:fs' is one of node's built-in modules: app scripts run in a sandbox without them");
    EXPECT_TRUE(app.probe.console.isEmpty());
}

TEST(V8Modules, DynamicImportFromModulesAndClassicScripts) {
    ModuleApp app;
    app.write("lazy.js", "export const value = 7;\n");
    app.write("app.js",
              "const { value } = await import('./lazy.js');\nconsole.log('module got', value);\n"
              "import('./missing.js').catch((e) => console.log('caught', e.message));\n");
    EXPECT_EQ(app.run("app.js"), std::nullopt);
    ASSERT_TRUE(app.probe.idle);
    ASSERT_EQ(app.probe.console.size(), 2);
    EXPECT_EQ(app.probe.console[0], "module got 7");
    EXPECT_EQ(app.probe.console[1],
              "caught " + app.path("app.js") + ":3:1: cannot find module './missing.js'");

    const auto error =
        app.probe.runToIdle("import('./lazy.js').then((m) => console.log('script got', m.value));",
                            app.path("classic.js"));
    EXPECT_EQ(error, std::nullopt);
    EXPECT_EQ(app.probe.console.last(), "script got 7");
    EXPECT_EQ(app.modules.loadedCount(), 2) << "lazy.js loaded once";
}

TEST(V8ModuleResolver, ExportsPatternsAndConditionsAndHints) {
    QTemporaryDir dir;
    const QString root = QDir(dir.path()).canonicalPath();
    const auto write = [&](const QString& name, const QByteArray& text) {
        QDir().mkpath(QFileInfo(root + "/" + name).absolutePath());
        QFile out(root + "/" + name);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(text);
    };
    write(
        "node_modules/kit/package.json",
        R"({"type": "module", "exports": {"./features/*": {"browser": "./dist/*.js", "default": "./src/*.js"}}})");
    write("node_modules/kit/dist/chart.js", "");
    write("node_modules/es/package.json",
          R"({"module": "./es/index.js", "main": "./lib/index.js"})");
    write("node_modules/es/es/index.js", "");
    write("pkg/index.js", "");
    write("deep/er/app.js", "");
    EXPECT_EQ(resolveModule("kit/features/chart", root + "/deep/er", root).path,
              root + "/node_modules/kit/dist/chart.js");
    EXPECT_EQ(resolveModule("es", root, root).path, root + "/node_modules/es/es/index.js");
    EXPECT_EQ(resolveModule("./pkg", root, root).error,
              "cannot find module './pkg' (did you mean './pkg/index.js'? imports name the file "
              "exactly)");
    EXPECT_EQ(
        resolveModule("nope", root, root).error,
        "cannot find package 'nope': no node_modules/nope in the app's folder (" + root + ")");
    EXPECT_EQ(resolveModule("https://cdn.example/x.js", root, root).error,
              "'https://cdn.example/x.js': imports from URLs are not supported; put the module in "
              "the app's folder");
    EXPECT_TRUE(resolveModule("./data.json", root, root).error.startsWith("cannot find module"));
    write("data.json", "{}");
    EXPECT_EQ(resolveModule("./data.json", root, root).error,
              "'./data.json' is JSON: JSON modules are not supported; fetch() it instead");
}
