//===- tool_uri.cpp - Fuzz the tool's URI reader and redaction ------------===//
//
// splitUri, redactUri and normaliseUri (lib/analysis/Uri.cpp) on any text.
// Properties: the password splitUri extracts is one of the secrets redaction
// hides, and no output quotes a secret. For the latter the secrets are
// replaced by canary bytes (positions kept), and the canaried text read
// again: where it splits the same way, no redacted or normalised form and
// no error message may hold a canary byte.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "rehost/Uri.h"

#include "llvm/ADT/STLExtras.h"

#include <string>

namespace {

using rehost::fuzz::require;

constexpr char Canary = '\x01';

/// Offsets of \p Parts' secrets in \p Uri, the text they were split from.
std::vector<std::pair<size_t, size_t>> secretSpans(const rehost::UriParts &Parts,
                                                   llvm::StringRef Uri) {
  std::vector<std::pair<size_t, size_t>> Out;
  for (llvm::StringRef Secret : Parts.Secrets)
    Out.push_back({Secret.data() - Uri.data(), Secret.size()});
  llvm::sort(Out);
  return Out;
}

bool holdsCanary(llvm::StringRef Text) {
  return Text.find(Canary) != llvm::StringRef::npos;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Uri(reinterpret_cast<const char *>(Data), Size);
  rehost::UriParts Parts = rehost::splitUri(Uri);
  require(Parts.HasPassword == !Parts.Secrets.empty(),
          "HasPassword says whether a secret is written");
  require(Parts.Password.empty() ||
              llvm::any_of(Parts.Secrets,
                           [&](llvm::StringRef S) {
                             return S.data() == Parts.Password.data() &&
                                    S.size() == Parts.Password.size();
                           }),
          "the password the runtime would send is a secret redaction hides");
  rehost::redactUri(Uri);
  rehost::normaliseUri(Uri);
  rehost::percentDecode(Uri);
  rehost::splitNodes(Uri);

  // The canary must come from the secrets alone: not from the text, nor
  // from a %01 the readers decode.
  if (Parts.Secrets.empty() || holdsCanary(rehost::percentDecode(Uri)))
    return 0;
  std::string Canaried = Uri.str();
  auto Spans = secretSpans(Parts, Uri);
  for (auto [Begin, Length] : Spans)
    Canaried.replace(Begin, Length, Length, Canary);
  rehost::UriParts Again = rehost::splitUri(Canaried);
  if (secretSpans(Again, Canaried) != Spans)
    return 0; // A canary changed how the text splits (a '%' replaced).
  require(!holdsCanary(rehost::redactUri(Canaried)),
          "a redacted URI holds none of its passwords");
  require(!holdsCanary(rehost::normaliseUri(Canaried)),
          "a normalised URI holds none of its passwords");
  require(!holdsCanary(Again.Error), "an error quotes none of the passwords");
  return 0;
}
