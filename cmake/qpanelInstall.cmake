# Install layout and the exported CMake package, so a C++ project can
# find_package(qpanel) and link qpanel::core, ::widgets, ::plots, ::bridge.
# Headers keep their "core/x.h" form under include/qpanel/. The libraries are
# static, so Qt resources embedded with qt_add_resources live in object
# libraries that must be installed in the same export set (Qt's
# OUTPUT_TARGETS): linking qpanel::bridge then links its Babel and pn.js.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# Files for people running the app; headers, libraries and CMake files for
# C++ developers (two .deb packages: qpanel and qpanel-dev).
set(CMAKE_INSTALL_DEFAULT_COMPONENT_NAME runtime)
set(QPANEL_INSTALL_INCLUDEDIR ${CMAKE_INSTALL_INCLUDEDIR}/qpanel)
set(QPANEL_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/qpanel)

# qpanel_install_library(<target> <export name> [OBJECT_LIBRARIES <targets>...])
# Installs <target> as qpanel::<export name> with the headers of the calling
# folder under include/qpanel/<folder>/ (widgets/examples stays out).
function(qpanel_install_library target export_name)
  cmake_parse_arguments(ARG "" "" "OBJECT_LIBRARIES" ${ARGN})
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${export_name})
  install(TARGETS ${target} ${ARG_OBJECT_LIBRARIES} EXPORT qpanelTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
    OBJECTS DESTINATION ${CMAKE_INSTALL_LIBDIR}/qpanel COMPONENT development
    INCLUDES DESTINATION ${QPANEL_INSTALL_INCLUDEDIR})
  get_filename_component(folder ${CMAKE_CURRENT_SOURCE_DIR} NAME)
  install(DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/ DESTINATION ${QPANEL_INSTALL_INCLUDEDIR}/${folder}
    COMPONENT development
    FILES_MATCHING PATTERN "*.h"
    PATTERN examples EXCLUDE)
endfunction()

# The package config, its version file and the exported targets; call once
# after every library has called qpanel_install_library.
function(qpanel_install_package)
  install(EXPORT qpanelTargets NAMESPACE qpanel:: DESTINATION ${QPANEL_INSTALL_CMAKEDIR}
    COMPONENT development)
  configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/qpanelConfig.cmake.in
    ${PROJECT_BINARY_DIR}/qpanelConfig.cmake
    INSTALL_DESTINATION ${QPANEL_INSTALL_CMAKEDIR})
  # 0.x: a new minor version may break the API.
  write_basic_package_version_file(${PROJECT_BINARY_DIR}/qpanelConfigVersion.cmake
    COMPATIBILITY SameMinorVersion)
  install(FILES ${PROJECT_BINARY_DIR}/qpanelConfig.cmake ${PROJECT_BINARY_DIR}/qpanelConfigVersion.cmake
    DESTINATION ${QPANEL_INSTALL_CMAKEDIR} COMPONENT development)
endfunction()
