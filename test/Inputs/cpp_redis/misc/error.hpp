// Stand-in for cpp_redis's misc/error.hpp: what the client throws, e.g.
// when connect() cannot reach the server.
#pragma once

#include <stdexcept>
#include <string>

namespace cpp_redis {

class redis_error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
  using std::runtime_error::what;
};

} // namespace cpp_redis
