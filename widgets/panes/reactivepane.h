#pragma once
// Shows a Reactive (Panel's ParamFunction pane for pn.bind / pn.depends):
// activates it, shows its latest result through panel(), mirrors its
// `loading` (spinner overlay while the latest run is pending) and shows its
// error in place of the content. Its read-only `rendered` param is the
// component shown now; it fires on every render.
//
//   auto* pane = new qpanel::ReactivePane(qpanel::bind(getImage, slider));

#include "core/reactive.h"
#include "widgets/component.h"

class QVBoxLayout;

namespace qpanel {

class ErrorBox;

class ReactivePane : public Component {
    Q_OBJECT

public:
    explicit ReactivePane(Reactive* reactive, QObject* parent = nullptr);
    ~ReactivePane() override;

    Reactive* reactive() const { return reactive_; }
    /// The pane showing the latest completed result (Panel's `rendered`).
    Component* rendered() const { return rendered_; }
    QString error() const;

signals:
    void renderedChanged(qpanel::Component* rendered);

protected:
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;

private:
    void render(const QVariant& value);
    void release(Component* child);
    void placeRendered();
    /// Stores rendered_ in the `rendered` param.
    void showRendered();

    QPointer<Reactive> reactive_;
    QPointer<Component> rendered_;
    QMetaObject::Connection renderedGone_;
    QVBoxLayout* layout_ = nullptr;
    ErrorBox* errorBox_ = nullptr;
};

}  // namespace qpanel
