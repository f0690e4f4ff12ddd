#pragma once
// A MainWindow test with its own settings (never the user's), one shared
// transpiler (Babel loads once per binary) behind the JavaScript language,
// and helpers to write scripts.

#include <gtest/gtest.h>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "bridge/javascriptlanguage.h"
#include "bridge/scriptsession.h"
#include "bridge/transpiler.h"
#include "common/eventloop.h"
#include "core/runtime.h"
#include "session/applanguages.h"
#include "shell/consoledock.h"
#include "shell/mainwindow.h"
#include "shell/shellsettings.h"

namespace qpanel::test {

class ShellTest : public ::testing::Test {
public:
    static void SetUpTestSuite() {
        QStandardPaths::setTestModeEnabled(true);
        settingsDir_ = std::make_unique<QTemporaryDir>();
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_->path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_->path());
        cacheDir_ = std::make_unique<QTemporaryDir>();
        transpiler_ = std::make_unique<Transpiler>(Transpiler::Options{cacheDir_->path(), true});
        transpiler_->warmUp();
        languages_ = std::make_unique<AppLanguages>();
        registerJavaScript(*languages_, transpiler_.get());
    }
    static void TearDownTestSuite() {
        languages_.reset();
        transpiler_.reset();
        cacheDir_.reset();
        settingsDir_.reset();
    }

protected:
    void SetUp() override {
        ShellSettings().clear();
        ASSERT_TRUE(scripts_.isValid());
    }
    void TearDown() override {
        window_.reset();
        // Nothing of a closed window's apps may still run.
        EXPECT_TRUE(waitUntil([] { return Runtime::instance().tasks().count() == 0; }));
    }

    MainWindow& window() {
        if (!window_) {
            window_ = std::make_unique<MainWindow>(languages_.get());
            window_->show();
            EXPECT_TRUE(QTest::qWaitForWindowExposed(window_.get()));
        }
        return *window_;
    }
    /// A fresh window reading the settings the previous one saved.
    MainWindow& reopenWindow() {
        if (window_) window_->close();
        window_.reset();
        return window();
    }
    QAction* action(const char* name) {
        auto* found = window().findChild<QAction*>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << "no action " << name;
        return found;
    }
    /// Writes `source` to `name` in the test's folder; returns its path.
    QString writeScript(const QString& name, const QString& source) {
        const QString path = scripts_.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(source.toUtf8());
        return path;
    }
    QString consoleText() { return window().console()->plainText(); }
    bool consoleShows(const QString& text) {
        return waitUntil([&] { return consoleText().contains(text); });
    }

    QTemporaryDir scripts_;
    std::unique_ptr<MainWindow> window_;
    static inline std::unique_ptr<QTemporaryDir> settingsDir_;
    static inline std::unique_ptr<QTemporaryDir> cacheDir_;
    static inline std::unique_ptr<Transpiler> transpiler_;
    static inline std::unique_ptr<AppLanguages> languages_;
};

}  // namespace qpanel::test
