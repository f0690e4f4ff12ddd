// gtest main for GUI tests: a QApplication, offscreen unless told otherwise.
// gtest_discover_tests runs this at build time without ctest's environment,
// so the platform must be chosen here, before QApplication exists.
#include <gtest/gtest.h>

#include <QApplication>

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
