// gtest main for core tests: a QCoreApplication and no widgets, which keeps
// core free of Qt Widgets by construction.
#include <gtest/gtest.h>

#include <QCoreApplication>

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    QCoreApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
