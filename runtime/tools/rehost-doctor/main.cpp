// rehost-doctor [--json] [PROFILE...]: shows where each setting of a profile
// comes from, then connects and reports on the server. Exit 1 when a profile
// is misconfigured or unreachable, 2 on bad usage.
#include <hiredis/hiredis.h>
#include <rehost/rehost.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Field {
  std::string name;
  std::string value;
  rehost::Origin origin;
};

template <typename T>
Field field(const char *name, const rehost::Setting<T> &setting,
            std::string value) {
  return {name, std::move(value), setting.origin};
}

std::string text(bool value) { return value ? "true" : "false"; }
std::string text(int value) { return std::to_string(value); }
std::string text(const std::string &value) { return value; }
// The largest whole unit, as a person would write it in rehost.toml.
std::string text(std::chrono::milliseconds value) {
  long long ms = value.count();
  if (ms >= 60000 && ms % 60000 == 0)
    return std::to_string(ms / 60000) + "m";
  if (ms >= 1000 && ms % 1000 == 0)
    return std::to_string(ms / 1000) + "s";
  return std::to_string(ms) + "ms";
}
std::string text(const std::vector<std::string> &nodes) {
  std::string joined;
  for (const std::string &node : nodes)
    joined += (joined.empty() ? "" : ",") + node;
  return joined;
}

template <typename T>
Field field(const char *name, const rehost::Setting<T> &setting) {
  return field(name, setting, text(setting.value));
}

std::vector<Field> fields_of(const rehost::Profile &p) {
  const bool unix_socket = p.transport.value == rehost::Transport::unix_socket;
  std::vector<Field> fields{
      field("transport", p.transport, unix_socket ? "unix" : "tcp")};
  if (unix_socket) {
    fields.push_back(field("socket", p.socket));
  } else {
    fields.push_back(field("host", p.host));
    fields.push_back(field("port", p.port));
  }
  fields.push_back(field("db", p.db));
  fields.push_back(field("username", p.username));
  // The password itself is never shown, only whether there is one.
  fields.push_back(
      field("password", p.password, p.password.value.empty() ? "" : "***"));
  fields.push_back(field("tls", p.tls));
  if (p.tls.value) {
    static const char *verify_names[] = {"full", "ca", "none"};
    fields.push_back(field("tls_verify", p.tls_verify,
                           verify_names[static_cast<int>(p.tls_verify.value)]));
    fields.push_back(field("tls_ca_cert_file", p.tls_ca_cert_file));
    fields.push_back(field("tls_ca_cert_dir", p.tls_ca_cert_dir));
    fields.push_back(field("tls_cert_file", p.tls_cert_file));
    fields.push_back(field("tls_key_file", p.tls_key_file));
    fields.push_back(field("tls_server_name", p.tls_server_name));
  }
  fields.push_back(field("connect_timeout", p.connect_timeout));
  fields.push_back(field("command_timeout", p.command_timeout));
  fields.push_back(field("keepalive", p.keepalive));
  fields.push_back(field("client_name", p.client_name));
  fields.push_back(field("cluster_nodes", p.cluster_nodes));
  if (!p.sentinel_master.value.empty()) {
    fields.push_back(field("sentinel_nodes", p.sentinel_nodes));
    fields.push_back(field("sentinel_master", p.sentinel_master));
    fields.push_back(field("sentinel_username", p.sentinel_username));
    fields.push_back(field("sentinel_password", p.sentinel_password,
                           p.sentinel_password.value.empty() ? "" : "***"));
  }
  fields.push_back(field("pool_size", p.pool_size));
  fields.push_back(field("pool_wait_timeout", p.pool_wait_timeout));
  fields.push_back(field("pool_min_idle", p.pool_min_idle));
  fields.push_back(
      field("pool_connection_lifetime", p.pool_connection_lifetime));
  fields.push_back(
      field("pool_connection_idle_time", p.pool_connection_idle_time));
  fields.push_back(field("health_check_interval", p.health_check_interval));
  return fields;
}

struct ServerReport {
  bool reachable = false;
  std::string error;
  double ping_ms = 0;
  std::map<std::string, std::string> info; // selected INFO fields
  rehost::TlsSession tls;                  // established: the connect had TLS
};

// Nothing but a built-in default chose the endpoint: the program's own call
// site decides it, and (with no call_site recorded) the doctor cannot know it.
// A Sentinel master name configures the endpoint too (its sentinels say
// where the master is).
bool endpoint_is_a_guess(const rehost::Profile &p) {
  return p.transport.origin.source == rehost::Source::built_in &&
         !p.sentinel_master.origin.configured();
}

const char *const guess_note =
    "the program's call site decides the endpoint and the doctor cannot know "
    "it (nothing configures host, port or socket, and rehost.toml records no "
    "call_site); showing and pinging the built-in default as a guess";

