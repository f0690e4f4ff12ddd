#include "widgets/panes/markdown.h"

#include <QLabel>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

namespace qpanel {

Markdown::Markdown(const QVariantMap& params, QObject* parent)
    : Component(QStringLiteral("Markdown"), parent) {
    declare({QStringLiteral("object"), QMetaType::fromType<QString>(), QString()});
    configure(params);
}

Markdown::Markdown(const QString& text, QObject* parent)
    : Markdown(QVariantMap{{QStringLiteral("object"), text}}, parent) {}

QWidget* Markdown::createView() {
    label_ = new QLabel;
    label_->setTextFormat(Qt::RichText);
    label_->setWordWrap(true);
    label_->setOpenExternalLinks(true);
    label_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label_;
}

void Markdown::syncView(const QString& name, const QVariant& value) {
    if (name != QLatin1String("object")) return;
    // Qt's Markdown import draws tables without padding and indents lists by
    // 40 px; adjust the document, then hand the label its HTML.
    QTextDocument document;
    document.setIndentWidth(20);
    document.setMarkdown(value.toString());
    for (QTextFrame* frame : document.rootFrame()->childFrames()) {
        auto* table = qobject_cast<QTextTable*>(frame);
        if (!table) continue;
        QTextTableFormat format = table->format();
        format.setCellPadding(4);
        format.setCellSpacing(0);
        format.setBorderCollapse(true);
        format.setBorderBrush(label_->palette().color(QPalette::Mid));
        table->setFormat(format);
    }
    label_->setText(document.toHtml());
}

}  // namespace qpanel
