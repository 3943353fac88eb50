# Script mode (cmake -DSRC=... -DOUT=... -P git_hash.cmake), run at every build by cmake/version.cmake:
# writes OUT, the definition of vicsim::kGitHash, from the source tree's HEAD ("-dirty" with uncommitted
# changes to tracked files). configure_file rewrites OUT only when the text changes, so an unchanged hash
# recompiles nothing, and a new commit recompiles one file and relinks.
execute_process(COMMAND git rev-parse --short=12 HEAD
  WORKING_DIRECTORY ${SRC} OUTPUT_VARIABLE VICSIM_GIT_HASH
  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE _git_rc)
if(NOT _git_rc EQUAL 0 OR VICSIM_GIT_HASH STREQUAL "")
  set(VICSIM_GIT_HASH "unknown")
else()
  execute_process(COMMAND git status --porcelain --untracked-files=no
    WORKING_DIRECTORY ${SRC} OUTPUT_VARIABLE _git_dirty ERROR_QUIET)
  if(NOT _git_dirty STREQUAL "")
    set(VICSIM_GIT_HASH "${VICSIM_GIT_HASH}-dirty")
  endif()
endif()
configure_file(${SRC}/cmake/vicsim_git_hash.cpp.in ${OUT} @ONLY)
