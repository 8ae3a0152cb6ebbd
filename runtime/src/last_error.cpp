#include "last_error.hpp"

#include <rehost/rehost.h>

namespace rehost::detail {
namespace {

thread_local std::string last_error;
thread_local bool has_last_error = false;

} // namespace

void clear_last_error() { has_last_error = false; }

void set_last_error(std::string message) {
  last_error = std::move(message);
  has_last_error = true;
}

} // namespace rehost::detail

extern "C" const char *rehost_last_error(void) {
  using namespace rehost::detail;
  return has_last_error ? last_error.c_str() : nullptr;
}
