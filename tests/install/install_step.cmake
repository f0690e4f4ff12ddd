# One step of the install test, run by ctest as `cmake -DSTEP=... -P`:
#   STEP=install   cmake --install BUILD_DIR into a fresh PREFIX; check the layout
#   STEP=app       the installed qpanel opens a bundled example, saves a PNG
#   STEP=consumer  configure, build and run tests/install/consumer against PREFIX
#   STEP=package   cpack -G DEB: the qpanel and qpanel-dev packages and what they hold
cmake_minimum_required(VERSION 3.25)

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${what} failed (${result}):\n${ARGN}\n${out}")
  endif()
  message(STATUS "${what}: ok")
endfunction()

if(STEP STREQUAL "install")
  file(REMOVE_RECURSE ${PREFIX})
  run("cmake --install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX})
  foreach(file
      bin/qpanel
      share/qpanel/examples/async_button.js
      share/applications/qpanel.desktop
      share/icons/hicolor/scalable/apps/qpanel.svg
      share/doc/qpanel/API.md
      share/doc/qpanel/qpanel.d.ts
      include/qpanel/core/runtime.h
      include/qpanel/widgets/panes/image.h
      include/qpanel/plots/chartpane.h
      include/qpanel/bridge/scriptsession.h
      ${LIBDIR}/libqpanel_bridge.a
      ${LIBDIR}/cmake/qpanel/qpanelConfig.cmake
      ${LIBDIR}/cmake/qpanel/qpanelConfigVersion.cmake
      ${LIBDIR}/cmake/qpanel/qpanelTargets.cmake)
    if(NOT EXISTS ${PREFIX}/${file})
      message(FATAL_ERROR "cmake --install did not put ${file} in ${PREFIX}")
    endif()
  endforeach()
  # Desktop menus ignore an invalid entry silently (desktop-file-utils, when present).
  find_program(validate desktop-file-validate)
  if(validate)
    run("desktop-file-validate" ${validate} ${PREFIX}/share/applications/qpanel.desktop)
  endif()
elseif(STEP STREQUAL "app")
  file(REMOVE ${WORK_DIR}/app.png)
  run("installed qpanel --example async_button"
      ${PREFIX}/bin/qpanel --example async_button --screenshot ${WORK_DIR}/app.png)
  file(SIZE ${WORK_DIR}/app.png size)
  if(size LESS 1000)
    message(FATAL_ERROR "the installed app's screenshot ${WORK_DIR}/app.png has only ${size} bytes")
  endif()
elseif(STEP STREQUAL "consumer")
  file(REMOVE_RECURSE ${WORK_DIR}/consumer-build)
  set(options -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${PREFIX} -DCMAKE_CXX_COMPILER=${CXX_COMPILER})
  if(MAKE_PROGRAM)
    list(APPEND options -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
  endif()
  if(LAUNCHER)
    list(APPEND options -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER})
  endif()
  if(SANITIZER_FLAGS)
    list(APPEND options "-DCMAKE_CXX_FLAGS=${SANITIZER_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${SANITIZER_FLAGS}")
  endif()
  run("configure the consumer" ${CMAKE_COMMAND} -S ${SOURCE_DIR}/consumer -B ${WORK_DIR}/consumer-build
      -DCMAKE_EXPORT_COMPILE_COMMANDS=ON ${options})
  # It must find qpanel's headers in the prefix only, never in the source tree.
  file(READ ${WORK_DIR}/consumer-build/compile_commands.json commands)
  # (The libraries' include folders in the tree are the root and app/.)
  string(REGEX MATCH "(-I|-isystem )${QPANEL_SOURCE_DIR}(/app)?[ \"]" leaked "${commands}")
  if(leaked)
    message(FATAL_ERROR "the consumer compiles with '${leaked}': the package leaks source-tree paths")
  endif()
  run("build the consumer" ${CMAKE_COMMAND} --build ${WORK_DIR}/consumer-build)
  run("run the consumer" ${WORK_DIR}/consumer-build/consumer)
elseif(STEP STREQUAL "package")
  file(REMOVE_RECURSE ${WORK_DIR}/packages)
  run("cpack -G DEB" cpack -G DEB -B ${WORK_DIR}/packages --config ${BUILD_DIR}/CPackConfig.cmake)
  foreach(package qpanel qpanel-dev)
    file(GLOB deb ${WORK_DIR}/packages/${package}_*.deb)
    if(NOT deb)
      message(FATAL_ERROR "cpack made no ${package}_*.deb in ${WORK_DIR}/packages")
    endif()
    execute_process(COMMAND dpkg-deb -c ${deb} OUTPUT_VARIABLE contents COMMAND_ERROR_IS_FATAL ANY)
    execute_process(COMMAND dpkg-deb -f ${deb} Depends OUTPUT_VARIABLE depends COMMAND_ERROR_IS_FATAL ANY)
    if(package STREQUAL "qpanel")
      set(expected "./usr/bin/qpanel" "./usr/share/qpanel/examples/async_button.js"
          "./usr/share/applications/qpanel.desktop" "./usr/share/doc/qpanel/API.md")
      set(dependency libqt6widgets6)
    else()
      set(expected "/qpanel/qpanelConfig.cmake" "./usr/include/qpanel/core/runtime.h" "/libqpanel_bridge.a")
      set(dependency qt6-base-dev)
    endif()
    foreach(file ${expected})
      string(FIND "${contents}" "${file}" at)
      if(at EQUAL -1)
        message(FATAL_ERROR "${deb} lacks ${file}; it holds:\n${contents}")
      endif()
    endforeach()
    string(FIND "${depends}" "${dependency}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${deb} does not depend on ${dependency} (Depends: ${depends})")
    endif()
  endforeach()
else()
  message(FATAL_ERROR "STEP must be install, app, consumer or package (got '${STEP}')")
endif()
