#include "shell/consoledock.h"

#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>
#include <QUrlQuery>

#include "shell/dockbody.h"

namespace qpanel {

namespace {

constexpr int kMaxLines = 5000;

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Base).lightness() < 128;
}

// Links carry the path and line; the scheme keeps them apart from web links.
QUrl sourceLink(const QString& path, int line) {
    QUrl url;
    url.setScheme(QStringLiteral("qpanel-source"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("path"), path);
    query.addQueryItem(QStringLiteral("line"), QString::number(line));
    url.setQuery(query);
    return url;
}

}  // namespace

ConsoleDock::ConsoleDock(QWidget* parent)
    : QDockWidget(tr("Console"), parent), view_(new QTextBrowser) {
    setObjectName(QStringLiteral("ConsoleDock"));
    view_->setOpenLinks(false);
    view_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view_->document()->setMaximumBlockCount(kMaxLines);
    view_->setPlaceholderText(tr("console.log output and script errors appear here"));
    connect(view_, &QTextBrowser::anchorClicked, this, &ConsoleDock::openLink);
    applyLinkColour();

    QToolButton* clearButton = dockButton(tr("Clear"), tr("Clear the console"));
    connect(clearButton, &QToolButton::clicked, this, &ConsoleDock::clear);
    setWidget(dockBody({clearButton}, view_));
}

void ConsoleDock::appendMessage(const QString& level, const QString& text) {
    const Tone tone = level == QLatin1String("error")  ? Tone::Error
                      : level == QLatin1String("warn") ? Tone::Warning
                                                       : Tone::Normal;
    appendLine(text.toHtmlEscaped(), tone);
}

void ConsoleDock::appendError(const ScriptError& error, const QString& stack) {
    QString html;
    const SourceLocation& at = error.location;
    if (!at.file.isEmpty()) {
        QString place = QFileInfo(at.file).fileName();
        if (at.line > 0) place += QLatin1Char(':') + QString::number(at.line);
        if (at.column > 0) place += QLatin1Char(':') + QString::number(at.column);
        html = at.line > 0 ? QStringLiteral("<a href=\"%1\">%2</a>: ")
                                 .arg(sourceLink(at.file, at.line).toString(QUrl::FullyEncoded),
                                      place.toHtmlEscaped())
                           : place.toHtmlEscaped() + QStringLiteral(": ");
    }
    html += error.message.toHtmlEscaped();
    // The first frames are enough to see where it came from; the rest is noise.
    const QStringList frames = stack.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(0, 8);
    for (QString frame : frames) {
        // V4 names top-level code "%entry" and prefixes paths with file://.
        frame.replace(QLatin1String("%entry@"), QLatin1String("(top level) "));
        frame.replace(QLatin1String("file://"), QString());
        html += QStringLiteral("<br>&nbsp;&nbsp;") + frame.toHtmlEscaped();
    }
    appendLine(html, Tone::Error);
}

void ConsoleDock::appendNote(const QString& text) {
    appendLine(text.toHtmlEscaped(), Tone::Dim);
}

void ConsoleDock::clear() {
    view_->clear();
}

QString ConsoleDock::plainText() const {
    return view_->toPlainText();
}

void ConsoleDock::appendLine(const QString& html, Tone tone) {
    // Colours are fixed when a line is added: lines after a palette change use the new one.
    view_->append(QStringLiteral("<span style=\"white-space: pre-wrap; color: %1\">%2</span>")
                      .arg(colourFor(tone), html));
}

QString ConsoleDock::colourFor(Tone tone) const {
    const QPalette& p = palette();
    const bool dark = isDark(p);
    switch (tone) {
        case Tone::Error:
            return QString::fromLatin1(dark ? "#ff7b72" : "#b3261e");
        case Tone::Warning:
            return QString::fromLatin1(dark ? "#e3b341" : "#8a5a00");
        case Tone::Dim: {
            // Halfway between text and background: quieter than output in any palette.
            const QColor text = p.color(QPalette::Text), base = p.color(QPalette::Base);
            return QColor((text.red() + base.red()) / 2, (text.green() + base.green()) / 2,
                          (text.blue() + base.blue()) / 2)
                .name();
        }
        case Tone::Normal:
            break;
    }
    return p.color(QPalette::Text).name();
}

void ConsoleDock::changeEvent(QEvent* event) {
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) applyLinkColour();
}

void ConsoleDock::applyLinkColour() {
    // Qt's default link blue is hard to read on a dark base.
    QPalette p = view_->palette();
    p.setColor(QPalette::Link,
               isDark(palette()) ? QColor(0x79, 0xc0, 0xff) : QColor(0x09, 0x69, 0xda));
    view_->setPalette(p);
}

void ConsoleDock::openLink(const QUrl& url) {
    if (url.scheme() != QLatin1String("qpanel-source")) return;
    const QUrlQuery query(url);
    emit sourceRequested(query.queryItemValue(QStringLiteral("path"), QUrl::FullyDecoded),
                         query.queryItemValue(QStringLiteral("line")).toInt());
}

}  // namespace qpanel
