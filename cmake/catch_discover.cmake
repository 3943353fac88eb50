# Registers each Catch2 tag group as its own CTest test, so ctest -j runs them in parallel.
# vicsim_add_catch_tests(target [TAGS tag...]): the tags default to the core folders.
function(vicsim_add_catch_tests target)
  cmake_parse_arguments(ARG "" "" "TAGS" ${ARGN})
  if(NOT ARG_TAGS)
    set(ARG_TAGS sim agents scenarios reports experiments)
  endif()
  foreach(tag ${ARG_TAGS})
    add_test(NAME ${tag} COMMAND ${target} "[${tag}]" --order decl)
  endforeach()
endfunction()
