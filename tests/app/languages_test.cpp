// The language seam: AppLanguages picks a script's language by extension,
// and the window (File → Open's filter, drops, opening, the loading page)
// and the examples catalog follow the registry. A fake second language
// ("Fake", .fake files) stands in for Python.
#include <QFileDialog>
#include <QMimeData>
#include <QPromise>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QUrl>

#include "core/document.h"
#include "session/appsession.h"
#include "shell/examplescatalog.h"
#include "shell/loadingpage.h"
#include "shellfixture.h"

using namespace std::chrono_literals;
using qpanel::AppLanguage;
using qpanel::AppLanguages;
using qpanel::AppSession;
using qpanel::ExamplesCatalog;
using qpanel::test::ShellTest;
using qpanel::test::waitUntil;

namespace {

/// An app of the fake language: a file saying "fail" does not load; any
/// other loads and logs its first line.
class FakeSession : public AppSession {
public:
    bool load(const QString& path) override {
        QFile file(path);
        const QString text = file.open(QIODevice::ReadOnly)
                                 ? QString::fromUtf8(file.readAll()).trimmed()
                                 : QString();
        if (text == QLatin1String("fail")) {
            emit errorReported(
                {.message = QStringLiteral("fake failure"), .location = {.file = path, .line = 1}},
                {}, qpanel::ErrorEcho::NotPrinted);
            return false;
        }
        emit messageLogged(QStringLiteral("log"), QStringLiteral("fake ran: ") + text);
        return true;
    }
    qpanel::Document* document() const override { return document_.get(); }
    void setScriptTimeLimit(std::chrono::milliseconds limit) override { limit_ = limit; }
    std::chrono::milliseconds scriptTimeLimit() const override { return limit_; }
    void interruptRunaway() override {}

protected:
    bool hostIsIdle() const override { return true; }
    QStringList hostActivity() const override { return {}; }

private:
    std::unique_ptr<qpanel::Document> document_ = std::make_unique<qpanel::Document>();
    std::chrono::milliseconds limit_{5000};
};

AppLanguage fakeLanguage() {
    return {.name = QStringLiteral("Fake"),
            .extensions = {QStringLiteral(".fake")},
            .createSession = [] { return std::make_unique<FakeSession>(); },
            .check = [](const QStringList&) { return QList<qpanel::ScriptError>{}; }};
}

AppLanguages jsLike() {
    AppLanguages languages;
    languages.add({.name = QStringLiteral("JavaScript"),
                   .extensions = {QStringLiteral(".js"), QStringLiteral(".TS")},
                   .createSession = [] { return std::make_unique<FakeSession>(); },
                   .check = [](const QStringList&) { return QList<qpanel::ScriptError>{}; }});
    return languages;
}

QWidget* currentPage(qpanel::MainWindow& window) {
    return static_cast<QStackedWidget*>(window.centralWidget())->currentWidget();
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate)) << path.toStdString();
    file.write(bytes);
}

}  // namespace

TEST(AppLanguages, ChoosesTheLanguageByExtensionInAnyCase) {
    AppLanguages languages = jsLike();
    languages.add(fakeLanguage());
    ASSERT_NE(languages.forFile(QStringLiteral("/a/app.js")), nullptr);
    EXPECT_EQ(languages.forFile(QStringLiteral("/a/app.js"))->name, QStringLiteral("JavaScript"));
    EXPECT_EQ(languages.forFile(QStringLiteral("/a/APP.ts"))->name, QStringLiteral("JavaScript"));
    EXPECT_EQ(languages.forFile(QStringLiteral("/a/b.c/app.Fake"))->name, QStringLiteral("Fake"));
    EXPECT_EQ(languages.forFile(QStringLiteral("/a/notes.txt")), nullptr);
    EXPECT_EQ(languages.forFile(QStringLiteral("/a/js")), nullptr);
    EXPECT_EQ(languages.forFile(QStringLiteral("/a/.js")), nullptr)
        << "a bare extension is no script";
    EXPECT_EQ(languages.forFile(QStringLiteral("/a/app.fake.bak")), nullptr);
    EXPECT_EQ(languages.extensions(), (QStringList{".js", ".ts", ".fake"}));
    EXPECT_EQ(languages.nameFilters(), (QStringList{"*.js", "*.ts", "*.fake"}));
}

