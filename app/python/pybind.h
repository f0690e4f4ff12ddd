#pragma once
// pybind11 (and Python.h) for files that also see Qt: Qt's `slots` macro
// would break Python's object.h, so it is set aside while they are read.

#pragma push_macro("slots")
#undef slots
#include <pybind11/embed.h>
#include <pybind11/functional.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#pragma pop_macro("slots")
