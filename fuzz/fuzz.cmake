# Fuzz targets: every fuzz/<name>_fuzzer.c is one reader of untrusted input (see
# docs/internals/fuzzing.md). Each always builds as <name>_replay (the target plus replay.c),
# which ctest runs over fuzz/corpus/<name>/ as test fuzz_<name>; the sanitizer build
# (VIGIL_SANITIZE=ON) thereby replays the corpora under ASan+UBSan. With clang and
# VIGIL_FUZZ=ON, <name>_fuzzer is also built as a real libFuzzer binary.
option(VIGIL_FUZZ "Build libFuzzer binaries fuzz/<name>_fuzzer (clang only)" OFF)

set(vigil_fuzz_flags -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
if(VIGIL_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "VIGIL_FUZZ=ON needs clang (libFuzzer): configure with -DCMAKE_C_COMPILER=clang")
  endif()
  # libFuzzer steers by the coverage of the code under test, so the stage libraries are
  # instrumented too (which also makes everything that links them link the sanitizers).
  foreach(stage util text tag parse code api)
    get_target_property(kind vigil_${stage} TYPE)
    if(kind STREQUAL "STATIC_LIBRARY")
      target_compile_options(vigil_${stage} PRIVATE -fsanitize=fuzzer-no-link,address,undefined
                             -fno-sanitize-recover=all -fno-omit-frame-pointer)
      target_compile_definitions(vigil_${stage} PRIVATE VIGIL_ARENA_MALLOC=1)
      target_link_options(vigil_${stage} INTERFACE -fsanitize=address,undefined)
    endif()
  endforeach()
endif()

file(GLOB fuzz_targets CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/fuzz/*_fuzzer.c)
foreach(src ${fuzz_targets})
  get_filename_component(name ${src} NAME_WE)
  string(REGEX REPLACE "_fuzzer$" "" name ${name})
  # The stage library it links: "Stage: <name>" in its opening comment, else text.
  file(STRINGS ${src} stage_line REGEX "Stage: [a-z]+" LIMIT_COUNT 1)
  if(stage_line)
    string(REGEX REPLACE ".*Stage: ([a-z]+).*" "\\1" stage "${stage_line}")
  else()
    set(stage text)
  endif()

  # "Needs: <function>" in a target's opening comment: it is built only once a source of its
  # stage defines that function, so a target can land before the reader it fuzzes. (Adding a
  # source re-runs cmake; a definition added to an existing file needs a re-run by hand.)
  file(STRINGS ${src} needs_line REGEX "Needs: [a-z_0-9]+" LIMIT_COUNT 1)
  if(needs_line)
    string(REGEX REPLACE ".*Needs: ([a-z_0-9]+).*" "\\1" needed "${needs_line}")
    file(GLOB stage_srcs ${CMAKE_SOURCE_DIR}/src/${stage}/*.c)
    set(defined FALSE)
    foreach(stage_src ${stage_srcs})
      file(STRINGS ${stage_src} definition REGEX "^[a-z].*[ *]${needed}\\(" LIMIT_COUNT 1)
      if(definition)
        set(defined TRUE)
        break()
      endif()
    endforeach()
    if(NOT defined)
      message(STATUS "fuzz: ${name} not built: ${needed} is not written yet")
      continue()
    endif()
  endif()

  add_executable(${name}_replay ${CMAKE_SOURCE_DIR}/fuzz/replay.c ${src})
  target_include_directories(${name}_replay PRIVATE ${CMAKE_SOURCE_DIR}/fuzz)
  target_link_libraries(${name}_replay PRIVATE vigil_${stage})
  add_test(NAME fuzz_${name} COMMAND ${name}_replay ${CMAKE_SOURCE_DIR}/fuzz/corpus/${name})
  set_tests_properties(fuzz_${name} PROPERTIES TIMEOUT 300)   # a loader that loops fails, not hangs

  if(VIGIL_FUZZ)
    add_executable(${name}_fuzzer ${src})
    target_include_directories(${name}_fuzzer PRIVATE ${CMAKE_SOURCE_DIR}/fuzz)
    target_compile_options(${name}_fuzzer PRIVATE ${vigil_fuzz_flags})
    target_link_options(${name}_fuzzer PRIVATE ${vigil_fuzz_flags})
    target_link_libraries(${name}_fuzzer PRIVATE vigil_${stage})
  endif()
endforeach()
