// The loop conformance suite: each programs/*.py is an asyncio program that
// prints lines. It runs on qpanel's loop (here, in the embedded interpreter,
// with Qt's loop driving) and on CPython's default loop (/usr/bin/python3,
// asyncio.run, a subprocess); the outputs must be the same.
// Python (in the fixture) before Qt.
// clang-format off
#include "pyloopfixture.h"
// clang-format on

#include <netdb.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <string>
#include <vector>

namespace {

using namespace qpanel::test;

std::vector<std::string> programs() {
    std::vector<std::string> names;
    const QDir dir(QStringLiteral(QPANEL_PYLOOP_PROGRAMS_DIR));
    for (const QString& file : dir.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name))
        names.push_back(file.chopped(3).toStdString());
    return names;
}

std::string programPath(const std::string& name) {
    return std::string(QPANEL_PYLOOP_PROGRAMS_DIR) + "/" + name + ".py";
}

// A program that resolves the name localhost says so in its first lines
// (`# needs: localhost`). A bare root without /etc/hosts (an mmdebstrap
// chroot) cannot resolve it on either loop: such a program is skipped there,
// with the reason, rather than failed or silently passed.
bool needsLocalhost(const std::string& name) {
    QFile file(QString::fromStdString(programPath(name)));
    if (!file.open(QIODevice::ReadOnly)) return false;
    for (int i = 0; i < 5 && !file.atEnd(); ++i)
        if (file.readLine().trimmed() == "# needs: localhost") return true;
    return false;
}

bool localhostResolves() {
    addrinfo* found = nullptr;
    const int status = ::getaddrinfo("localhost", nullptr, nullptr, &found);
    if (found) ::freeaddrinfo(found);
    return status == 0;
}

struct Output {
    bool ok = false;
    std::string text;
    std::string error;
};

Output runOnCPython(const std::string& name) {
    QProcess process;
    process.start(QStringLiteral(QPANEL_SYSTEM_PYTHON),
                  {QString::fromStdString(programPath(name))});
    Output out;
    if (!process.waitForFinished(60'000)) {
        process.kill();
        out.error = "CPython run timed out";
        return out;
    }
    out.text = process.readAllStandardOutput().toStdString();
    out.error = process.readAllStandardError().toStdString();
    out.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return out;
}

Output runOnQpanel(const std::string& name) {
    // The program's main() runs as a task on qpanel's loop; its prints go to
    // a buffer (sys.stdout swapped for the run).
    py::dict scope = runPython(R"(
import io, runpy, sys, traceback
def load(path):
    return runpy.run_path(path, run_name="qpanel_conformance")
)");
    py::dict ns = scope["load"](programPath(name));
    py::module_ sys = py::module_::import("sys");
    py::object buffer = py::module_::import("io").attr("StringIO")();
    py::object saved = sys.attr("stdout");
    sys.attr("stdout") = buffer;
    Output out;
    py::object task = runTask(ns["main"](), std::chrono::seconds(60));
    sys.attr("stdout") = saved;
    out.text = buffer.attr("getvalue")().cast<std::string>();
    if (!task.attr("done")().cast<bool>()) {
        out.error = "did not finish";
    } else if (task.attr("cancelled")().cast<bool>()) {
        out.error = "main() was cancelled";
    } else if (!task.attr("exception")().is_none()) {
        py::object tb = py::module_::import("traceback");
        py::object exc = task.attr("exception")();
        out.error = py::str("").attr("join")(tb.attr("format_exception")(exc)).cast<std::string>();
    } else {
        out.ok = true;
    }
    return out;
}

class Conformance : public ::testing::TestWithParam<std::string> {};

TEST_P(Conformance, SameOutputAsCPythonsLoop) {
    if (needsLocalhost(GetParam()) && !localhostResolves())
        GTEST_SKIP() << GetParam() << ".py needs the name 'localhost', which this machine "
                     << "cannot resolve (no /etc/hosts entry for it)";
    const Output reference = runOnCPython(GetParam());
    ASSERT_TRUE(reference.ok) << "on CPython's loop: " << reference.error;
    ASSERT_FALSE(reference.text.empty()) << "the program prints nothing: it would prove nothing";
    const Output ours = runOnQpanel(GetParam());
    ASSERT_TRUE(ours.ok) << "on qpanel's loop: " << ours.error << "\noutput so far:\n" << ours.text;
    EXPECT_EQ(ours.text, reference.text);
}

INSTANTIATE_TEST_SUITE_P(Programs, Conformance, ::testing::ValuesIn(programs()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             return info.param;
                         });

}  // namespace
