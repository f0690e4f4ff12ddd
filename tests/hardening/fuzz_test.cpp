// Fuzzing the script path: mutated copies of the bundled examples and the
// differential programs, and random token soups, loaded into sessions (their
// buttons clicked) and through `qpanel --check`: no crash, no hang. Seeded:
// the seed is printed first, QPANEL_FUZZ_SEED repeats a run, and
// QPANEL_FUZZ_SECONDS makes it longer (default 20). The script being tried
// is written to fuzz-last.js in the working folder, so a crash leaves it.
#include <gtest/gtest.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>

#include "common/eventloop.h"
#include "hardening/appsession.h"
#include "hardening/scriptmutator.h"

using namespace std::chrono_literals;
using qpanel::test::AppSession;
using qpanel::test::ScriptMutator;

namespace {

QStringList corpus() {
    QStringList sources;
    for (const char* folder : {QPANEL_EXAMPLES_DIR, QPANEL_DIFFERENTIAL_DIR}) {
        const QDir dir(QString::fromUtf8(folder));
        for (const QString& name :
             dir.entryList({QStringLiteral("*.js")}, QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly)) sources << QString::fromUtf8(file.readAll());
        }
    }
    return sources;
}

quint32 fuzzSeed() {
    bool ok = false;
    const quint32 seed = qEnvironmentVariable("QPANEL_FUZZ_SEED").toUInt(&ok);
    return ok ? seed : QRandomGenerator::system()->generate();
}

int fuzzSeconds(int fallback) {
    const int seconds = qEnvironmentVariableIntValue("QPANEL_FUZZ_SECONDS");
    return seconds > 0 ? seconds : fallback;
}

class Fuzz : public testing::Test {
protected:
    void SetUp() override {
        seed_ = fuzzSeed();
        std::printf("fuzz seed %u (QPANEL_FUZZ_SEED=%u repeats this run)\n", seed_, seed_);
        std::fflush(stdout);
        // Mutants loop forever easily (a deleted i++): interrupt them fast.
        qputenv("QPANEL_SCRIPT_TIME_LIMIT_MS", "300");
        sources_ = corpus();
        ASSERT_GT(sources_.size(), 100);
    }
    QString next(ScriptMutator& mutator, int i) {
        return i % 8 == 0 ? mutator.randomScript() : mutator.mutate(sources_[i % sources_.size()]);
    }
    quint32 seed_ = 0;
    QStringList sources_;
};

TEST_F(Fuzz, MutatedScriptsLoadedIntoSessionsNeitherCrashNorHang) {
    ScriptMutator mutator(seed_);
    QElapsedTimer clock;
    clock.start();
    int runs = 0, failedToLoad = 0, reported = 0;
    while (clock.elapsed() < fuzzSeconds(20) * 1000) {
        const QString script = next(mutator, runs);
        QFile last(QStringLiteral("fuzz-last.js"));
        if (last.open(QIODevice::WriteOnly)) last.write(script.toUtf8());
        last.close();
        QElapsedTimer one;
        one.start();
        {
            AppSession app;
            const QString fileName = QStringLiteral("/fuzz/mutant-%1.js").arg(runs);
            if (!app.session->run(script, fileName)) ++failedToLoad;
            for (qpanel::Component* c : app.session->document()->findChildren<qpanel::Component*>())
                if (auto* button = qobject_cast<qpanel::Button*>(c)) button->click();
            qpanel::test::waitUntil([&] { return app.session->isIdle(); }, 100ms);
            reported += app.errors.size();
            for (const qpanel::ScriptError& e : app.errors)
                ASSERT_FALSE(e.message.trimmed().isEmpty())
                    << "an empty error; seed " << seed_ << ", run " << runs << ":\n"
                    << script.toStdString();
        }
        ASSERT_LT(one.elapsed(), 10000)
            << "run " << runs << " took " << one.elapsed() << " ms; seed " << seed_ << ", script:\n"
            << script.toStdString();
        ++runs;
    }
    std::printf("%d scripts (%d failed to load, %d errors reported) in %lld ms\n", runs,
                failedToLoad, reported, clock.elapsed());
    EXPECT_GT(runs, 10);
    EXPECT_TRUE(qpanel::test::aNewAppStillWorks()) << "seed " << seed_;
}

TEST_F(Fuzz, MutatedScriptsThroughCheckExitZeroOrOneAndNameTheirFile) {
    ScriptMutator mutator(seed_ ^ 0x5eed);
    QTemporaryDir dir;
    QStringList paths;
    for (int i = 0; i < 60; ++i) {
        paths << dir.filePath(QStringLiteral("mutant-%1.js").arg(i));
        QFile file(paths.back());
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(next(mutator, i).toUtf8());
    }
    QProcess qpanel;
    qpanel.start(QStringLiteral(QPANEL_APP_BINARY), QStringList{QStringLiteral("--check")} + paths);
    ASSERT_TRUE(qpanel.waitForFinished(int(fuzzSeconds(60) * 1000)))
        << "--check hung; seed " << seed_;
    ASSERT_EQ(qpanel.exitStatus(), QProcess::NormalExit)
        << "--check crashed; seed " << seed_ << "\n"
        << qpanel.readAllStandardError().toStdString();
    EXPECT_TRUE(qpanel.exitCode() == 0 || qpanel.exitCode() == 1)
        << qpanel.exitCode() << "; seed " << seed_;
    // Error lines are "file:line:column: message" (Qt's own warnings aside).
    const QStringList lines = QString::fromUtf8(qpanel.readAllStandardError())
                                  .split('\n', Qt::SkipEmptyParts)
                                  .filter(QRegularExpression(QStringLiteral("\\.js:\\d+")));
    for (const QString& line : lines) {
        EXPECT_TRUE(line.startsWith(dir.path()))
            << "an error not naming its script: " << line.toStdString();
    }
    EXPECT_EQ(qpanel.exitCode() == 1, !lines.isEmpty());
}

}  // namespace
