// The call site's original arguments as the lowest-priority source.
#ifndef REHOST_SRC_CALL_SITE_HPP
#define REHOST_SRC_CALL_SITE_HPP

#include "layer.hpp"

#include <initializer_list>
#include <string_view>
#include <utility>

struct timeval;

namespace rehost::detail {

// Entries whose text is NULL or empty are left out: "no fallback".
Layer call_site(
    std::initializer_list<std::pair<std::string_view, const char *>> entries);
Layer call_site_tcp(const char *host, int port);
Layer call_site_unix(const char *path);
// A zero timeval means no fallback timeout.
void add_connect_timeout(Layer &layer, const timeval &tv);
// The settings a URI fallback spells (any accepted URL form).
Layer call_site_uri(const char *uri);
// The settings a client adapter passes (rehost::configure, connect).
Layer call_site_of(const CallSite &site);

} // namespace rehost::detail

#endif
