//===- Site.cpp - Facts about one place that sets a Redis endpoint --------===//

#include "rehost/Site.h"

#include "llvm/Support/ErrorHandling.h"

namespace rehost {
namespace {

std::string describe(const Value &V) {
  return V.isKnown() ? V.Text : std::string("<runtime>");
}

} // namespace

std::string Endpoint::uri() const {
  if (UnixPath.K != Value::Kind::Absent)
    return "unix://" + describe(UnixPath);
  std::string HostText = describe(Host);
  // IPv6 literals are bracketed so the port stays unambiguous.
  if (Host.isKnown() && HostText.find(':') != std::string::npos)
    HostText = "[" + HostText + "]";
  return "redis://" + HostText + ":" + describe(Port);
}

bool Endpoint::isFullyConstant() const {
  for (const Value *Part : {&Host, &Port, &UnixPath})
    if (Part->K != Value::Kind::Absent && !Part->isConstant())
      return false;
  return hasConstantAddress();
}

bool Endpoint::hasConstantAddress() const {
  return Host.isKnown() || UnixPath.isKnown();
}

llvm::StringRef ruleId(Rule R) {
  switch (R) {
  case Rule::HardcodedEndpoint:
    return "hardcoded-endpoint";
  case Rule::HardcodedCredential:
    return "hardcoded-credential";
  case Rule::PartiallyHardcoded:
    return "partially-hardcoded";
  }
  llvm_unreachable("unknown rule");
}

} // namespace rehost
