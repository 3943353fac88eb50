# Registers each Catch2 tag group as its own CTest test, so ctest -j runs them in parallel.
function(vicsim_add_catch_tests target)
  foreach(tag sim agents scenarios reports experiments)
    add_test(NAME ${tag} COMMAND ${target} "[${tag}]" --order decl)
  endforeach()
endfunction()
