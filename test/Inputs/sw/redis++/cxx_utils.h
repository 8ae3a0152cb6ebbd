// Stand-in for redis-plus-plus's cxx_utils.h: StringView and Optional.
// redis-plus-plus picks std::string_view/std::optional when built as C++17
// and its own small classes otherwise; the stand-in does the same by
// __cplusplus, so code written for either build compiles here.
#ifndef REHOST_TEST_REDISPLUSPLUS_CXX_UTILS_H
#define REHOST_TEST_REDISPLUSPLUS_CXX_UTILS_H

#include <stdexcept>
#include <string>

#if __cplusplus >= 201703L
#include <optional>
#include <string_view>
#endif

namespace sw {
namespace redis {

#if __cplusplus >= 201703L

using StringView = std::string_view;

template <typename T> using Optional = std::optional<T>;

#else

class StringView {
public:
  StringView() = default;
  StringView(const char *data, std::size_t size) : _data(data), _size(size) {}
  StringView(const char *data) : _data(data), _size(std::char_traits<char>::length(data)) {}
  StringView(const std::string &str) : _data(str.data()), _size(str.size()) {}

  const char *data() const { return _data; }
  std::size_t size() const { return _size; }

private:
  const char *_data = nullptr;
  std::size_t _size = 0;
};

template <typename T> class Optional {
public:
  Optional() = default;
  Optional(const T &value) : _has_value(true), _value(value) {}

  explicit operator bool() const { return _has_value; }
  const T &operator*() const { return _value; }
  const T *operator->() const { return &_value; }
  const T &value() const {
    if (!_has_value)
      throw std::logic_error("bad optional access");
    return _value;
  }

private:
  bool _has_value = false;
  T _value{};
};

#endif

using OptionalString = Optional<std::string>;
using OptionalLongLong = Optional<long long>;

} // namespace redis
} // namespace sw

#endif
