// rehost_last_error(): the per-thread message of the last failed C call, and
// the wrappers C entry points run their bodies in, so no exception crosses
// into C.
#ifndef REHOST_SRC_LAST_ERROR_HPP
#define REHOST_SRC_LAST_ERROR_HPP

#include <exception>
#include <string>

namespace rehost::detail {

void clear_last_error();
void set_last_error(std::string message);

// Runs `body` at the C boundary, where no exception may pass: one that
// `body` throws becomes `on_failure(message)`'s result instead.
template <typename Body, typename OnFailure>
auto catch_at_boundary(Body body, OnFailure on_failure) noexcept
    -> decltype(body()) {
  try {
    return body();
  } catch (const std::exception &error) {
    return on_failure(error.what());
  } catch (...) {
    return on_failure("rehost: unknown error");
  }
}

// Runs `body` for a C entry point that reports through rehost_last_error():
// cleared on entry, set to the message of a failure, which returns
// `on_error`.
template <typename Result, typename Body>
Result guarded(Result on_error, Body body) noexcept {
  clear_last_error();
  return catch_at_boundary(body, [&](const char *message) -> Result {
    set_last_error(message);
    return on_error;
  });
}

// For the entry points that report hiredis-style, in the context they return
// (the drop-in connectors, rehost_redisAuth): rehost_last_error() says the
// same, so it never holds an earlier call's error.
template <typename Context> Context *noting_error_of(Context *c) noexcept {
  if (!c)
    set_last_error("rehost: cannot allocate a hiredis context");
  else if (c->err)
    set_last_error(c->errstr);
  else
    clear_last_error();
  return c;
}

} // namespace rehost::detail

#endif
