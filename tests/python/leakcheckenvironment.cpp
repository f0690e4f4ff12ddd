// Registers, in every Python test binary of the sanitizer build, the imports
// LeakSanitizer must not record (importoutsideleakcheck.h): the interpreter
// starts before the first test and imports numpy and aiohttp unrecorded.
// clang-format off
#include "python/interpreter.h"
#include "python/pybind.h"
#include "python/importoutsideleakcheck.h"
// clang-format on

#include <gtest/gtest.h>

#if defined(__SANITIZE_ADDRESS__)
namespace {

class ImportsOutsideLeakCheck : public ::testing::Environment {
public:
    void SetUp() override {
        qpanel::python::Interpreter::instance();
        pybind11::gil_scoped_acquire gil;
        qpanel::test::importOutsideLeakCheck();
    }
};

const auto* const registered = ::testing::AddGlobalTestEnvironment(new ImportsOutsideLeakCheck);

}  // namespace
#endif
