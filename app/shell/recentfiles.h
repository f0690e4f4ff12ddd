#pragma once
// Recently opened app scripts, most recent first, at most `kMax`, kept in
// ShellSettings. Files that no longer exist are dropped when listed.

#include <QStringList>

namespace qpanel {

class RecentFiles {
public:
    static constexpr int kMax = 10;

    /// Existing files only, most recent first (prunes the stored list).
    static QStringList list();
    /// Moves `path` (made absolute) to the front.
    static void add(const QString& path);
    static void clear();
};

}  // namespace qpanel
