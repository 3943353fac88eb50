# build/generated/vicsim_version.hpp (the project version) and build/generated/vicsim_git_hash.cpp (the git
# hash, rewritten at every build by cmake/git_hash.cmake when HEAD or the tree's state changes).
configure_file(${CMAKE_SOURCE_DIR}/cmake/vicsim_version.hpp.in
  ${CMAKE_BINARY_DIR}/generated/vicsim_version.hpp @ONLY)
set(_git_hash_cpp ${CMAKE_BINARY_DIR}/generated/vicsim_git_hash.cpp)
set(_git_hash_cmd ${CMAKE_COMMAND} -DSRC=${CMAKE_SOURCE_DIR} -DOUT=${_git_hash_cpp}
  -P ${CMAKE_SOURCE_DIR}/cmake/git_hash.cmake)
execute_process(COMMAND ${_git_hash_cmd})  # so that the file exists before the first build
add_custom_target(vicsim_git_hash_refresh COMMAND ${_git_hash_cmd} BYPRODUCTS ${_git_hash_cpp} VERBATIM)
add_library(vicsim_version STATIC ${_git_hash_cpp})
add_dependencies(vicsim_version vicsim_git_hash_refresh)
target_include_directories(vicsim_version PUBLIC ${CMAKE_BINARY_DIR}/generated)
