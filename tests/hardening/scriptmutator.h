#pragma once
// Seeded mutations of app scripts for fuzzing: delete, duplicate or swap
// lines and tokens, insert random characters, truncate; and random token
// soups. The same seed gives the same scripts.

#include <QString>
#include <QStringList>
#include <random>

namespace qpanel::test {

class ScriptMutator {
public:
    explicit ScriptMutator(quint32 seed) : random_(seed) {}

    /// One or two mutations of `source`.
    QString mutate(const QString& source);
    /// A script of random JavaScript tokens and pn calls.
    QString randomScript();

private:
    int below(int n) { return n <= 0 ? 0 : std::uniform_int_distribution<int>(0, n - 1)(random_); }
    QString mutateOnce(const QString& source);

    std::mt19937 random_;
};

}  // namespace qpanel::test
