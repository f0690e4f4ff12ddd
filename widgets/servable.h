#pragma once
// Servable roots (Panel's .servable()): the components an app puts in its
// window, per document, in call order. ServableArea shows them.
//
//   pn::Row* row = ...; row->servable("Demo");
//   auto* area = new qpanel::ServableArea(document);   // in the main window

#include <QList>
#include <QObject>
#include <QPointer>
#include <QScrollArea>

namespace qpanel {

class Component;
class Document;

class Servables : public QObject {
    Q_OBJECT

public:
    /// The roots of `document` (created on first use, owned by it).
    static Servables* of(Document* document);

    struct Root {
        QPointer<Component> component;
        QString title;
    };
    QList<Root> roots() const;
    /// The first non-empty title (the window title Panel would use).
    QString title() const;
    /// Adds a root; a parentless component is adopted by the document.
    void add(Component* component, const QString& title = {});

signals:
    void rootAdded(qpanel::Component* component, const QString& title);

private:
    explicit Servables(Document* document);
    QList<Root> roots_;
};

/// The window's content: the servable roots stacked vertically, scrollable.
class ServableArea : public QScrollArea {
    Q_OBJECT

public:
    explicit ServableArea(Document* document, QWidget* parent = nullptr);
    int rootCount() const;

private:
    void addRoot(Component* component);

    QWidget* column_;
};

}  // namespace qpanel
