// rehost_last_error(): the per-thread message of the last failed C call, and
// the wrapper every C entry point that reports that way runs its body in.
#ifndef REHOST_SRC_LAST_ERROR_HPP
#define REHOST_SRC_LAST_ERROR_HPP

#include <exception>
#include <string>

namespace rehost::detail {

void clear_last_error();
void set_last_error(std::string message);

// Runs `body` for a C entry point: no exception escapes, and a failure
// leaves its message for rehost_last_error().
template <typename Result, typename Body>
Result guarded(Result on_error, Body body) noexcept {
  clear_last_error();
  try {
    return body();
  } catch (const std::exception &error) {
    set_last_error(error.what());
  } catch (...) {
    set_last_error("rehost: unknown error");
  }
  return on_error;
}

} // namespace rehost::detail

#endif
