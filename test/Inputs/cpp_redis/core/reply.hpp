// Stand-in for cpp_redis's core/reply.hpp: one reply of the server.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cpp_redis {

class reply {
public:
  enum class type { error = 0, bulk_string = 1, simple_string = 2, null = 3, integer = 4, array = 5 };
  enum class string_type { error = 0, bulk_string = 1, simple_string = 2 };

  // A null reply.
  reply();
  reply(const std::string &value, string_type reply_type);
  reply(std::int64_t value);
  reply(const std::vector<reply> &rows);

  bool is_array() const;
  // A simple or a bulk string.
  bool is_string() const;
  bool is_simple_string() const;
  bool is_bulk_string() const;
  bool is_error() const;
  bool is_integer() const;
  bool is_null() const;

  // Not an error and not null.
  bool ok() const;
  bool ko() const;
  explicit operator bool() const;

  // These throw cpp_redis::redis_error when the reply is of another type.
  const std::string &error() const;
  const std::vector<reply> &as_array() const;
  const std::string &as_string() const;
  std::int64_t as_integer() const;

  type get_type() const;

private:
  type m_type;
  std::vector<reply> m_rows;
  std::string m_strval;
  std::int64_t m_intval;
};

} // namespace cpp_redis
