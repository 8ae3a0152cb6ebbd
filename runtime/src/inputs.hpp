// What a resolution reads besides its arguments (the REDIS_*, REHOST_* and
// KUBERNETES_SERVICE_HOST variables, rehost.toml, secret files), recorded so
// that a cached profile can tell cheaply whether resolving again could give
// another answer: one pass over the environment and one stat per file, instead
// of re-reading and re-parsing everything.
#ifndef REHOST_SRC_INPUTS_HPP
#define REHOST_SRC_INPUTS_HPP

#include <sys/types.h>

#include <ctime>
#include <string>
#include <vector>

namespace rehost::detail {

class InputStamp {
public:
  // The environment as it is now; files are added while a StampScope for
  // this stamp is active.
  InputStamp();

  // Nothing recorded has changed since.
  bool current() const;

  void add_file(const std::string &path);

private:
  struct FileStamp {
    std::string path; // as read, so a relative path follows the cwd
    bool exists = false;
    dev_t device = 0;
    ino_t inode = 0;
    off_t size = 0;
    timespec modified{};
  };
  static FileStamp stamp(const std::string &path);
  static bool same(const FileStamp &a, const FileStamp &b);

  std::vector<std::string> environment_;
  std::vector<FileStamp> files_;
  // A file modified just before it was stamped may be modified again within
  // the same file-system clock tick without its stamp changing (the "racy
  // git" problem), so such a stamp never counts as current.
  bool settled_ = true;
};

// While alive, note_file_read() on this thread adds to `stamp`.
class StampScope {
public:
  explicit StampScope(InputStamp &stamp);
  ~StampScope();
  StampScope(const StampScope &) = delete;
  StampScope &operator=(const StampScope &) = delete;

private:
  InputStamp *previous_;
};

// Called by every reader of a file that resolution depends on, before it
// reads (or finds missing) `path`.
void note_file_read(const std::string &path);

} // namespace rehost::detail

#endif
