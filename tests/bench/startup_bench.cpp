// Start time, end to end: from QProcess::start to the lines the app prints
// once its window has painted its first frame and once the app's own views
// have painted (QPANEL_FIRST_PAINT_PROBE, app/cli/firstpaintprobe.h): qpanel
// paints a loading page first and loads the script after it. Runs qpanel
// with a bundled example and, in the same run and interleaved, the floor: a
// bare Qt window with the same probe.
//
//   startup_bench [--runs N] [--example NAME] [--python SCRIPT.py]
//
// JavaScript, three cases: the user's transpile cache already holds the
// example (any second start); an empty user cache (a first start: the bundled
// examples come transpiled with qpanel, share/qpanel/transpiled); and a new
// script of the user's own (the example with a unique comment: Babel loads).
// Python, two cases: the script (default: the bundled async_button.py) and
// the same script importing numpy first; with, as a reference in the same
// run, /usr/bin/python3 starting and importing what the script's loop needs
// (asyncio) — and numpy — then exiting.
// Never fails on speed; exits 1 only if a program does not report a frame
// (or qpanel does not show the app).
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

namespace {

struct Sample {
    double endToEndMs;     ///< QProcess::start -> first-paint line read
    double inMainMs;       ///< main() start -> first paint, as the app measured it
    double appEndToEndMs;  ///< QProcess::start -> app-shown line read (qpanel with a script only)
};

// The number after `marker` in `out` once its line is complete.
std::optional<double> probeLine(const QByteArray& out, const QByteArray& marker) {
    const qsizetype at = out.indexOf(marker);
    const qsizetype end = at < 0 ? -1 : out.indexOf('\n', at);
    if (end < 0) return std::nullopt;
    return out.mid(at + marker.size(), end - at - marker.size()).trimmed().toDouble();
}

/// With `showsApp`, waits for the app's own views too (qpanel opening a script).
std::optional<Sample> launch(const QString& program, const QStringList& arguments,
                             const QString& cacheHome, bool showsApp) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QPANEL_FIRST_PAINT_PROBE"), QStringLiteral("exit"));
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), cacheHome);
    // Opening a script records it in the recent files: never the user's.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), cacheHome);
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    QByteArray out;
    std::optional<double> firstPaintEndToEnd, inMain, appEndToEnd;
    while ((!firstPaintEndToEnd || (showsApp && !appEndToEnd)) && process.waitForReadyRead(30000)) {
        out += process.readAllStandardOutput();
        const double now = double(clock.nsecsElapsed()) / 1e6;
        if (!firstPaintEndToEnd && (inMain = probeLine(out, "qpanel-first-paint ")))
            firstPaintEndToEnd = now;
        if (probeLine(out, "qpanel-app-failed ")) break;
        if (!appEndToEnd && probeLine(out, "qpanel-app-shown ")) appEndToEnd = now;
    }
    if (!process.waitForFinished(30000)) process.kill();
    if (!firstPaintEndToEnd || (showsApp && !appEndToEnd)) return std::nullopt;
    return Sample{*firstPaintEndToEnd, *inMain, appEndToEnd.value_or(0)};
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Series {
    std::vector<double> endToEnd, inMain, appEndToEnd;
    void add(const Sample& s) {
        endToEnd.push_back(s.endToEndMs);
        inMain.push_back(s.inMainMs);
        appEndToEnd.push_back(s.appEndToEndMs);
    }
    void print(const char* label, bool showsApp) const {
        std::printf(
            "%-34s first frame median %7.1f ms  min %7.1f ms  (main -> paint: median %6.1f ms)",
            label, median(endToEnd), *std::min_element(endToEnd.begin(), endToEnd.end()),
            median(inMain));
        if (showsApp)
            std::printf("  app shown median %7.1f ms  min %7.1f ms", median(appEndToEnd),
                        *std::min_element(appEndToEnd.begin(), appEndToEnd.end()));
        std::printf("  n=%zu\n", endToEnd.size());
    }
};

/// A copy of `source` at `path`, with `prefix` first and `suffix` last.
bool writeScript(const QString& path, const QByteArray& prefix, const QByteArray& source,
                 const QByteArray& suffix) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(prefix + source + suffix) >= 0;
}

std::optional<QByteArray> readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "startup_bench: cannot read %s\n", qPrintable(path));
        return std::nullopt;
    }
    return file.readAll();
}

