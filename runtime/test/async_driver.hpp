// Drives a hiredis async context without an event library, for tests.
#ifndef REHOST_TEST_ASYNC_DRIVER_HPP
#define REHOST_TEST_ASYNC_DRIVER_HPP

#include <hiredis/async.h>

#include <poll.h>

#include <chrono>

namespace rehost::test {

// Polls the context until `finished` or 2 s pass.
inline void drive(redisAsyncContext *ac, const bool &finished) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (!finished && std::chrono::steady_clock::now() < deadline) {
    pollfd pfd{ac->c.fd, POLLIN | POLLOUT, 0};
    if (poll(&pfd, 1, 10) <= 0)
      continue;
    if (pfd.revents & POLLOUT)
      redisAsyncHandleWrite(ac);
    if (!finished && (pfd.revents & (POLLIN | POLLHUP)))
      redisAsyncHandleRead(ac);
  }
}

} // namespace rehost::test

#endif
