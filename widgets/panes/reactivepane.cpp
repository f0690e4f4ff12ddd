#include "widgets/panes/reactivepane.h"

#include <QVBoxLayout>

#include "core/reactive.h"
#include "widgets/panes/errorbox.h"
#include "widgets/panes/image.h"
#include "widgets/panes/markdown.h"
#include "widgets/panes/panel.h"
#include "widgets/panes/str.h"

namespace qpanel {

namespace {
/// Whether `pane` (one this pane made) can show `value` by changing `object`.
bool canShow(Component* pane, const QVariant& value) {
    switch (value.metaType().id()) {
        case QMetaType::QString:
            return qobject_cast<Markdown*>(pane) != nullptr;
        case QMetaType::QByteArray:
        case QMetaType::QImage:
        case QMetaType::QUrl:
            return qobject_cast<Image*>(pane) != nullptr;
        default:
            return qobject_cast<Str*>(pane) != nullptr &&
                   !value.metaType().flags().testFlag(QMetaType::PointerToQObject);
    }
}
}  // namespace

ReactivePane::ReactivePane(Reactive* reactive, QObject* parent)
    : Component(QStringLiteral("ParamFunction"), parent), reactive_(reactive) {
    declare({QStringLiteral("error"), QMetaType::fromType<QString>(), QString(), true});
    // Read-only and triggered on every render, even one updating the shown
    // pane in place, so a watcher sees each value a generator streams.
    declare({.name = QStringLiteral("rendered"),
             .type = QMetaType::fromType<QObject*>(),
             .defaultValue = QVariant(),
             .readOnly = true,
             .allowNone = true});
    if (!reactive->parent()) reactive->setParent(this);
    connect(reactive, &Parameterized::paramChanged, this,
            [this](const QString& name, const QVariant& v) {
                if (name == QLatin1String("value"))
                    render(v);
                else if (name == QLatin1String("loading"))
                    setInternal(QStringLiteral("loading"), v);
                else if (name == QLatin1String("error"))
                    setInternal(QStringLiteral("error"), v);
            });
    reactive->activate();
    // A synchronous function has already produced its first result.
    if (reactive->result().isValid()) render(reactive->result());
    setInternal(QStringLiteral("loading"), reactive->loading());
    setInternal(QStringLiteral("error"), reactive->error());
}

ReactivePane::~ReactivePane() {
    disconnect(renderedGone_);
    // Views of panes we do not own must outlive our view, which holds them.
    if (rendered_ && rendered_->parent() != this) release(rendered_);
}

QString ReactivePane::error() const {
    return get(QStringLiteral("error")).toString();
}

void ReactivePane::render(const QVariant& value) {
    Component* next = componentFrom(value);
    if (!next && rendered_ && rendered_->parent() == this && canShow(rendered_, value)) {
        rendered_->set(QStringLiteral("object"), value);  // same kind of pane: update in place
        emit renderedChanged(rendered_);
        trigger(QStringLiteral("rendered"));
        return;
    }
    if (!next) next = value.isValid() ? panel(value, this) : nullptr;
    if (next && !next->parent()) next->setParent(this);  // returned fresh by the function
    if (next == rendered_) {
        if (next) trigger(QStringLiteral("rendered"));
        return;
    }
    if (rendered_) release(rendered_);
    rendered_ = next;
    placeRendered();
    emit renderedChanged(rendered_);
    showRendered();
}

void ReactivePane::showRendered() {
    QObject* shown = rendered_.data();
    setInternal(QStringLiteral("rendered"), QVariant::fromValue(shown));
    // The param holds a plain pointer: one deleted elsewhere must not stay in it.
    disconnect(renderedGone_);
    if (shown)
        renderedGone_ = connect(shown, &QObject::destroyed, this, &ReactivePane::showRendered);
}

void ReactivePane::release(Component* child) {
    QWidget* view = child->existingView();
    if (view && existingView() && view->parentWidget() == existingView()) {
        layout_->removeWidget(view);
        view->hide();
        view->setParent(nullptr);  // its component still owns (and deletes) it
    }
    if (child->parent() == this) child->deleteLater();
}

void ReactivePane::placeRendered() {
    if (!existingView() || !rendered_) return;
    QWidget* view = rendered_->view();
    layout_->addWidget(view);
    if (rendered_->get(QStringLiteral("visible")).toBool()) view->show();
}

QWidget* ReactivePane::createView() {
    auto* view = new QWidget;
    layout_ = new QVBoxLayout(view);
    layout_->setContentsMargins(0, 0, 0, 0);
    errorBox_ = new ErrorBox;
    errorBox_->hide();
    layout_->addWidget(errorBox_);
    // The view starts small while the first result is pending, so the spinner has room.
    view->setMinimumHeight(rendered_ ? 0 : 48);
    connect(this, &ReactivePane::renderedChanged, view, [view] { view->setMinimumHeight(0); });
    placeRendered();
    return view;
}

void ReactivePane::syncView(const QString& name, const QVariant& value) {
    if (name == QLatin1String("error")) {
        errorBox_->setText(value.toString());
        errorBox_->setVisible(!value.toString().isEmpty());
    }
}

}  // namespace qpanel
