# Registers Catch2 tests as CTest tests with labels, so `ctest -L unit|pattern|validation` selects them
# and `ctest -j` runs groups in parallel.
#
# Every Catch2 test carries its folder tag ([sim], [agents], ...). Pattern tests (docs/ODD.md §8) also carry
# [pattern] and validation cases (docs/VALIDATION.md) [validation]; each of those also carries a group tag
# of its own so it becomes its own CTest entry (vicsim_add_catch_group).

# vicsim_add_catch_tests(target [TAGS tag...]): one CTest entry per folder tag, label "unit", excluding
# pattern and validation tests. The tags default to the core folders.
function(vicsim_add_catch_tests target)
  cmake_parse_arguments(ARG "" "" "TAGS" ${ARGN})
  if(NOT ARG_TAGS)
    set(ARG_TAGS sim agents scenarios reports experiments)
  endif()
  foreach(tag ${ARG_TAGS})
    add_test(NAME ${tag} COMMAND ${target} "[${tag}]~[pattern]~[validation]" --order decl)
    set_tests_properties(${tag} PROPERTIES LABELS unit)
  endforeach()
endfunction()

# vicsim_add_catch_group(target NAME name TAG tag LABEL unit|pattern|validation): one CTest entry running
# the Catch2 tests tagged [tag].
function(vicsim_add_catch_group target)
  cmake_parse_arguments(ARG "" "NAME;TAG;LABEL" "" ${ARGN})
  add_test(NAME ${ARG_NAME} COMMAND ${target} "[${ARG_TAG}]" --order decl)
  set_tests_properties(${ARG_NAME} PROPERTIES LABELS ${ARG_LABEL})
endfunction()
