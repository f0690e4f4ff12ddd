# What a person running the app gets from `cmake --install`: the qpanel
# binary, the bundled examples (app/main.cpp looks in ../share/qpanel/examples
# next to the binary), the desktop entry, its icon and the API reference.
install(TARGETS qpanel RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/examples/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/qpanel/examples COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/resources/qpanel.desktop
  DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/qpanel.svg
  DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/docs/API.md ${PROJECT_SOURCE_DIR}/docs/qpanel.d.ts
  DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)