TEST(AppLanguages, AnUnsupportedFileIsAnErrorAtItNamingTheSupportedExtensions) {
    AppLanguages languages = jsLike();
    languages.add(fakeLanguage());
    const qpanel::ScriptError error = languages.unsupportedFile(QStringLiteral("/a/notes.txt"));
    EXPECT_EQ(error.location.file, QStringLiteral("/a/notes.txt"));
    EXPECT_EQ(error.toString(),
              QStringLiteral("/a/notes.txt: not an app script qpanel can run; it runs "
                             ".js, .ts (JavaScript); .fake (Fake)"));
}

TEST(ExamplesCatalog, ListsTheScriptsOfEveryRegisteredLanguage) {
    QTemporaryDir folder;
    writeFile(folder.filePath("alpha.js"), "// Alpha in JS. More.\n");
    writeFile(folder.filePath("alpha.fake"),
              "#!/usr/bin/env fake\n# Alpha in fake,\n# wrapped. More.\n");
    writeFile(folder.filePath("beta.fake"), "# Beta only in fake.\n");
    writeFile(folder.filePath("notes.txt"), "// not an example\n");
    const AppLanguages jsOnly = jsLike();
    QStringList names;
    for (const qpanel::Example& e : ExamplesCatalog::list(folder.path(), jsOnly)) names << e.name;
    EXPECT_EQ(names, QStringList{"alpha"}) << "a language that is not registered lists nothing";

    AppLanguages both = jsLike();
    both.add(fakeLanguage());
    const QList<qpanel::Example> examples = ExamplesCatalog::list(folder.path(), both);
    ASSERT_EQ(examples.size(), 3);
    // Sorted by file name; the name a language registered earlier has stays short.
    EXPECT_EQ(examples[0].name, QStringLiteral("alpha.fake"));
    EXPECT_EQ(examples[0].description, QStringLiteral("Alpha in fake, wrapped."));
    EXPECT_EQ(examples[1].name, QStringLiteral("alpha"));
    EXPECT_EQ(examples[1].description, QStringLiteral("Alpha in JS."));
    EXPECT_EQ(examples[2].name, QStringLiteral("beta"));
    EXPECT_EQ(examples[2].description, QStringLiteral("Beta only in fake."));
    EXPECT_EQ(ExamplesCatalog::find(QStringLiteral("alpha"), folder.path(), both)->path,
              folder.filePath("alpha.js"));
    EXPECT_EQ(ExamplesCatalog::find(QStringLiteral("alpha.fake"), folder.path(), both)->path,
              folder.filePath("alpha.fake"));
    EXPECT_EQ(ExamplesCatalog::find(QStringLiteral("beta.fake"), folder.path(), both)->path,
              folder.filePath("beta.fake"));
    EXPECT_FALSE(ExamplesCatalog::find(QStringLiteral("notes"), folder.path(), both).has_value());
}

/// A window whose registry has JavaScript (the fixture's) and the fake language.
class LanguagesTest : public ShellTest {
protected:
    void SetUp() override {
        ShellTest::SetUp();
        registerJavaScript(both_, transpiler_.get());
        both_.add(fakeLanguage());
    }
    qpanel::MainWindow& twoLanguageWindow() {
        if (!window_) {
            window_ = std::make_unique<qpanel::MainWindow>(&both_);
            window_->show();
            EXPECT_TRUE(QTest::qWaitForWindowExposed(window_.get()));
        }
        return *window_;
    }
    AppLanguages both_;
};