void printRatio(const char* label, const Series& series, double peerMs, double frameGoal,
                double appGoal) {
    const double ms = median(series.endToEnd), app = median(series.appEndToEnd);
    std::printf(
        "ratio qpanel (%s) / bare Qt window: %5.2fx  first frame %7.1f ms  goal <= %.0f ms: %s;"
        "  app shown %7.1f ms",
        label, ms / peerMs, ms, frameGoal, ms <= frameGoal ? "met" : "NOT met", app);
    if (appGoal > 0)
        std::printf("  goal <= %.0f ms: %s", appGoal, app <= appGoal ? "met" : "NOT met");
    std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto value = [&](const char* name, const QString& fallback) {
        const qsizetype i = args.indexOf(QString::fromLatin1(name));
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
    };
    const int runs = std::max(1, value("--runs", QStringLiteral("15")).toInt());
    const QString example = value("--example", QStringLiteral("async_button"));
    const QString pyScript =
        value("--python", QStringLiteral(QPANEL_EXAMPLES_DIR "/async_button.py"));
    const QString qpanel = QStringLiteral(QPANEL_EXECUTABLE);
    const QString peer = QStringLiteral(QPANEL_PEER_WINDOW);
    const QStringList qpanelArgs = {QStringLiteral("--example"), example};
    // The Python reference: interpreter start and the imports, then a line
    // the harness reads as this process's "frame".
    const QString python = QStringLiteral("/usr/bin/python3");
    const bool hasPython = QFile::exists(python);
    // qpanel embeds the same Python: numpy is there for both or for neither.
    const bool hasNumpy =
        hasPython &&
        QProcess::execute(python, {QStringLiteral("-c"), QStringLiteral("import numpy")}) == 0;
    const auto pythonPeer = [](const char* imports) {
        return QStringList{QStringLiteral("-c"),
                           QStringLiteral("import %1; print('qpanel-first-paint 0', flush=True)")
                               .arg(QLatin1String(imports))};
    };

    QTemporaryDir warmCache;
    // One untimed start fills the warm cache (and the OS file cache for both).
    if (!launch(qpanel, qpanelArgs, warmCache.path(), true) ||
        !launch(peer, {}, warmCache.path(), false) ||
        !launch(qpanel, {pyScript}, warmCache.path(), true)) {
        std::fprintf(stderr, "startup_bench: a program did not report its first frame\n");
        return 1;
    }
    const auto exampleSource =
        readFile(QStringLiteral(QPANEL_EXAMPLES_DIR "/") + example + QStringLiteral(".js"));
    const auto pySource = readFile(pyScript);
    if (!exampleSource || !pySource) return 1;
    // The numpy case: the same script, numpy imported first (a sibling file,
    // so the script's own imports still resolve).
    QTemporaryDir pyDir;
    const QString numpyScript =
        pyDir.filePath(QStringLiteral("numpy_") + QFileInfo(pyScript).fileName());
    if (!writeScript(numpyScript, "import numpy\n", *pySource, {})) return 1;
    Series warm, firstStart, newScript, floor, py, pyNumpy, pyPeer, pyNumpyPeer;
    for (int i = 0; i < runs; ++i) {
        QTemporaryDir emptyCache, emptyCache2;
        QTemporaryDir scriptDir;
        const QString script = scriptDir.filePath(QStringLiteral("my_app.js"));
        if (!writeScript(
                script, {}, *exampleSource,
                "\n// run " + QByteArray::number(i) + " " + scriptDir.path().toUtf8() + "\n"))
            return 1;
        const auto a = launch(qpanel, qpanelArgs, warmCache.path(), true);
        const auto b = launch(peer, {}, warmCache.path(), false);
        const auto c = launch(qpanel, qpanelArgs, emptyCache.path(), true);
        const auto d = launch(qpanel, {script}, emptyCache2.path(), true);
        const auto e = launch(qpanel, {pyScript}, warmCache.path(), true);
        const auto f = hasNumpy ? launch(qpanel, {numpyScript}, warmCache.path(), true)
                                : std::optional<Sample>(Sample{});
        if (!a || !b || !c || !d || !e || !f) {
            std::fprintf(stderr, "startup_bench: a program did not report its first frame\n");
            return 1;
        }
        warm.add(*a);
        floor.add(*b);
        firstStart.add(*c);
        newScript.add(*d);
        py.add(*e);
        if (hasNumpy) pyNumpy.add(*f);
        if (hasPython) {
            const auto g = launch(python, pythonPeer("asyncio"), warmCache.path(), false);
            const auto h =
                hasNumpy ? launch(python, pythonPeer("asyncio, numpy"), warmCache.path(), false)
                         : std::optional<Sample>(Sample{});
            if (!g || !h) {
                std::fprintf(stderr, "startup_bench: %s did not report\n", qPrintable(python));
                return 1;
            }
            pyPeer.add(*g);
            if (hasNumpy) pyNumpyPeer.add(*h);
        }
    }
    std::printf(
        "Start -> first painted frame and -> the app's views painted, end to end "
        "(QT_QPA_PLATFORM=%s), example %s, Python script %s\n",
        qEnvironmentVariableIsSet("QT_QPA_PLATFORM")
            ? qPrintable(qEnvironmentVariable("QT_QPA_PLATFORM"))
            : "offscreen",
        qPrintable(example), qPrintable(QFileInfo(pyScript).fileName()));
    warm.print("qpanel, example, user cache warm", true);
    firstStart.print("qpanel, example, empty user cache", true);
    newScript.print("qpanel, new script (Babel loads)", true);
    py.print("qpanel, Python script", true);
    if (hasNumpy) pyNumpy.print("qpanel, Python script + numpy", true);
    floor.print("peer: bare Qt QMainWindow", false);
    if (hasPython) {
        pyPeer.print("ref: python3 -c 'import asyncio'", false);
        if (hasNumpy) pyNumpyPeer.print("ref: python3, asyncio + numpy", false);
    }
    const double peerMs = median(floor.endToEnd);
    printRatio("example, user cache warm", warm, peerMs, 300, 0);
    printRatio("example, empty user cache", firstStart, peerMs, 300, 0);
    printRatio("new script (Babel loads)", newScript, peerMs, 300, 0);
    printRatio("Python script", py, peerMs, 100, 250);
    if (hasNumpy) printRatio("Python script + numpy", pyNumpy, peerMs, 100, 400);
    if (hasPython)
        std::printf("ratio qpanel app shown / python3 start + imports: %5.2fx (Python script)\n",
                    median(py.appEndToEnd) / median(pyPeer.endToEnd));
    if (hasNumpy)
        std::printf("ratio qpanel app shown / python3 start + imports: %5.2fx (+ numpy)\n",
                    median(pyNumpy.appEndToEnd) / median(pyNumpyPeer.endToEnd));
    return 0;
}
