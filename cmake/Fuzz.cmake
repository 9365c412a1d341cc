# MSOUT_FUZZ=ON builds the libFuzzer harnesses of tests/fuzz (with clang++ only). Every
# target is then instrumented for coverage-guided fuzzing and built with AddressSanitizer and
# UndefinedBehaviorSanitizer; the harnesses link libFuzzer's main. Use a build directory of
# its own:
#   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DMSOUT_FUZZ=ON -DMSOUT_BUILD_TESTS=OFF
#   cmake --build build-fuzz --target msout_fuzzers
if(MSOUT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "MSOUT_FUZZ needs clang++ (libFuzzer): -DCMAKE_CXX_COMPILER=clang++")
  endif()
  if(MSOUT_SANITIZE)
    message(FATAL_ERROR "MSOUT_FUZZ sets its own sanitizers: leave MSOUT_SANITIZE empty")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=address,undefined)
endif()
