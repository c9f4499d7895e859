# Writes one ctest test per doctest case of a test binary, run after the binary is built; the CMakeLists sets it as
# the script of Debian doctest's doctest_discover_tests() (in place of its doctestAddTests.cmake, whose variables it
# reads: TEST_EXECUTABLE, TEST_EXECUTOR, TEST_WORKING_DIR, TEST_EXTRA_ARGS, TEST_PROPERTIES, TEST_PREFIX, CTEST_FILE).
# Unlike that script it keeps a case name that holds ';' whole (a CMake list would split it in two tests that run
# nothing): each name is written as a bracket argument, and the doctest filter matches its ';' with '?' and its
# ',' escaped.
execute_process(
  COMMAND ${TEST_EXECUTOR} "${TEST_EXECUTABLE}" --list-test-cases
  OUTPUT_VARIABLE output
  RESULT_VARIABLE result
  WORKING_DIRECTORY "${TEST_WORKING_DIR}")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "Error running test executable '${TEST_EXECUTABLE}': ${result}\n${output}")
endif()

string(ASCII 31 unit_separator)
string(REPLACE ";" "${unit_separator}" output "${output}")
string(REPLACE "\n" ";" lines "${output}")
set(quoted_properties)
foreach(property IN LISTS TEST_PROPERTIES)
  string(APPEND quoted_properties " [==[${property}]==]")
endforeach()
set(quoted_args)
foreach(arg IN LISTS TEST_EXTRA_ARGS)
  string(APPEND quoted_args " [==[${arg}]==]")
endforeach()
set(script)
foreach(line IN LISTS lines)
  if(line STREQUAL "" OR line MATCHES "^=+$" OR line MATCHES "^\\[doctest\\] ")
    continue()
  endif()
  string(REPLACE "${unit_separator}" ";" name "${TEST_PREFIX}${line}")
  string(REPLACE "${unit_separator}" "?" filter "${line}")
  string(REPLACE "," "\\," filter "${filter}")
  string(APPEND script
    "add_test([==[${name}]==] ${TEST_EXECUTOR} [==[${TEST_EXECUTABLE}]==] [==[--test-case=${filter}]==]${quoted_args})\n"
    "set_tests_properties([==[${name}]==] PROPERTIES WORKING_DIRECTORY [==[${TEST_WORKING_DIR}]==]${quoted_properties})\n")
endforeach()
file(WRITE "${CTEST_FILE}" "${script}")
