# Warnings for msout's own targets (third-party headers are system headers: not affected).
function(msout_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                           -Wnon-virtual-dtor -Wcast-align -Wunused)
  # GCC 12 reports false -Wrestrict errors inside std::string concatenation at -O2
  # (GCC bug 105651); the warning stays on for other compilers.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(MSOUT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
