#pragma once
// One script of the bad-script corpus and what it must produce. The header
// comments of the file say it (`//` in JavaScript, `#` in Python):
//
//   // expect: IntSlider has no parameter 'strat'   (substring of the error; "nothing": no error)
//   // at: 3:12                                     (line[:column] in this file; "file": no line
//   known)
//   // then: click "Run"                            (steps after loading, in order)
//   // needs: watchdog                              (skipped when the build lacks it)
//   // limit: 200                                   (the script time limit in ms; default 1500)
//
// Steps: `click "NAME"` clicks the Button named NAME; `set "NAME" VALUE`
// sets that widget's value (JSON); `close` closes the app (the test then
// checks nothing fires into it); `wait MS` lets MS pass.

#include <QString>
#include <QStringList>
#include <ostream>

namespace qpanel::test {

struct BadScript {
    QString path;
    QString expect;
    static constexpr int FileOnly = -1;
    int line = 0;    ///< FileOnly: only the file is checked
    int column = 0;  ///< 0: not checked
    QStringList steps;
    QStringList needs;
    int timeLimitMs = 1500;  ///< runaway scripts are interrupted after this

    bool expectsNothing() const { return expect == QLatin1String("nothing"); }
    /// A readable gtest name: the file's base name with '_' for other characters.
    QString testName() const;
};

/// gtest shows a case by its path.
inline void PrintTo(const BadScript& script, std::ostream* os) {
    *os << script.path.toStdString();
}

/// Reads the header comments of `path`; a file without `// expect:` is an error (throws).
BadScript readBadScript(const QString& path);

/// Every file of `folder` matching `pattern` (*.js, *.py), sorted by name.
QList<BadScript> readBadScripts(const QString& folder,
                                const QString& pattern = QStringLiteral("*.js"));

}  // namespace qpanel::test
