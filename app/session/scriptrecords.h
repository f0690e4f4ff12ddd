#pragma once
// Script values both JS engines exchange with core as plain records
// (QVariantMaps), so each binding converts them once its own way:
// pn.fetch's options and response, and pn.bind's generator values stacked
// into a Column (generator_mode='append').
//
//   const FetchOptions options = fetchOptionsFromScript(opts, scriptFolder);
//   resolve(responseRecord(co_await fetch(url, options)));

#include <QCoro/QCoroAsyncGenerator>
#include <QPointer>
#include <QVariantMap>

#include "core/fetch.h"

namespace qpanel {

class Document;

/// pn.fetch(url, {method, headers, body, timeout}); files only under `fileRoot`.
FetchOptions fetchOptionsFromScript(const QVariantMap& options, const QString& fileRoot);
/// {ok, status, statusText, url, headers: {lower-case name: value}, __body: bytes}.
QVariantMap responseRecord(const Response& response);

/// A bound generator's values as its pane shows them: as they are
/// (replace), or each added to one Column made in `document` (append),
/// which is yielded after every value.
QCoro::AsyncGenerator<QVariant> paneValues(QPointer<Document> document,
                                           QCoro::AsyncGenerator<QVariant> values, bool append);

}  // namespace qpanel
