//===- runtime_url.cpp - Fuzz the runtime's Redis URL reader --------------===//
//
// The input is REDIS_URL (up to its first NUL, as an environment variable
// cannot hold one); rehost::resolve reads it through parse_url
// (runtime/src/url.cpp) and types every value it sets (values.cpp).
// Properties: only ConfigError escapes, and neither its message nor a
// warning quotes a password: the URL is read a second time with every byte
// of its passwords replaced by a canary byte, which no message may hold.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include <rehost/rehost.hpp>

#include <cstdlib>
#include <string>
#include <vector>

namespace {

using rehost::fuzz::require;

constexpr char Canary = '\x01';

struct Span {
  size_t Begin, End;
};

/// Where a password is written in \p Url, read as parse_url reads it: the
/// user info ends at the authority's last '@' (a lone word is a password),
/// and ?password= / ?sentinel_password= in any case.
std::vector<Span> passwordSpans(std::string_view Url) {
  std::vector<Span> Out;
  size_t Separator = Url.find("://");
  if (Separator == std::string_view::npos)
    return Out;
  size_t Rest = Separator + 3;
  size_t Question = std::min(Url.find('?', Rest), Url.size());
  size_t AuthorityEnd = std::min(Url.find('/', Rest), Question);
  std::string_view Authority = Url.substr(Rest, AuthorityEnd - Rest);
  if (size_t At = Authority.rfind('@'); At != std::string_view::npos) {
    size_t Colon = Authority.substr(0, At).find(':');
    size_t Begin = Colon == std::string_view::npos ? 0 : Colon + 1;
    Out.push_back({Rest + Begin, Rest + At});
  }
  for (size_t Param = Question + 1; Param < Url.size();) {
    size_t End = std::min(Url.find('&', Param), Url.size());
    std::string_view Text = Url.substr(Param, End - Param);
    size_t Equals = Text.find('=');
    std::string Key(Text.substr(0, Equals));
    for (char &C : Key)
      C = static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
    // A percent-encoded key is canaried too: any "password" in it counts.
    if (Equals != std::string_view::npos &&
        Key.find("password") != std::string::npos)
      Out.push_back({Param + Equals + 1, End});
    Param = End + 1;
  }
  return Out;
}

/// Every message resolving \p Url produces: the error, or the warnings.
std::vector<std::string> messagesFor(const std::string &Url) {
  setenv("REDIS_URL", Url.c_str(), 1);
  try {
    return rehost::resolve("default").warnings;
  } catch (const rehost::ConfigError &Error) {
    return {Error.what()};
  }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  // Nothing but REDIS_URL and an empty rehost.toml may decide.
  rehost::fuzz::clearRehostEnvironment();
  static rehost::fuzz::ScratchFile EmptyConfig("runtime-url-config");
  rehost::fuzz::writeFile(EmptyConfig.path(), "");
  setenv("REHOST_CONFIG", EmptyConfig.path().c_str(), 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Url(rehost::fuzz::asText(Data, Size));
  Url = Url.substr(0, Url.find('\0'));
  messagesFor(Url);
  std::string Canaried = Url;
  std::vector<Span> Spans = passwordSpans(Url);
  // The canary must come from the passwords alone: not from the text, nor
  // from a %01 the reader decodes.
  if (Spans.empty() || Url.find(Canary) != std::string::npos ||
      Url.find("%01") != std::string::npos)
    return 0;
  for (Span S : Spans)
    for (size_t I = S.Begin; I < S.End; ++I)
      Canaried[I] = Canary;
  for (const std::string &Message : messagesFor(Canaried))
    require(Message.find(Canary) == std::string::npos,
            "no message about a URL quotes its password");
  return 0;
}
