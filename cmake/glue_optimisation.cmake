# Code off the model's hot path (the command-line layer, the scenario reader, the experiment designs and
# analyses, and the tests' own code) is compiled at -O1 in GCC Release builds. Its JSON- and CLI11-heavy
# templates took 74% of a cold CI build's 1,790 CPU seconds (tests 640 s, app 477 s, experiments 109 s,
# scenarios 98 s; build/.ninja_log, 2026-12-06), and -O1 compiles them in about two thirds of the time
# (platform_pattern_test.cpp 11.7 → 7.9 s, new_command.cpp 19.3 → 13.3 s). The model (sim, agents), the
# output writers (reports), the visualizer and `vicsim bench`'s reference loop stay at -O3, so run times and
# the model/reference ratio do not change; outputs are the same bytes (IEEE arithmetic at every -O level
# without -ffast-math; the golden test checks it).
# vicsim_glue_optimisation(TARGET [KEEP_O3 source...]): -O1 for TARGET, except the sources listed.
function(vicsim_glue_optimisation target)
  cmake_parse_arguments(ARG "" "" "KEEP_O3" ${ARGN})
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE $<$<CONFIG:Release>:-O1>)
    foreach(src ${ARG_KEEP_O3})
      set_source_files_properties(${src} TARGET_DIRECTORY ${target} PROPERTIES COMPILE_OPTIONS $<$<CONFIG:Release>:-O3>)
    endforeach()
  endif()
endfunction()
