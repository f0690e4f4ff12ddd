#pragma once
// Panel's Button: `name` (its label), `button_type`, `clicks`, `disabled`.
// Clicking increments `clicks`; setting `clicks` from code counts as a click.
//
//   auto* button = new qpanel::Button({{"name", "Click me!"}});
//   button->onClick([text](const qpanel::Event& e) -> QCoro::Task<> {
//       text->set("value", QString("Running %1").arg(e.newValue.toInt()));
//       co_await qpanel::sleep(2s); ... });

#include "widgets/component.h"

class QPushButton;

namespace qpanel {

class Button : public Component {
    Q_OBJECT

public:
    explicit Button(const QVariantMap& params = {}, QObject* parent = nullptr);

    /// Panel's on_click: `fn` takes const Event& (newValue = the click count)
    /// and may return QCoro::Task<>; each click starts a new run under `policy`.
    template <typename F>
    int onClick(F fn, CallbackPolicy policy = {}) {
        return watch({QStringLiteral("clicks")}, std::move(fn),
                     WatchOptions{false, policy, label() + QStringLiteral(".on_click")});
    }
    /// A click, as if the user pressed the button.
    void click();

protected:
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;
    void validate(const ParamSpec& spec, QVariant& value) const override;

private:
    QPushButton* button_ = nullptr;
};

}  // namespace qpanel
