# AddressSanitizer + UndefinedBehaviorSanitizer flags, in one place for the
# runtime built alone (REHOST_RUNTIME_SANITIZE) and for the whole project
# (REHOST_SANITIZE, `make test-asan`).
#
# -fno-sanitize-recover=undefined: a UBSan finding stops the program, as an
# ASan one does, so no test can pass while printing a report.
set(REHOST_SANITIZE_FLAGS
  -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)

# Applies the flags to every target of the calling directory and below.
# REHOST_SANITIZED tells the tests that build programs of their own (header,
# install, demo and e2e tests) to build those with the flags too: an
# uninstrumented program cannot load the instrumented library.
macro(rehost_enable_asan_ubsan)
  set(REHOST_SANITIZED ON)
  string(JOIN " " REHOST_SANITIZE_FLAGS_STRING ${REHOST_SANITIZE_FLAGS})
  add_compile_options(${REHOST_SANITIZE_FLAGS})
  add_link_options(${REHOST_SANITIZE_FLAGS})
endmacro()
