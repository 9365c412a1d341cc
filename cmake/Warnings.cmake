# Warnings for msout's own targets (third-party headers are system headers: not affected).
function(msout_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                           -Wnon-virtual-dtor -Wcast-align -Wunused)
  if(MSOUT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
