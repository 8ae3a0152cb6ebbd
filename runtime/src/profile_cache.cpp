#include "profile_cache.hpp"

#include "inputs.hpp"
#include "resolver.hpp"

#include <mutex>
#include <unordered_map>

namespace rehost::detail {
namespace {

struct Entry {
  std::shared_ptr<const Profile> profile;
  InputStamp inputs;
};

// Call sites are the program's own literals, so the cache stays small; a
// program that builds fallbacks at run time cannot grow it without bound.
constexpr size_t max_entries = 256;

std::string cache_key(std::string_view name, const Layer &call_site) {
  std::string key(name);
  for (const auto &[setting, raw] : call_site) {
    key += '\0';
    key += setting;
    key += '=';
    key += raw.text;
    key += '\0';
    key += static_cast<char>(raw.origin.source);
    key += raw.origin.name;
  }
  return key;
}

class ProfileCache {
public:
  std::shared_ptr<const Profile> resolve(std::string_view name,
                                         const Layer &call_site) {
    std::string key = cache_key(name, call_site);
    std::shared_ptr<const Entry> entry = find(key);
    if (entry && entry->inputs.current())
      return entry->profile;
    auto fresh = std::make_shared<Entry>();
    {
      StampScope scope(fresh->inputs);
      fresh->profile =
          std::make_shared<const Profile>(resolve_profile(name, call_site));
    }
    store(std::move(key), fresh);
    return fresh->profile;
  }

  std::mutex &mutex() { return mutex_; }

private:
  std::shared_ptr<const Entry> find(const std::string &key) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second;
  }

  void store(std::string key, std::shared_ptr<const Entry> entry) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (entries_.size() >= max_entries)
      entries_.clear();
    entries_.insert_or_assign(std::move(key), std::move(entry));
  }

  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> entries_;
};

ProfileCache &cache() {
  // Never destroyed: pools and detached threads may resolve during exit.
  static ProfileCache *instance = new ProfileCache;
  return *instance;
}

} // namespace

std::shared_ptr<const Profile> resolve_cached(std::string_view name,
                                              const Layer &call_site) {
  return cache().resolve(name, call_site);
}

void lock_profile_cache() { cache().mutex().lock(); }
void unlock_profile_cache() { cache().mutex().unlock(); }

} // namespace rehost::detail
