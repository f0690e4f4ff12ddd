#pragma once
// QObjects the binding tests show to scripts: every kind of member
// (typed properties, a read-only one, overloads, signals with arguments,
// Q_INVOKABLE constructors) without any script-specific code.

#include <QJsonValue>
#include <QObject>
#include <QThread>
#include <QVariantList>
#include <QVariantMap>
#include <optional>
#include <stdexcept>

#include "v8/jsfunction.h"

namespace qpanel::test {

class Counter : public QObject {
    Q_OBJECT
    Q_PROPERTY(int value READ value WRITE setValue NOTIFY valueChanged)
    Q_PROPERTY(int doubled READ doubled NOTIFY valueChanged)
    Q_PROPERTY(QString label MEMBER label_ NOTIFY labelChanged)
    Q_PROPERTY(double ratio MEMBER ratio_)
    Q_PROPERTY(bool enabled MEMBER enabled_)
    Q_PROPERTY(QVariantList items MEMBER items_)
    Q_PROPERTY(QVariantMap options MEMBER options_)
    Q_PROPERTY(QJsonValue json MEMBER json_)
    Q_PROPERTY(qpanel::test::Counter* peer MEMBER peer_)

public:
    Q_INVOKABLE explicit Counter(QObject* parent = nullptr) : QObject(parent) {}
    Q_INVOKABLE explicit Counter(int start, QObject* parent = nullptr)
        : QObject(parent), value_(start) {}

    int value() const { return value_; }
    void setValue(int value) {
        if (value == value_) return;
        value_ = value;
        emit valueChanged(value);
    }
    int doubled() const { return 2 * value_; }

    Q_INVOKABLE int add(int amount) {
        setValue(value_ + amount);
        return value_;
    }
    Q_INVOKABLE int add(int a, int b) { return add(a + b); }
    Q_INVOKABLE QString describe(const QString& prefix, bool loud) const {
        const QString text = prefix + QString::number(value_);
        return loud ? text.toUpper() : text;
    }
    Q_INVOKABLE QVariant echo(const QVariant& value) const { return value; }
    Q_INVOKABLE qpanel::test::Counter* self() { return this; }
    /// A child: C++ owns it (its parent), whatever JS does with the wrapper.
    Q_INVOKABLE qpanel::test::Counter* makeChild() { return new Counter(this); }
    /// Takes `child` into C++ ownership.
    Q_INVOKABLE void adopt(qpanel::test::Counter* child) { child->setParent(this); }
    Q_INVOKABLE void ping(const QString& what) {
        emit pinged(what, {{"value", value_}, {"tags", QStringList{"a", "b"}}}, this);
    }
    Q_INVOKABLE void fail() { throw std::runtime_error("the counter is jammed"); }
    /// True when called from the thread the counter lives in.
    Q_INVOKABLE bool onOwnThread() const { return QThread::currentThread() == thread(); }

    QString label_;
    double ratio_ = 0;
    bool enabled_ = false;
    QVariantList items_;
    QVariantMap options_;
    QJsonValue json_;
    Counter* peer_ = nullptr;

signals:
    void valueChanged(int value);
    void labelChanged();
    void pinged(const QString& what, const QVariantMap& details, qpanel::test::Counter* from);

private:
    int value_ = 0;
};

/// Keeps JS callbacks (JsFunction arguments) and calls them from C++, and
/// fails with messages that are the whole error (Q_CLASSINFO plain errors).
class Callbacks : public QObject {
    Q_OBJECT
    Q_CLASSINFO("qpanel.errors", "plain")

public:
    Q_INVOKABLE void keep(const qpanel::v8engine::JsFunction& callback) { kept_ = callback; }
    Q_INVOKABLE bool isKept(const qpanel::v8engine::JsFunction& callback) const {
        return kept_ == callback;
    }
    Q_INVOKABLE qpanel::v8engine::JsFunction kept() const { return kept_; }
    Q_INVOKABLE void refuse() { throw std::invalid_argument("pn.widgets.Slider: no such option"); }
    std::optional<qpanel::v8engine::JsError> fire(const QVariantList& args) const {
        return kept_.call(args);
    }
    const qpanel::v8engine::JsFunction& callback() const { return kept_; }

private:
    qpanel::v8engine::JsFunction kept_;
};

}  // namespace qpanel::test
