# CPack: `cpack -G DEB` in the build folder makes two Debian packages —
# qpanel (the app, examples, desktop entry, icon, API reference) and
# qpanel-dev (headers, static libraries, the CMake package).
set(CPACK_PACKAGE_NAME qpanel)
set(CPACK_PACKAGE_VENDOR qpanel)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Debian descriptions: CPack puts the project's summary first as the synopsis.
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
  "qpanel runs app scripts (JavaScript or TypeScript) that lay out widgets,
panes and streaming charts with HoloViz Panel's API. Their async callbacks
run as coroutines on the Qt event loop, so slow I/O never freezes the window.")
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION
  "Headers, static libraries and CMake package of qpanel: Panel's async
runtime, widgets, streaming charts and the JavaScript bridge for Qt 6
applications. find_package(qpanel) and link qpanel::core, qpanel::widgets,
qpanel::plots or qpanel::bridge.")
set(QPANEL_PACKAGE_MAINTAINER "qpanel developers <qpanel@localhost>" CACHE STRING
  "Maintainer field of the Debian packages")
set(CPACK_PACKAGE_CONTACT "${QPANEL_PACKAGE_MAINTAINER}")
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime development)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${QPANEL_PACKAGE_MAINTAINER}")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME qpanel)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION science)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS qt6-image-formats-plugins)
# Depends: computed by dpkg-shlibdeps from the libraries the binary links;
# without it (no dpkg-dev), the packages that hold those libraries on Debian 12.
find_program(QPANEL_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(QPANEL_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS
    "libqt6core6, libqt6gui6, libqt6widgets6, libqt6network6, libqt6qml6, libqt6charts6, libstdc++6, libgcc-s1, libc6")
endif()

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME qpanel-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
  "qpanel (= ${PROJECT_VERSION}), qt6-base-dev, qt6-declarative-dev, qt6-charts-dev, qcoro-qt6-dev")

include(CPack)
