#pragma once
// Panel's Tabs: one tab per (title, component); `active` is the index of
// the shown tab, in sync both ways.
//
//   auto* tabs = new qpanel::Tabs({{"Plot", chart}, {"Data", table}});

#include <initializer_list>

#include "widgets/panes/panel.h"

class QTabWidget;

namespace qpanel {

class Tabs : public Component {
    Q_OBJECT

public:
    struct Tab {
        QString title;
        Panelable item;
    };

    explicit Tabs(std::initializer_list<Tab> tabs = {}, const QVariantMap& params = {},
                  QObject* parent = nullptr);

    void append(const QString& title, Panelable item);
    int count() const { return int(tabs_.size()); }
    Component* object(int index) const;
    QString title(int index) const;

protected:
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;
    void validate(const ParamSpec& spec, QVariant& value) const override;

private:
    struct Entry {
        QString title;
        QPointer<Component> component;
    };
    void addPage(const Entry& entry);

    QList<Entry> tabs_;
    QTabWidget* tabWidget_ = nullptr;
};

}  // namespace qpanel
