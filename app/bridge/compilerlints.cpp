#include "bridge/compilerlints.h"

#include <QLoggingCategory>

namespace qpanel {
namespace {

QLoggingCategory::CategoryFilter previousFilter = nullptr;

void filter(QLoggingCategory* category) {
    if (previousFilter) previousFilter(category);
    if (qstrcmp(category->categoryName(), "qt.qml.compiler") == 0)
        category->setEnabled(QtWarningMsg, false);
}

}  // namespace

void silenceCompilerLints() {
    static const bool installed = [] {
        previousFilter = QLoggingCategory::installFilter(filter);
        return true;
    }();
    Q_UNUSED(installed);
}

}  // namespace qpanel