// Connects as the program would, with a recorded call site as the fallback.
redisContext *connect_like_the_program(const rehost::Profile &p) {
  const char *name = p.name.c_str();
  if (p.transport.origin.source != rehost::Source::call_site)
    return rehost_redisConnect(name, nullptr, 0);
  if (p.transport.value == rehost::Transport::unix_socket)
    return rehost_redisConnectUnix(name, p.socket.value.c_str());
  return rehost_redisConnect(name, p.host.value.c_str(), p.port.value);
}

ServerReport probe(const rehost::Profile &profile) {
  ServerReport report;
  redisContext *c = connect_like_the_program(profile);
  if (!c) {
    report.error = "out of memory";
    return report;
  }
  if (c->err) {
    report.error = c->errstr;
    redisFree(c);
    return report;
  }
  if (profile.tls.value)
    report.tls = rehost::last_tls_session();
  auto start = std::chrono::steady_clock::now();
  auto *ping = static_cast<redisReply *>(redisCommand(c, "PING"));
  auto elapsed = std::chrono::steady_clock::now() - start;
  if (!ping || ping->type == REDIS_REPLY_ERROR) {
    report.error = ping ? std::string("PING: ") + ping->str
                        : std::string("PING: ") + c->errstr;
  } else {
    report.reachable = true;
    report.ping_ms = std::chrono::duration<double, std::milli>(elapsed).count();
  }
  if (ping)
    freeReplyObject(ping);
  auto *info = report.reachable
                   ? static_cast<redisReply *>(redisCommand(c, "INFO"))
                   : nullptr;
  if (info && info->type == REDIS_REPLY_STRING) {
    std::istringstream lines(std::string(info->str, info->len));
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty() && line.back() == '\r')
        line.pop_back();
      auto colon = line.find(':');
      if (colon == std::string::npos)
        continue;
      std::string key = line.substr(0, colon);
      if (key == "redis_version" || key == "role" ||
          key == "used_memory_human" || key == "connected_clients")
        report.info[key] = line.substr(colon + 1);
    }
  }
  if (info)
    freeReplyObject(info);
  redisFree(c);
  return report;
}

// `text` with each invalid UTF-8 sequence replaced by U+FFFD: values come
// from the environment and files as raw bytes, and JSON must be UTF-8.
std::string valid_utf8(const std::string &text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    auto byte = [&](size_t k) {
      return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
    };
    unsigned lead = byte(i);
    size_t length = lead < 0x80                    ? 1
                    : lead >= 0xC2 && lead <= 0xDF ? 2
                    : lead >= 0xE0 && lead <= 0xEF ? 3
                    : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                   : 0;
    // The second byte's range rules out overlong forms, surrogates and
    // code points past U+10FFFF.
    unsigned low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    unsigned high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    bool valid = length == 1 ||
                 (length > 1 && byte(i + 1) >= low && byte(i + 1) <= high);
    for (size_t k = 2; valid && k < length; ++k)
      valid = byte(i + k) >= 0x80 && byte(i + k) <= 0xBF;
    if (!valid) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(text, i, length);
    i += length;
  }
  return out;
}

