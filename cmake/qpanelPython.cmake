# qpanel::libpython — the CPython that Python app scripts run on.
#
# Debian's /usr/bin/python3 links libpython3.11.a into a non-PIE executable;
# code in libpython3.11.so goes through the PLT and the GOT on every call
# between its own functions, which measured ~10% more instructions for the
# same asyncio script (callgrind; docs/PERFORMANCE.md). So by default each
# executable that embeds Python gets the static archive whole, is linked
# non-PIE, and exports the Py* / _Py* symbols that extension modules (numpy,
# aiohttp's speedups) look up at import time. Sanitizer builds keep the
# shared library: ASan wants position-independent executables.
option(QPANEL_PYTHON_STATIC "Link Debian's libpython3.11.a into executables, as /usr/bin/python3 is" ON)

add_library(qpanel_libpython INTERFACE)
add_library(qpanel::libpython ALIAS qpanel_libpython)
target_link_libraries(qpanel_libpython INTERFACE pybind11::headers)
target_include_directories(qpanel_libpython INTERFACE ${Python3_INCLUDE_DIRS})

execute_process(
  COMMAND ${Python3_EXECUTABLE} -c
    "import sysconfig as s; print(s.get_config_var('LIBPL') + '/' + s.get_config_var('LIBRARY'), end='')"
  OUTPUT_VARIABLE qpanel_libpython_archive
  RESULT_VARIABLE qpanel_libpython_query)
set(qpanel_python_static_usable OFF)
if(QPANEL_PYTHON_STATIC AND NOT QPANEL_SANITIZE AND NOT QPANEL_TSAN
   AND qpanel_libpython_query EQUAL 0 AND EXISTS "${qpanel_libpython_archive}")
  set(qpanel_python_static_usable ON)
endif()

if(qpanel_python_static_usable)
  message(STATUS "qpanel: CPython linked statically (${qpanel_libpython_archive})")
  # The static archive's pyexpat and zlib modules use the system libraries,
  # as /usr/bin/python3 does (libpython3.11-dev depends on their -dev packages).
  target_link_libraries(qpanel_libpython INTERFACE
    "$<LINK_LIBRARY:WHOLE_ARCHIVE,${qpanel_libpython_archive}>" expat z ${CMAKE_DL_LIBS} m)
  target_link_options(qpanel_libpython INTERFACE
    -no-pie "LINKER:--export-dynamic-symbol=Py*" "LINKER:--export-dynamic-symbol=_Py*")
else()
  if(QPANEL_PYTHON_STATIC AND NOT (QPANEL_SANITIZE OR QPANEL_TSAN))
    message(STATUS "qpanel: ${qpanel_libpython_archive} not found; CPython linked as a shared library")
  endif()
  target_link_libraries(qpanel_libpython INTERFACE Python3::Python)
endif()
