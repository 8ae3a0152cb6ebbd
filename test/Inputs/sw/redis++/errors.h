// Stand-in for redis-plus-plus's errors.h: what commands throw.
#ifndef REHOST_TEST_REDISPLUSPLUS_ERRORS_H
#define REHOST_TEST_REDISPLUSPLUS_ERRORS_H

#include <exception>
#include <string>

namespace sw {
namespace redis {

class Error : public std::exception {
public:
  explicit Error(const std::string &msg) : _msg(msg) {}
  Error(const Error &) = default;
  Error &operator=(const Error &) = default;
  Error(Error &&) = default;
  Error &operator=(Error &&) = default;
  ~Error() override = default;

  const char *what() const noexcept override { return _msg.data(); }

private:
  std::string _msg;
};

// The connection failed or broke (hiredis's REDIS_ERR_IO, REDIS_ERR_EOF).
class IoError : public Error {
public:
  explicit IoError(const std::string &msg) : Error(msg) {}
};

class TimeoutError : public IoError {
public:
  explicit TimeoutError(const std::string &msg) : IoError(msg) {}
};

class ClosedError : public Error {
public:
  explicit ClosedError(const std::string &msg) : Error(msg) {}
};

class ProtoError : public Error {
public:
  explicit ProtoError(const std::string &msg) : Error(msg) {}
};

// The server answered with an error reply (-NOAUTH, -WRONGPASS, ...).
class ReplyError : public Error {
public:
  explicit ReplyError(const std::string &msg) : Error(msg) {}
};

} // namespace redis
} // namespace sw

#endif
