# MSOUT_SANITIZE=address,undefined or MSOUT_SANITIZE=thread instruments every target.
if(MSOUT_SANITIZE)
  if(MSOUT_SANITIZE MATCHES "thread" AND MSOUT_SANITIZE MATCHES "address")
    message(FATAL_ERROR "MSOUT_SANITIZE: thread and address sanitizers cannot be combined")
  endif()
  add_compile_options(-fsanitize=${MSOUT_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all -g)
  add_link_options(-fsanitize=${MSOUT_SANITIZE})
  if(MSOUT_SANITIZE MATCHES "thread")
    # Debian's libtbb is not instrumented; see ParallelScheduler::for_each_partition.
    add_compile_definitions(MSOUT_TSAN_STD_THREADS)
  endif()
endif()
