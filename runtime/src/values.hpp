// Parsers for setting values. Each throws ConfigError whose message starts
// with `label` (the variable or key) and never contains the value of a secret.
#ifndef REHOST_SRC_VALUES_HPP
#define REHOST_SRC_VALUES_HPP

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace rehost::detail {

// 1..65535. Also accepts Kubernetes' service-link form "tcp://host:port",
// which a Service named like the profile injects into REDIS_PORT.
int parse_port(std::string_view text, const std::string &label);
int parse_int(std::string_view text, const std::string &label,
              std::string_view what, long min, long max);
// true/false/1/0/yes/no/on/off, any case.
bool parse_bool(std::string_view text, const std::string &label);
// A number with unit ns|us|ms|s|m|h|d; a bare number is seconds. Sub-ms
// values round up so that a non-zero timeout never becomes "none".
std::chrono::milliseconds parse_duration(std::string_view text,
                                         const std::string &label);
// A host name or address; IPv6 brackets are removed.
std::string parse_host(std::string_view text, const std::string &label);
// "host:port" or "[v6]:port", normalised to host:port with brackets for v6.
std::string parse_node(std::string_view text, const std::string &label);
std::vector<std::string> parse_node_list(std::string_view text,
                                         const std::string &label);
// "host:port" as parse_node spells it: an IPv6 host in brackets.
std::string node_text(const std::string &host, int port);

std::string to_lower(std::string_view text);

} // namespace rehost::detail

#endif
