// The Console dock: console output, errors with a file:line link that opens
// the read-only source view at that line.
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QToolButton>

#include "shell/sourceview.h"
#include "shellfixture.h"

using qpanel::test::ShellTest;
using qpanel::test::waitUntil;

namespace {

/// Clicks the first link in `browser` whose text is `text`.
bool clickLink(QTextBrowser* browser, const QString& text) {
    for (QTextBlock block = browser->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isAnchor() || fragment.text() != text) continue;
            QTextCursor cursor(browser->document());
            cursor.setPosition(fragment.position() + 1);
            browser->setTextCursor(cursor);
            browser->ensureCursorVisible();
            const QPoint at = browser->cursorRect(cursor).center();
            QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, at);
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_F(ShellTest, ConsoleShowsEachConsoleLevel) {
    ASSERT_TRUE(window().openScript(writeScript("logs.js",
                                                "console.log('plain line');\n"
                                                "console.info('info line');\n"
                                                "console.warn('careful');\n"
                                                "console.error('it broke');\n"
                                                "pn.Row('x').servable();\n")));
    for (const char* line : {"plain line", "info line", "careful", "it broke"})
        EXPECT_TRUE(consoleShows(QString::fromLatin1(line))) << line;
    const QString html = window().console()->view()->toHtml();
    EXPECT_NE(html.indexOf(QStringLiteral("it broke")), -1);

    window().console()->findChild<QToolButton*>()->click();
    EXPECT_FALSE(consoleText().contains("plain line"));
}

TEST_F(ShellTest, AnErrorLinksToItsLineAndTheLinkOpensTheSourceThere) {
    const QString path = writeScript("thrower.js",
                                     "const a = 1;\n"
                                     "const b = 2;\n"
                                     "\n"
                                     "undefinedFunction(a + b);\n");
    EXPECT_FALSE(window().openScript(path));
    ASSERT_TRUE(consoleShows("thrower.js:4")) << consoleText().toStdString();
    EXPECT_TRUE(consoleText().contains("undefinedFunction")) << consoleText().toStdString();

    QTextBrowser* browser = window().console()->view();
    QString anchorText;
    for (QTextBlock block = browser->document()->begin(); block.isValid() && anchorText.isEmpty();
         block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isAnchor()) anchorText = it.fragment().text();
    ASSERT_TRUE(anchorText.startsWith(QStringLiteral("thrower.js:4"))) << anchorText.toStdString();
    ASSERT_TRUE(clickLink(browser, anchorText));

    qpanel::SourceView* source = window().sourceView();
    ASSERT_NE(source, nullptr);
    ASSERT_TRUE(waitUntil([&] { return source->isVisible(); }));
    EXPECT_EQ(source->filePath(), QFileInfo(path).absoluteFilePath());
    EXPECT_EQ(source->highlightedLine(), 4);
    EXPECT_EQ(source->textCursor().blockNumber(), 3);
    EXPECT_EQ(source->textCursor().block().text(), QStringLiteral("undefinedFunction(a + b);"));
    EXPECT_TRUE(source->isReadOnly());
    EXPECT_EQ(source->extraSelections().size(), 1);
}

TEST_F(ShellTest, AnErrorInAnAsyncCallbackIsReportedWithItsLine) {
    ASSERT_TRUE(window().openScript(writeScript("later.js",
                                                "pn.state.execute(async () => {\n"
                                                "  await pn.sleep(10);\n"
                                                "  throw new Error('late failure');\n"
                                                "});\n"
                                                "pn.Row('x').servable();\n")));
    ASSERT_TRUE(consoleShows("late failure")) << consoleText().toStdString();
    EXPECT_TRUE(consoleText().contains("later.js:3")) << consoleText().toStdString();
    // The app stays up.
    EXPECT_NE(window().session(), nullptr);
}

TEST_F(ShellTest, ErrorColoursFollowTheLightOrDarkPalette) {
    QPalette dark = window().palette();
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    const qpanel::ScriptError error{QStringLiteral("boom"), QStringLiteral("/x/app.js"), 3, 1};
    window().console()->setPalette(dark);
    window().console()->appendError(error, {});
    QPalette light = dark;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    window().console()->setPalette(light);
    window().console()->appendError(error, {});
    // The first error is light-on-dark, the second dark-on-light.
    QList<QColor> colours;
    for (QTextBlock b = window().console()->view()->document()->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            if (it.fragment().text().contains(QStringLiteral("boom")))
                colours << it.fragment().charFormat().foreground().color();
    ASSERT_EQ(colours.size(), 2);
    EXPECT_GT(colours[0].lightness(), 128);
    EXPECT_LT(colours[1].lightness(), 128);
    EXPECT_GT(colours[0].red(), colours[0].green());
    EXPECT_GT(colours[1].red(), colours[1].green());
}
