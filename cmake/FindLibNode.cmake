# FindLibNode — Debian's libnode (node 18, V8 10.2) for embedding V8.
#
#   find_package(LibNode [18] [REQUIRED])
#   target_link_libraries(x PRIVATE LibNode::LibNode)
#
# Looks, in order, under LibNode_ROOT, $ENV{QPANEL_LIBNODE_DIR},
# /opt/qpanel-libnode (where scripts/unpack-libnode.sh puts the .debs'
# contents when apt refuses libnode-dev), then the system (apt-get install
# libnode-dev). A root holds <root>/usr/include/node and
# <root>/usr/lib/<arch>/libnode.so, as in the packages.
#
# Headers are taken from beside the library found, never from elsewhere:
# NodeSource's nodejs also installs /usr/include/node (node 20, V8 11), which
# does not match libnode.so.108. The header's NODE_MODULE_VERSION must equal
# the library's so-version.
#
# Sets LibNode_FOUND, LibNode_VERSION (node's), LibNode_V8_VERSION,
# LibNode_INCLUDE_DIR, LibNode_LIBRARY.

set(_libnode_arch ${CMAKE_LIBRARY_ARCHITECTURE})
set(_libnode_roots ${LibNode_ROOT} $ENV{LibNode_ROOT} $ENV{QPANEL_LIBNODE_DIR} /opt/qpanel-libnode)
set(_libnode_hints)
foreach(root IN LISTS _libnode_roots)
  list(APPEND _libnode_hints ${root}/usr/lib/${_libnode_arch} ${root}/usr/lib ${root}/lib/${_libnode_arch} ${root}/lib)
endforeach()
find_library(LibNode_LIBRARY NAMES node HINTS ${_libnode_hints})

if(LibNode_LIBRARY)
  # <prefix>/lib[/<arch>]/libnode.so -> <prefix>/include/node
  get_filename_component(_libnode_libdir ${LibNode_LIBRARY} DIRECTORY)
  get_filename_component(_libnode_prefix ${_libnode_libdir} DIRECTORY)
  if(_libnode_arch AND _libnode_libdir MATCHES "/${_libnode_arch}$")
    get_filename_component(_libnode_prefix ${_libnode_prefix} DIRECTORY)
  endif()
  find_path(LibNode_INCLUDE_DIR NAMES v8.h libplatform/libplatform.h
    PATHS ${_libnode_prefix}/include/node NO_DEFAULT_PATH)
endif()

if(LibNode_INCLUDE_DIR AND EXISTS ${LibNode_INCLUDE_DIR}/node_version.h)
  file(STRINGS ${LibNode_INCLUDE_DIR}/node_version.h _libnode_defines
    REGEX "^#define (NODE_(MAJOR|MINOR|PATCH)_VERSION|NODE_MODULE_VERSION) [0-9]+$")
  foreach(line IN LISTS _libnode_defines)
    string(REGEX REPLACE "^#define ([A-Z_]+) ([0-9]+)$" "\\1;\\2" pair "${line}")
    list(GET pair 0 name)
    list(GET pair 1 value)
    set(_libnode_${name} ${value})
  endforeach()
  set(LibNode_VERSION ${_libnode_NODE_MAJOR_VERSION}.${_libnode_NODE_MINOR_VERSION}.${_libnode_NODE_PATCH_VERSION})
  file(STRINGS ${LibNode_INCLUDE_DIR}/v8-version.h _libnode_v8 REGEX "^#define V8_(MAJOR|MINOR)_VERSION [0-9]+$")
  string(REGEX REPLACE "[^0-9;]" "" _libnode_v8 "${_libnode_v8}")
  string(REPLACE ";" "." LibNode_V8_VERSION "${_libnode_v8}")

  # The header and the library must be one release: libnode.so -> libnode.so.<module version>.
  file(REAL_PATH ${LibNode_LIBRARY} _libnode_real)
  if(NOT _libnode_real MATCHES "\\.so\\.${_libnode_NODE_MODULE_VERSION}$")
    message(STATUS "LibNode: ${LibNode_INCLUDE_DIR} (module version ${_libnode_NODE_MODULE_VERSION}) does not match ${_libnode_real}")
    set(LibNode_INCLUDE_DIR LibNode_INCLUDE_DIR-NOTFOUND CACHE PATH "" FORCE)
  endif()
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibNode
  REQUIRED_VARS LibNode_LIBRARY LibNode_INCLUDE_DIR
  VERSION_VAR LibNode_VERSION)

if(LibNode_FOUND AND NOT TARGET LibNode::LibNode)
  add_library(LibNode::LibNode SHARED IMPORTED)
  set_target_properties(LibNode::LibNode PROPERTIES
    IMPORTED_LOCATION ${_libnode_real}
    IMPORTED_SONAME libnode.so.${_libnode_NODE_MODULE_VERSION}
    INTERFACE_INCLUDE_DIRECTORIES ${LibNode_INCLUDE_DIR})
  # An unpacked libnode is in no linker path: binaries carry its folder, also
  # once installed (CMake's own build rpath covers the build tree only).
  if(NOT _libnode_libdir IN_LIST CMAKE_CXX_IMPLICIT_LINK_DIRECTORIES)
    set_property(TARGET LibNode::LibNode PROPERTY INTERFACE_LINK_OPTIONS "LINKER:-rpath,${_libnode_libdir}")
  endif()
endif()
mark_as_advanced(LibNode_LIBRARY LibNode_INCLUDE_DIR)
