#include "values.hpp"

#include <rehost/rehost.hpp>

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace rehost::detail {
namespace {

// `text` in quotes for an error message, each control character written as
// an escape (\n, \t, \x1b), so a bad value can neither break the message's
// line nor drive the terminal it is printed on.
std::string quoted(std::string_view text) {
  static const char digits[] = "0123456789abcdef";
  std::string out = "'";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (u < 0x20 || u == 0x7f)
      out += std::string("\\x") + digits[u >> 4] + digits[u & 0xf];
    else
      out += c;
  }
  return out + "'";
}

bool all_digits(std::string_view text) {
  if (text.empty())
    return false;
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return false;
  return true;
}

} // namespace

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char &c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int parse_int(std::string_view text, const std::string &label,
              std::string_view what, long min, long max) {
  std::string_view digits = text;
  bool negative = !digits.empty() && digits.front() == '-';
  if (negative)
    digits.remove_prefix(1);
  if (!all_digits(digits))
    throw ConfigError(label + ": " + std::string(what) + " " + quoted(text) +
                      " is not a number");
  long value = digits.size() > 10 ? max + 1 : std::stol(std::string(digits));
  if (negative)
    value = -value;
  if (value < min || value > max)
    throw ConfigError(label + ": " + std::string(what) + " " + quoted(text) +
                      " is out of range " + std::to_string(min) + ".." +
                      std::to_string(max));
  return static_cast<int>(value);
}

int parse_port(std::string_view text, const std::string &label) {
  constexpr std::string_view service_link = "tcp://";
  if (text.substr(0, service_link.size()) == service_link) {
    auto colon = text.rfind(':');
    if (colon < service_link.size())
      throw ConfigError(label + ": port " + quoted(text) +
                        " has no port after the host");
    text = text.substr(colon + 1);
  }
  return parse_int(text, label, "port", 1, 65535);
}

bool parse_bool(std::string_view text, const std::string &label) {
  std::string value = to_lower(text);
  if (value == "true" || value == "1" || value == "yes" || value == "on")
    return true;
  if (value == "false" || value == "0" || value == "no" || value == "off")
    return false;
  throw ConfigError(label + ": " + quoted(text) +
                    " is not a boolean (true/false, yes/no, on/off, 1/0)");
}

std::chrono::milliseconds parse_duration(std::string_view text,
                                         const std::string &label) {
  size_t number_end = 0;
  while (number_end < text.size() &&
         (std::isdigit(static_cast<unsigned char>(text[number_end])) ||
          text[number_end] == '.'))
    ++number_end;
  std::string number(text.substr(0, number_end));
  std::string unit = to_lower(text.substr(number_end));
  char *end = nullptr;
  double amount = number.empty() ? -1 : std::strtod(number.c_str(), &end);
  if (number.empty() || *end != '\0' || number.front() == '.')
    throw ConfigError(label + ": duration " + quoted(text) +
                      " is not a number with an optional unit "
                      "(ns, us, ms, s, m, h, d; default s)");
  double ms_per_unit;
  if (unit.empty() || unit == "s")
    ms_per_unit = 1000;
  else if (unit == "ms")
    ms_per_unit = 1;
  else if (unit == "us")
    ms_per_unit = 1e-3;
  else if (unit == "ns")
    ms_per_unit = 1e-6;
  else if (unit == "m")
    ms_per_unit = 60e3;
  else if (unit == "h")
    ms_per_unit = 3600e3;
  else if (unit == "d")
    ms_per_unit = 86400e3;
  else
    throw ConfigError(label + ": duration " + quoted(text) + " has unit " +
                      quoted(unit) + " (use ns, us, ms, s, m, h or d)");
  double ms = std::ceil(amount * ms_per_unit);
  if (ms > 365.0 * 86400e3)
    throw ConfigError(label + ": duration " + quoted(text) +
                      " is longer than a year");
  return std::chrono::milliseconds(static_cast<long long>(ms));
}

std::string parse_host(std::string_view text, const std::string &label) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']')
    text = text.substr(1, text.size() - 2);
  if (text.empty())
    throw ConfigError(label + ": host is empty");
  for (char c : text)
    if (std::isspace(static_cast<unsigned char>(c)) ||
        std::iscntrl(static_cast<unsigned char>(c)) || c == '/' || c == '@' ||
        c == '[' || c == ']')
      throw ConfigError(label + ": host " + quoted(text) +
                        " contains a character not allowed in a host");
  return std::string(text);
}

std::string parse_node(std::string_view text, const std::string &label) {
  auto colon = text.rfind(':');
  if (colon == std::string_view::npos)
    throw ConfigError(label + ": node " + quoted(text) + " is not host:port");
  std::string host = parse_host(text.substr(0, colon), label);
  int port = parse_port(text.substr(colon + 1), label);
  if (host.find(':') != std::string::npos) {
    if (text.front() != '[')
      throw ConfigError(label + ": node " + quoted(text) +
                        " needs brackets around its IPv6 address");
    host = "[" + host + "]";
  }
  return host + ":" + std::to_string(port);
}

std::string node_text(const std::string &host, int port) {
  return (host.find(':') == std::string::npos ? host : "[" + host + "]") + ":" +
         std::to_string(port);
}

std::vector<std::string> parse_node_list(std::string_view text,
                                         const std::string &label) {
  std::vector<std::string> nodes;
  while (!text.empty()) {
    auto comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    while (!item.empty() && item.front() == ' ')
      item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ')
      item.remove_suffix(1);
    if (!item.empty())
      nodes.push_back(parse_node(item, label));
    if (comma == std::string_view::npos)
      break;
    text.remove_prefix(comma + 1);
  }
  if (nodes.empty())
    throw ConfigError(label + ": node list is empty");
  return nodes;
}

} // namespace rehost::detail
