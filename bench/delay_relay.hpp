// A TCP relay on loopback that holds every chunk for a fixed delay before
// forwarding it, in both directions: network latency for the pool benchmark
// on a kernel without the netem qdisc. A real network also makes connect()
// wait a round trip; here the kernel completes the handshake at once, so the
// relay does not read a new client's bytes until one round trip (2 x delay)
// after accepting it, which costs a new connection that round trip as well.
// One thread, ppoll with nanosecond timeouts.
#ifndef REHOST_BENCH_DELAY_RELAY_HPP
#define REHOST_BENCH_DELAY_RELAY_HPP

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <list>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace rehost::bench {

class DelayRelay {
public:
  DelayRelay(int upstream_port, std::chrono::microseconds delay)
      : upstream_port_(upstream_port), delay_(delay) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int on = 1;
    setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in addr = loopback(0);
    socklen_t length = sizeof addr;
    if (bind(listener_, reinterpret_cast<sockaddr *>(&addr), sizeof addr) ||
        listen(listener_, 1024) ||
        getsockname(listener_, reinterpret_cast<sockaddr *>(&addr), &length))
      throw std::runtime_error("relay: cannot listen on loopback");
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { run(); });
  }
  ~DelayRelay() {
    stop_ = true;
    thread_.join();
    for (Link &link : links_) {
      close(link.client);
      close(link.server);
    }
    close(listener_);
  }
  DelayRelay(const DelayRelay &) = delete;
  DelayRelay &operator=(const DelayRelay &) = delete;

  int port() const { return port_; }

private:
  using Clock = std::chrono::steady_clock;

  struct Chunk {
    Clock::time_point due;
    std::string bytes;
  };
  struct Direction {
    std::deque<Chunk> pending;
    bool source_closed = false;
  };
  struct Link {
    int client = -1, server = -1;
    Clock::time_point readable_from; // the emulated connect round trip
    Direction up, down;              // client to server, server to client
  };

  static sockaddr_in loopback(int port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    return addr;
  }

  static void no_delay(int fd) {
    int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  }

  void accept_one(Clock::time_point now) {
    int client = accept(listener_, nullptr, nullptr);
    if (client < 0)
      return;
    int server = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr = loopback(upstream_port_);
    if (connect(server, reinterpret_cast<sockaddr *>(&addr), sizeof addr)) {
      close(client);
      close(server);
      return;
    }
    no_delay(client);
    no_delay(server);
    Link link;
    link.client = client;
    link.server = server;
    link.readable_from = now + 2 * delay_;
    links_.push_back(std::move(link));
  }

  // Reads what `fd` has into `direction`, due `delay_` from now.
  void read_into(int fd, Direction &direction, Clock::time_point now) {
    char buffer[65536];
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0)
      direction.source_closed = true;
    else
      direction.pending.push_back({now + delay_, std::string(buffer, n)});
  }

  static bool flush(int fd, Direction &direction, Clock::time_point now) {
    while (!direction.pending.empty() && direction.pending.front().due <= now) {
      const std::string &bytes = direction.pending.front().bytes;
      size_t written = 0;
      while (written < bytes.size()) {
        ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
        if (n <= 0)
          return false;
        written += static_cast<size_t>(n);
      }
      direction.pending.pop_front();
    }
    return true;
  }

  void run() {
    std::vector<pollfd> fds;
    std::vector<Link *> owners;
    while (!stop_) {
      Clock::time_point now = Clock::now();
      Clock::time_point wake = now + std::chrono::milliseconds(50);
      fds.assign(1, pollfd{listener_, POLLIN, 0});
      owners.assign(1, nullptr);
      for (Link &link : links_) {
        for (const Direction *d : {&link.up, &link.down})
          if (!d->pending.empty())
            wake = std::min(wake, d->pending.front().due);
        if (link.readable_from > now)
          wake = std::min(wake, link.readable_from);
        else if (!link.up.source_closed)
          fds.push_back({link.client, POLLIN, 0}), owners.push_back(&link);
        if (!link.down.source_closed)
          fds.push_back({link.server, POLLIN, 0}), owners.push_back(&link);
      }
      auto wait = std::max(Clock::duration::zero(), wake - now);
      timespec timeout{
          static_cast<time_t>(
              std::chrono::duration_cast<std::chrono::seconds>(wait).count()),
          static_cast<long>((wait % std::chrono::seconds(1)).count())};
      if (ppoll(fds.data(), fds.size(), &timeout, nullptr) < 0)
        continue;
      now = Clock::now();
      if (fds[0].revents)
        accept_one(now);
      for (size_t i = 1; i < fds.size(); ++i) {
        if (!fds[i].revents)
          continue;
        Link &link = *owners[i];
        if (fds[i].fd == link.client)
          read_into(link.client, link.up, now);
        else
          read_into(link.server, link.down, now);
      }
      for (auto it = links_.begin(); it != links_.end();) {
        bool ok =
            flush(it->server, it->up, now) && flush(it->client, it->down, now);
        bool drained = it->up.pending.empty() && it->down.pending.empty();
        if (!ok ||
            ((it->up.source_closed || it->down.source_closed) && drained)) {
          close(it->client);
          close(it->server);
          it = links_.erase(it);
        } else {
          ++it;
        }
      }
    }
  }

  int upstream_port_;
  std::chrono::microseconds delay_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::list<Link> links_;
  std::thread thread_;
};

} // namespace rehost::bench

#endif
