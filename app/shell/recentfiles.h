#pragma once
// Recently opened app scripts, most recent first, at most `kMax`, kept in
// ShellSettings. Files that no longer exist are left out when listed and
// dropped from the store on the next add().

#include <QStringList>

namespace qpanel {

class RecentFiles {
public:
    static constexpr int kMax = 10;

    /// Existing files only, most recent first (reads only: writes nothing).
    static QStringList list();
    /// Moves `path` (made absolute) to the front.
    static void add(const QString& path);
    static void clear();
};

}  // namespace qpanel
