#pragma once
// The shared half of IntSlider and FloatSlider: `start`, `end`, `step`,
// `value` (within [start, end]), `disabled`. The caption shows
// "name: value"; arrow keys move one step, Page Up/Down a tenth of the range.

#include "widgets/component.h"

class QSlider;

namespace qpanel {

class LabeledView;

class Slider : public Component {
    Q_OBJECT

public:
    /// The text the caption shows for the current value.
    QString valueText() const;

protected:
    Slider(QString typeName, QMetaType numberType, const QVariantMap& params, QObject* parent);

    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;
    void validate(const ParamSpec& spec, QVariant& value) const override;

private:
    double number(const char* name) const { return get(QString::fromLatin1(name)).toDouble(); }
    int steps() const;  ///< handle positions - 1
    QVariant valueAt(int position) const;
    int decimals() const;  ///< of the step, for display and snapping
    void syncRange();
    void syncCaption();

    bool integer_;
    LabeledView* labeled_ = nullptr;
    QSlider* slider_ = nullptr;
};

}  // namespace qpanel
