# Generates build/generated/vicsim_version.hpp with the project version and git hash.
execute_process(COMMAND git rev-parse --short=12 HEAD
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR} OUTPUT_VARIABLE VICSIM_GIT_HASH
  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE _git_rc)
if(NOT _git_rc EQUAL 0 OR VICSIM_GIT_HASH STREQUAL "")
  set(VICSIM_GIT_HASH "unknown")
endif()
execute_process(COMMAND git status --porcelain --untracked-files=no
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR} OUTPUT_VARIABLE _git_dirty ERROR_QUIET)
if(NOT _git_dirty STREQUAL "")
  set(VICSIM_GIT_HASH "${VICSIM_GIT_HASH}-dirty")
endif()
configure_file(${CMAKE_SOURCE_DIR}/cmake/vicsim_version.hpp.in
  ${CMAKE_BINARY_DIR}/generated/vicsim_version.hpp @ONLY)
add_library(vicsim_version INTERFACE)
target_include_directories(vicsim_version INTERFACE ${CMAKE_BINARY_DIR}/generated)
