# paperdex::xapian wraps what Xapian's package config sets (XAPIAN_LIBRARIES, XAPIAN_INCLUDE_DIR: variables, no
# target) so that the exported paperdex::index can name it; CMakeLists.txt and paperdexConfig.cmake both include this
# after find_package(xapian).
if(NOT TARGET paperdex::xapian)
  add_library(paperdex::xapian INTERFACE IMPORTED)
  set_target_properties(paperdex::xapian PROPERTIES
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}" INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}")
endif()
