# Runs examples/quickstart on corpus/ with a fresh temporary index directory, and prints its
# output only when it exits 0 (so PASS_REGULAR_EXPRESSION cannot pass on a failed run).
# Usage: cmake -DEXAMPLE=<quickstart binary> -DCORPUS=<corpus dir> -P run_quickstart.cmake
execute_process(COMMAND mktemp -d OUTPUT_VARIABLE work OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE mk)
if(NOT mk EQUAL 0 OR work STREQUAL "")
  message(FATAL_ERROR "mktemp -d failed")
endif()
execute_process(COMMAND "${EXAMPLE}" "${CORPUS}" "${work}/index"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(REMOVE_RECURSE "${work}")
if(NOT status EQUAL 0)
  message(FATAL_ERROR "quickstart exited with ${status}; stderr:\n${err}")
endif()
message("${out}")
if(NOT err STREQUAL "")
  message("stderr:\n${err}")
endif()