TEST_F(LanguagesTest, TheOpenDialogOffersEveryRegisteredLanguagesScripts) {
    EXPECT_EQ(qpanel::MainWindow::openFilter(*languages_),
              QStringLiteral("App scripts (*.js *.ts);;All files (*)"));
    twoLanguageWindow();
    action("actionOpen")->trigger();
    auto* dialog = window().findChild<QFileDialog*>(QStringLiteral("OpenScriptDialog"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->nameFilters().value(0), QStringLiteral("App scripts (*.js *.ts *.fake)"));
    EXPECT_EQ(action("actionOpen")->statusTip(),
              QStringLiteral("Open a JavaScript or Fake app script"));
    dialog->reject();
}

TEST_F(LanguagesTest, OpenScriptRunsEachScriptWithTheLanguageOfItsExtension) {
    const QString fake = writeScript("hello.fake", "hello");
    ASSERT_TRUE(twoLanguageWindow().openScript(fake)) << consoleText().toStdString();
    EXPECT_NE(dynamic_cast<FakeSession*>(window().session()), nullptr);
    EXPECT_TRUE(consoleShows("fake ran: hello"));
    EXPECT_EQ(window().windowTitle(), QStringLiteral("hello.fake — qpanel"));

    ASSERT_TRUE(window().openScript(writeScript("plain.js", "console.log('js ran');\n")))
        << consoleText().toStdString();
    EXPECT_EQ(dynamic_cast<FakeSession*>(window().session()), nullptr);
    EXPECT_NE(dynamic_cast<qpanel::ScriptSession*>(window().session()), nullptr);
    EXPECT_TRUE(consoleShows("js ran"));

    // A failure of the other language keeps the running app, as for JS.
    AppSession* running = window().session();
    EXPECT_FALSE(window().openScript(writeScript("bad.fake", "fail")));
    EXPECT_EQ(window().session(), running);
    EXPECT_TRUE(consoleShows("bad.fake:1: fake failure"));
    EXPECT_TRUE(consoleShows("bad.fake did not load; plain.js keeps running."));
}

TEST_F(LanguagesTest, AFileOfNoRegisteredLanguageIsRefusedWithTheSupportedExtensions) {
    const QString notes = writeScript("notes.txt", "console.log('never run');\n");
    EXPECT_FALSE(twoLanguageWindow().openScript(notes));
    EXPECT_EQ(window().session(), nullptr);
    EXPECT_TRUE(
        consoleShows("notes.txt: not an app script qpanel can run; it runs .js, .ts (JavaScript); "
                     ".fake (Fake)"))
        << consoleText().toStdString();
    EXPECT_TRUE(consoleShows("notes.txt did not load."));
    EXPECT_FALSE(consoleText().contains("never run"));

    // Dropped, it is not even accepted; a script of either language is.
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(notes)});
    QDragEnterEvent refused(QPoint(5, 5), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&twoLanguageWindow(), &refused);
    EXPECT_FALSE(refused.isAccepted());
    data.setUrls({QUrl::fromLocalFile(writeScript("dropped.fake", "dropped"))});
    QDragEnterEvent accepted(QPoint(5, 5), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&twoLanguageWindow(), &accepted);
    EXPECT_TRUE(accepted.isAccepted());
}

TEST_F(LanguagesTest, TheLoadingPageSaysWhatTheLanguagePreparesUntilItIsReady) {
    auto promise = std::make_shared<QPromise<void>>();
    QStringList prepared;
    AppLanguages slow;
    AppLanguage language = fakeLanguage();
    language.prepare = [&prepared, promise](const QString& path) {
        prepared << path;
        promise->start();
        return qpanel::Preparation{.ready = promise->future(),
                                   .status = QStringLiteral("Warming the fake engine…")};
    };
    slow.add(std::move(language));
    qpanel::MainWindow window(&slow);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(&window, &qpanel::MainWindow::openFinished);
    const QString path = writeScript("slow.fake", "slow");
    window.openScriptInBackground(path);
    EXPECT_EQ(window.loadingPage()->status(), QStringLiteral("Loading slow.fake…"));
    ASSERT_TRUE(waitUntil([&] {
        return window.loadingPage()->status() == QStringLiteral("Warming the fake engine…");
    }));
    EXPECT_EQ(prepared, QStringList{QFileInfo(path).absoluteFilePath()});
    EXPECT_EQ(window.session(), nullptr) << "loaded before the language was ready";
    EXPECT_EQ(currentPage(window), window.loadingPage());

    promise->finish();
    ASSERT_TRUE(waitUntil([&] { return finished.size() == 1; }));
    EXPECT_TRUE(finished.at(0).at(0).toBool());
    EXPECT_NE(dynamic_cast<FakeSession*>(window.session()), nullptr);
    EXPECT_EQ(currentPage(window), window.appContent());
}
