# Precompiled headers: the heavy third-party headers that many translation units parse (nlohmann/json in 118
# of 257, Catch2 in 93, CLI11 in 17) are parsed once per target instead of once per file.
# On by default for clang, the sanitizer and fuzz builds' compiler, where parsing is most of an -O0 build:
# the ASan build of the sanitizer tests took 3 min 5 s instead of 3 min 59 s (docs/RELIABILITY.md). Off by
# default for GCC: the -O3 build gained nothing measurable, and GCC 12 then reports -Wstringop-overflow and
# -Warray-bounds false positives from libstdc++ that it otherwise hides as system-header warnings.
# VICSIM_PCH=OFF compiles without them (to check that every file includes what it uses).
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  option(VICSIM_PCH "Precompile nlohmann/json, Catch2 and CLI11 per target" ON)
else()
  option(VICSIM_PCH "Precompile nlohmann/json, Catch2 and CLI11 per target" OFF)
endif()

# ccache caches files compiled with a precompiled header only with this sloppiness (ccache manual,
# "Precompiled headers"); ccache 4.7 takes it from the environment, hence the env wrapper, which GCC builds
# without PCH do not pay for.
if(VICSIM_PCH AND CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CMAKE_COMMAND} -E env CCACHE_SLOPPINESS=pch_defines,time_macros ${CCACHE_PROGRAM})
endif()

# vicsim_precompile(TARGET HEADER...): HEADER as written in an #include, e.g. <nlohmann/json.hpp>.
function(vicsim_precompile target)
  if(VICSIM_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()
