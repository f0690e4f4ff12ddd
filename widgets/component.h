#pragma once
// A visible component (Panel's Viewable): named, typed params plus a QWidget
// view kept in sync both ways. Setting a param updates the view; input in
// the view sets the param once (watchers fire once, the echo is suppressed).
//
//   auto* slider = new qpanel::IntSlider({{"start", 0}, {"end", 10}});
//   layout->addWidget(slider->view());
//   slider->set("value", 3);   // moves the handle, fires watchers
//
// Every component has `name`, `loading` (spinner overlay while true),
// `visible`, `width` and `height`. Components and views live on the GUI
// thread; set() from another thread is queued there by Parameterized.

#include <QPointer>
#include <QVariantMap>
#include <QWidget>

#include "core/param.h"

namespace qpanel {

class LoadingOverlay;

class Component : public Parameterized {
    Q_OBJECT

public:
    explicit Component(QString typeName, QObject* parent = nullptr);
    ~Component() override;

    /// The view, created on first use. One view per component: adding it to
    /// another layout moves it. If a parent widget deleted it, a new one is made.
    QWidget* view();
    QWidget* existingView() const { return view_.data(); }

    /// Sets params in declaration order (so `end` is known before `value`),
    /// as one batch. Throws ParamError naming the first bad param.
    void configure(const QVariantMap& params);

    /// Panel's layout options beyond width/height (widgets/layoutoptions.h):
    /// kept and applied to the view, now and whenever it is made. Returns
    /// false for one qpanel accepts but cannot show; a bad value throws ParamError.
    bool setLayoutOption(const QString& name, const QVariant& value);
    QVariant layoutOption(const QString& name) const { return layoutOptions_.value(name); }

    /// Adds this component to its document's servable roots (Panel's
    /// .servable()); a ServableArea shows them stacked.
    Component* servable(const QString& title = {});

signals:
    void viewCreated(QWidget* view);

protected:
    virtual QWidget* createView() = 0;
    /// Applies one param to the existing view (also called for every param
    /// right after createView). Block the control's signals while applying.
    virtual void syncView(const QString& name, const QVariant& value);
    /// For view input handlers: sets a param as the user; a refused value is
    /// reported and the view reverts to the param.
    void setFromView(const QString& name, const QVariant& value);

private:
    void applyToView(const QString& name, const QVariant& value, bool initial);

    QPointer<QWidget> view_;
    QPointer<LoadingOverlay> overlay_;
    QVariantMap layoutOptions_;
    QSizePolicy basePolicy_;  ///< the view's own, what sizing_mode None restores
};

/// The component a QVariant holds (a Component* or subclass pointer), or null.
Component* componentFrom(const QVariant& value);

}  // namespace qpanel
