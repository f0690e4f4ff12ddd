#pragma once
// The example app scripts shipped with qpanel: where they are and what each
// does (the first comment line of the file).

#include <QList>
#include <QString>

namespace qpanel::cli {

struct BundledExample {
    QString name;  ///< file name without extension, as --example takes it
    QString description;
    QString path;
};

/// share/qpanel/examples next to an installed binary, else the source tree's
/// resources/examples; empty when neither exists.
QString examplesFolder();
/// Every .js and .ts file in folder, sorted by name.
QList<BundledExample> bundledExamples(const QString& folder);
/// The script for --example name, or empty when there is none.
QString examplePath(const QString& folder, const QString& name);

}  // namespace qpanel::cli
