#pragma once
// main() for benchmarks that need a QApplication (charts, scripts): offscreen
// unless told otherwise, then Google Benchmark; `after` prints summaries.
#include <benchmark/benchmark.h>

#include <QApplication>
#include <functional>

inline int runGuiBenchmarks(int argc, char** argv, const std::function<void()>& after = {}) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    if (after) after();
    benchmark::Shutdown();
    return 0;
}
