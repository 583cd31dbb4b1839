# Every tests/unit/test_<stage>_<name>.c is one ctest executable linked to its stage.
set(VIGIL_SHARED_DIR "${CMAKE_SOURCE_DIR}/../shared" CACHE PATH "Shared data (treebank, seeds, dictionaries)")
file(GLOB unit_tests CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/test_*.c)
foreach(src ${unit_tests})
  get_filename_component(name ${src} NAME_WE)
  string(REGEX REPLACE "^test_([a-z]+)_.*$" "\\1" stage ${name})
  if(NOT TARGET vigil_${stage})
    set(stage api)
  endif()
  add_executable(${name} ${src} ${CMAKE_SOURCE_DIR}/tests/unit/check.c)
  target_link_libraries(${name} PRIVATE vigil_${stage})
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests/unit)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT
    "VIGIL_SOURCE_DIR=${CMAKE_SOURCE_DIR};VIGIL_SHARED_DIR=${VIGIL_SHARED_DIR};VIGIL_BIN=$<TARGET_FILE:vigil>"
    SKIP_RETURN_CODE 77
    TIMEOUT 900)   # a hang fails the test instead of stalling CI
endforeach()

# Golden and shell tests: tests/golden/*.sh and tests/*.sh run with the built program.
file(GLOB shell_tests CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/golden/*.sh ${CMAKE_SOURCE_DIR}/tests/cli/*.sh)
foreach(script ${shell_tests})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME sh_${name} COMMAND bash ${script})
  set_tests_properties(sh_${name} PROPERTIES ENVIRONMENT
    "VIGIL_SOURCE_DIR=${CMAKE_SOURCE_DIR};VIGIL_SHARED_DIR=${VIGIL_SHARED_DIR};VIGIL_BIN=$<TARGET_FILE:vigil>"
    SKIP_RETURN_CODE 77
    TIMEOUT 900)   # a hang fails the test instead of stalling CI
endforeach()

# The public header compiles alone with -std=c11 -pedantic -Werror.
add_executable(headertest ${CMAKE_SOURCE_DIR}/tests/headertest/headertest.c)
target_include_directories(headertest PRIVATE ${CMAKE_SOURCE_DIR}/include)
target_compile_options(headertest PRIVATE -std=c11 -pedantic -Werror -Wall -Wextra)
target_link_libraries(headertest PRIVATE vigil_api)
add_test(NAME headertest COMMAND headertest)
