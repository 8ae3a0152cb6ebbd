// A throwaway redis-server on a free loopback port, for tests.
#ifndef REHOST_TEST_REDIS_SERVER_HPP
#define REHOST_TEST_REDIS_SERVER_HPP

#include <hiredis/hiredis.h>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace rehost::test {

// Picks a port the kernel considers free right now.
inline int free_loopback_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(addr);
  if (bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &length) != 0) {
    close(fd);
    throw std::runtime_error("cannot find a free port");
  }
  close(fd);
  return ntohs(addr.sin_port);
}

// A TLS port beside the plaintext one (which stays, for admin_connect and
// the readiness check): the server's certificate, key and the CA it checks
// client certificates with, and whether it demands one.
struct TlsServerFiles {
  std::string cert_file;
  std::string key_file;
  std::string ca_cert_file;
  bool auth_clients = false; // --tls-auth-clients yes|no
};

class RedisServer {
public:
  // `extra` are redis-server arguments such as {"--requirepass", "pw"}.
  explicit RedisServer(std::vector<std::string> extra = {})
      : extra_(std::move(extra)) {
    start();
  }
  // The same with a TLS port too (tls_port()).
  RedisServer(std::vector<std::string> extra, TlsServerFiles tls)
      : extra_(std::move(extra)), tls_(std::move(tls)), with_tls_(true) {
    start();
  }
  ~RedisServer() { kill(); }
  RedisServer(const RedisServer &) = delete;
  RedisServer &operator=(const RedisServer &) = delete;

  int port() const { return port_; }
  int tls_port() const { return tls_port_; }
  pid_t pid() const { return pid_; }

  // The arguments the next restart() launches with (a changed requirepass
  // survives a restart only if the new server is given it too).
  void set_arguments(std::vector<std::string> extra) {
    extra_ = std::move(extra);
  }

  // SIGSTOP / SIGCONT: the server stops answering but keeps its sockets,
  // and the kernel still accepts connections into its backlog.
  void pause() {
    if (pid_ > 0)
      ::kill(pid_, SIGSTOP);
  }
  void resume() {
    if (pid_ > 0)
      ::kill(pid_, SIGCONT);
  }
  std::string url() const {
    return "redis://127.0.0.1:" + std::to_string(port_);
  }

  void kill() {
    if (pid_ <= 0)
      return;
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  // A new server process on the same port, as after a crash or a deploy:
  // clients' old connections are gone, their endpoint is unchanged.
  void restart() {
    kill();
    for (int attempt = 0; attempt < 20; ++attempt) {
      launch();
      if (wait_ready())
        return;
      kill();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("redis-server did not restart");
  }

  // A connection with no rehost involved, to set the server up or check it.
  redisContext *admin_connect() const {
    timeval tv{2, 0};
    return redisConnectWithTimeout("127.0.0.1", port_, tv);
  }

private:
  void start() {
    for (int attempt = 0; attempt < 5; ++attempt) {
      port_ = free_loopback_port();
      if (with_tls_)
        do
          tls_port_ = free_loopback_port();
        while (tls_port_ == port_);
      launch();
      if (wait_ready())
        return;
      kill();
    }
    throw std::runtime_error("redis-server did not start");
  }

  void launch() {
    std::vector<std::string> args{REHOST_REDIS_SERVER,
                                  "--port",
                                  std::to_string(port_),
                                  "--bind",
                                  "127.0.0.1",
                                  "--save",
                                  "",
                                  "--appendonly",
                                  "no",
                                  "--loglevel",
                                  "warning",
                                  "--enable-debug-command",
                                  "local"};
    if (with_tls_)
      args.insert(args.end(),
                  {"--tls-port", std::to_string(tls_port_), "--tls-cert-file",
                   tls_.cert_file, "--tls-key-file", tls_.key_file,
                   "--tls-ca-cert-file", tls_.ca_cert_file,
                   "--tls-auth-clients", tls_.auth_clients ? "yes" : "no"});
    args.insert(args.end(), extra_.begin(), extra_.end());
    pid_ = fork();
    if (pid_ == 0) {
      std::vector<char *> argv;
      for (std::string &arg : args)
        argv.push_back(arg.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }

  // Any reply (even NOAUTH) means the server is up. Bounded: about 5 s.
  bool wait_ready() {
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        return false;
      }
      timeval tv{0, 200000};
      redisContext *c = redisConnectWithTimeout("127.0.0.1", port_, tv);
      redisReply *reply =
          c && !c->err ? static_cast<redisReply *>(redisCommand(c, "PING"))
                       : nullptr;
      bool ready = reply != nullptr;
      if (reply)
        freeReplyObject(reply);
      if (c)
        redisFree(c);
      if (ready)
        return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  std::vector<std::string> extra_;
  TlsServerFiles tls_;
  bool with_tls_ = false;
  int tls_port_ = 0;
  int port_ = 0;
  pid_t pid_ = -1;
};

} // namespace rehost::test

#endif
