// Test helpers that change process state and put it back.
#ifndef REHOST_TEST_SCOPED_ENV_HPP
#define REHOST_TEST_SCOPED_ENV_HPP

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

extern char **environ;

namespace rehost::test {

// Clears every REDIS_*, REHOST_* and KUBERNETES_* variable so tests do not
// see the machine's settings; restores all of them on destruction.
class ScopedEnv {
public:
  ScopedEnv() {
    for (char **entry = environ; *entry; ++entry) {
      std::string pair = *entry;
      std::string name = pair.substr(0, pair.find('='));
      if (name.rfind("REDIS_", 0) == 0 || name.rfind("REHOST_", 0) == 0 ||
          name.rfind("KUBERNETES_", 0) == 0)
        saved_[name] = pair.substr(pair.find('=') + 1);
    }
    for (const auto &[name, value] : saved_)
      unsetenv(name.c_str());
  }
  ~ScopedEnv() {
    for (const std::string &name : touched_)
      unsetenv(name.c_str());
    for (const auto &[name, value] : saved_)
      setenv(name.c_str(), value.c_str(), 1);
  }
  ScopedEnv(const ScopedEnv &) = delete;
  ScopedEnv &operator=(const ScopedEnv &) = delete;

  void set(const std::string &name, const std::string &value) {
    touched_.push_back(name);
    setenv(name.c_str(), value.c_str(), 1);
  }

private:
  std::map<std::string, std::string> saved_;
  std::vector<std::string> touched_;
};

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "rehost-test-XXXXXX")
            .string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;

  const std::filesystem::path &path() const { return path_; }

  std::string write(const std::string &name, const std::string &contents) {
    std::filesystem::path file = path_ / name;
    std::ofstream(file) << contents;
    return file.string();
  }

private:
  std::filesystem::path path_;
};

// Changes the working directory for one test.
class ScopedCwd {
public:
  explicit ScopedCwd(const std::filesystem::path &dir)
      : saved_(std::filesystem::current_path()) {
    std::filesystem::current_path(dir);
  }
  ~ScopedCwd() { std::filesystem::current_path(saved_); }
  ScopedCwd(const ScopedCwd &) = delete;
  ScopedCwd &operator=(const ScopedCwd &) = delete;

private:
  std::filesystem::path saved_;
};

} // namespace rehost::test

#endif
