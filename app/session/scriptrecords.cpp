#include "session/scriptrecords.h"

#include "core/document.h"
#include "session/componentfactory.h"
#include "widgets/layouts/listlayout.h"
#include "widgets/panes/panel.h"

namespace qpanel {

FetchOptions fetchOptionsFromScript(const QVariantMap& options, const QString& fileRoot) {
    FetchOptions fetch;
    fetch.fileRoot = fileRoot;
    const QVariant method = options.value(QStringLiteral("method"));
    if (method.typeId() == QMetaType::QString) fetch.method = method.toString().toUpper().toUtf8();
    const QVariant timeout = options.value(QStringLiteral("timeout"));
    if (timeout.typeId() == QMetaType::Double || timeout.typeId() == QMetaType::Int)
        fetch.timeout = std::chrono::milliseconds(qint64(timeout.toDouble()));
    const QVariant body = options.value(QStringLiteral("body"));
    if (body.isValid() && !body.isNull()) fetch.body = body.toByteArray();
    const QVariantMap headers = options.value(QStringLiteral("headers")).toMap();
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        fetch.headers.append({it.key().toUtf8(), it.value().toString().toUtf8()});
    return fetch;
}

QVariantMap responseRecord(const Response& response) {
    QVariantMap headers;
    for (const auto& [name, value] : response.headers)
        headers.insert(QString::fromLatin1(name).toLower(), QString::fromUtf8(value));
    return {{QStringLiteral("ok"), response.ok()},
            {QStringLiteral("status"), response.status},
            {QStringLiteral("statusText"), response.statusText},
            {QStringLiteral("url"), response.url.toString()},
            {QStringLiteral("headers"), headers},
            {QStringLiteral("__body"), response.body}};
}

QCoro::AsyncGenerator<QVariant> paneValues(QPointer<Document> document,
                                           QCoro::AsyncGenerator<QVariant> values, bool append) {
    // Append mode stacks this run's yields in one Column. The pane that
    // shows it takes ownership; one never shown (a stale run) goes here.
    struct OwnedUntilShown {
        QPointer<Component> column;
        ~OwnedUntilShown() {
            if (column && !column->parent()) delete column.data();
        }
    } stack;
    for (auto it = co_await values.begin(); it != values.end(); co_await ++it) {
        if (!append) {
            co_yield *it;
            continue;
        }
        if (!stack.column) {
            Document::Scope scope(document.data());
            stack.column = createComponent(ComponentGroup::Layout, QStringLiteral("Column"), {});
        }
        if (auto* list = qobject_cast<ListLayout*>(stack.column.data())) list->append(panel(*it));
        co_yield QVariant::fromValue<QObject*>(stack.column.data());
    }
}

}  // namespace qpanel
