#include "cli/checkscripts.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "session/applanguages.h"

namespace qpanel::cli {

ExitCode checkScripts(const AppLanguages& languages, const QStringList& paths) {
    // Each language checks its scripts in one call (JS: one engine for all),
    // languages in the order their first script was given.
    std::vector<std::pair<const AppLanguage*, QStringList>> batches;
    QList<ScriptError> problems;
    for (const QString& path : paths) {
        const AppLanguage* language = languages.forFile(path);
        if (!language) {
            problems << languages.unsupportedFile(path);
            continue;
        }
        auto batch = std::find_if(batches.begin(), batches.end(),
                                  [&](const auto& b) { return b.first == language; });
        if (batch == batches.end()) batch = batches.insert(batches.end(), {language, {}});
        batch->second << path;
    }
    for (const auto& [language, batch] : batches) problems << language->check(batch);
    for (const ScriptError& error : problems)
        std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
    return problems.isEmpty() ? ExitCode::Ok : ExitCode::ScriptError;
}

}  // namespace qpanel::cli
