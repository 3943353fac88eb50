# vicsim_warnings: an interface target every vicsim target links to.
add_library(vicsim_warnings INTERFACE)
target_compile_options(vicsim_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 false positives in libstdc++ string code (GCC bug 105329).
  target_compile_options(vicsim_warnings INTERFACE -Wno-restrict)
endif()
if(VICSIM_WERROR)
  target_compile_options(vicsim_warnings INTERFACE -Werror)
endif()
