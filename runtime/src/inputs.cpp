#include "inputs.hpp"

#include <sys/stat.h>

#include <chrono>
#include <cstring>
#include <string_view>

extern char **environ;

namespace rehost::detail {
namespace {

thread_local InputStamp *active_stamp = nullptr;

// Longer than any file system's timestamp granularity (a kernel tick).
constexpr std::chrono::milliseconds settle_time{100};

// Runs for every environment entry on every cached resolution: the first
// character rules out almost all of them.
bool read_by_resolution(const char *entry) {
  if (entry[0] == 'R')
    return std::strncmp(entry, "REDIS_", 6) == 0 ||
           std::strncmp(entry, "REHOST_", 7) == 0;
  return entry[0] == 'K' &&
         std::strncmp(entry, "KUBERNETES_SERVICE_HOST=", 24) == 0;
}

std::chrono::nanoseconds since_epoch(const timespec &t) {
  return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
}

} // namespace

InputStamp::InputStamp() {
  for (char **entry = environ; entry && *entry; ++entry)
    if (read_by_resolution(*entry))
      environment_.emplace_back(*entry);
}

InputStamp::FileStamp InputStamp::stamp(const std::string &path) {
  FileStamp file;
  file.path = path;
  struct stat info;
  if (::stat(path.c_str(), &info) != 0)
    return file;
  file.exists = true;
  file.device = info.st_dev;
  file.inode = info.st_ino;
  file.size = info.st_size;
  file.modified = info.st_mtim;
  return file;
}

bool InputStamp::same(const FileStamp &a, const FileStamp &b) {
  if (a.exists != b.exists)
    return false;
  return !a.exists ||
         (a.device == b.device && a.inode == b.inode && a.size == b.size &&
          a.modified.tv_sec == b.modified.tv_sec &&
          a.modified.tv_nsec == b.modified.tv_nsec);
}

void InputStamp::add_file(const std::string &path) {
  FileStamp file = stamp(path);
  if (file.exists) {
    timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    if (since_epoch(now) - since_epoch(file.modified) < settle_time)
      settled_ = false;
  }
  files_.push_back(std::move(file));
}

bool InputStamp::current() const {
  if (!settled_)
    return false;
  size_t next = 0;
  for (char **entry = environ; entry && *entry; ++entry) {
    if (!read_by_resolution(*entry))
      continue;
    if (next == environment_.size() || environment_[next] != *entry)
      return false;
    ++next;
  }
  if (next != environment_.size())
    return false;
  for (const FileStamp &file : files_)
    if (!same(file, stamp(file.path)))
      return false;
  return true;
}

StampScope::StampScope(InputStamp &stamp) : previous_(active_stamp) {
  active_stamp = &stamp;
}

StampScope::~StampScope() { active_stamp = previous_; }

void note_file_read(const std::string &path) {
  if (active_stamp)
    active_stamp->add_file(path);
}

} // namespace rehost::detail