std::string json_string(const std::string &raw) {
  std::string value = valid_utf8(raw);
  std::string out = "\"";
  for (unsigned char c : value) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof(escaped), "\\u%04x", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

struct ProfileReport {
  std::string name;
  bool resolved = false;
  rehost::Profile profile;
  std::string config_error;
  ServerReport server;

  bool ok() const { return resolved && server.reachable; }
};

ProfileReport examine(const std::string &name) {
  ProfileReport report;
  report.name = name;
  try {
    report.profile = rehost::resolve_with_recorded_call_site(name);
    report.resolved = true;
  } catch (const rehost::ConfigError &error) {
    report.config_error = error.what();
    return report;
  }
  report.server = probe(report.profile);
  return report;
}

std::string info_value(const ServerReport &server, const std::string &key) {
  auto found = server.info.find(key);
  return found == server.info.end() ? "?" : found->second;
}

void print_text(const ProfileReport &report) {
  std::cout << "profile " << report.name << "\n";
  if (!report.resolved) {
    std::cout << "  error: " << report.config_error << "\n";
    return;
  }
  const rehost::Profile &p = report.profile;
  std::cout << "  environment: " << p.environment << "\n"
            << "  config file: "
            << (p.config_path.empty() ? "(none)" : p.config_path) << "\n";
  for (const Field &f : fields_of(p)) {
    char line[512];
    std::snprintf(line, sizeof(line), "  %-26s %-28s %s\n", f.name.c_str(),
                  f.value.empty() ? "(none)" : f.value.c_str(),
                  f.origin.to_string().c_str());
    std::cout << line;
  }
  for (const std::string &warning : p.warnings)
    std::cout << "  warning: " << warning << "\n";
  if (endpoint_is_a_guess(p))
    std::cout << "  endpoint: " << guess_note << "\n";
  const ServerReport &s = report.server;
  if (!s.reachable) {
    std::cout << "  unreachable: " << s.error << "\n";
    return;
  }
  char ping[32];
  std::snprintf(ping, sizeof(ping), "%.3f", s.ping_ms);
  std::cout << "  ping: " << ping << " ms\n"
            << "  server: redis " << info_value(s, "redis_version") << ", role "
            << info_value(s, "role") << ", used memory "
            << info_value(s, "used_memory_human") << ", connected clients "
            << info_value(s, "connected_clients") << "\n";
  if (s.tls.established)
    std::cout << "  tls: " << s.tls.protocol << ", " << s.tls.cipher
              << ", verification " << s.tls.verification << ", name '"
              << s.tls.server_name << "'\n"
              << "  certificate: "
              << (s.tls.peer_subject.empty() ? "(none)" : s.tls.peer_subject)
              << ", issued by " << s.tls.peer_issuer << ", expires "
              << s.tls.peer_not_after << "\n";
}

std::string to_json(const ProfileReport &report) {
  std::ostringstream out;
  out << "{\"name\":" << json_string(report.name);
  if (!report.resolved) {
    out << ",\"ok\":false,\"error\":" << json_string(report.config_error)
        << "}";
    return out.str();
  }
  const rehost::Profile &p = report.profile;
  out << ",\"ok\":" << (report.ok() ? "true" : "false")
      << ",\"environment\":" << json_string(p.environment)
      << ",\"config_file\":" << json_string(p.config_path) << ",\"fields\":{";
  bool first = true;
  for (const Field &f : fields_of(p)) {
    out << (first ? "" : ",") << json_string(f.name)
        << ":{\"value\":" << json_string(f.value)
        << ",\"origin\":" << json_string(f.origin.to_string()) << "}";
    first = false;
  }
  out << "},\"warnings\":[";
  for (size_t i = 0; i < p.warnings.size(); ++i)
    out << (i ? "," : "") << json_string(p.warnings[i]);
  out << "],\"endpoint_known\":" << (endpoint_is_a_guess(p) ? "false" : "true");
  if (endpoint_is_a_guess(p))
    out << ",\"endpoint_note\":" << json_string(guess_note);
  const ServerReport &s = report.server;
  if (!s.reachable) {
    out << ",\"error\":" << json_string(s.error) << "}";
    return out.str();
  }
  char ping[32];
  std::snprintf(ping, sizeof(ping), "%.3f", s.ping_ms);
  out << ",\"ping_ms\":" << ping << ",\"server\":{";
  first = true;
  for (const auto &[key, value] : s.info) {
    out << (first ? "" : ",") << json_string(key) << ":" << json_string(value);
    first = false;
  }
  out << "}";
  if (s.tls.established)
    out << ",\"tls\":{\"protocol\":" << json_string(s.tls.protocol)
        << ",\"cipher\":" << json_string(s.tls.cipher)
        << ",\"verification\":" << json_string(s.tls.verification)
        << ",\"server_name\":" << json_string(s.tls.server_name)
        << ",\"subject\":" << json_string(s.tls.peer_subject)
        << ",\"issuer\":" << json_string(s.tls.peer_issuer)
        << ",\"not_after\":" << json_string(s.tls.peer_not_after) << "}";
  out << "}";
  return out.str();
}

int usage(std::ostream &out, int code) {
  out << "usage: rehost-doctor [--json] [PROFILE...]\n"
         "Shows each resolved setting of the profiles (default: \"default\")\n"
         "with its source, then connects and PINGs the server. A call_site\n"
         "recorded by rehost fix in rehost.toml is the call-site fallback.\n";
  return code;
}

} // namespace

int main(int argc, char **argv) {
  bool json = false;
  std::vector<std::string> names;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--json") == 0)
      json = true;
    else if (std::strcmp(argv[i], "--help") == 0 ||
             std::strcmp(argv[i], "-h") == 0)
      return usage(std::cout, 0);
    else if (argv[i][0] == '-')
      return usage(std::cerr, 2);
    else
      names.push_back(argv[i]);
  }
  if (names.empty())
    names.push_back("default");

  bool all_ok = true;
  if (json)
    std::cout << "{\"profiles\":[";
  for (size_t i = 0; i < names.size(); ++i) {
    ProfileReport report = examine(names[i]);
    all_ok = all_ok && report.ok();
    if (json)
      std::cout << (i ? "," : "") << to_json(report);
    else
      print_text(report);
  }
  if (json)
    std::cout << "]}\n";
  return all_ok ? 0 : 1;
}
