//===- Site.cpp - Facts about one place that sets a Redis endpoint --------===//

#include "rehost/Site.h"

#include "rehost/Uri.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ErrorHandling.h"

namespace rehost {
namespace {

bool isPresent(const Value &V) { return V.K != Value::Kind::Absent; }

std::string describe(const Value &V) {
  return V.isKnown() ? V.Text : std::string("<runtime>");
}

/// A constant that sets something: an empty password is no password.
bool isNonEmptyKnown(const Value &V) { return V.isKnown() && !V.Text.empty(); }

/// IPv6 literals are bracketed so the port stays unambiguous.
std::string bracketHost(const Value &Host) {
  std::string Text = describe(Host);
  if (Host.isKnown() && Text.find(':') != std::string::npos)
    return "[" + Text + "]";
  return Text;
}

/// "user:***@", "***@"-style user info; the password itself never appears.
std::string userInfo(const Endpoint &E) {
  if (!isPresent(E.User) && !isPresent(E.Password))
    return {};
  std::string Info = isPresent(E.User) ? describe(E.User) : "";
  if (isPresent(E.Password))
    Info += ":***";
  return Info + "@";
}

/// Where the endpoint points, with run-time parts shown as <runtime>.
std::string location(const Endpoint &E) {
  if (isPresent(E.UnixPath))
    return describe(E.UnixPath);
  if (isPresent(E.Nodes))
    return describe(E.Nodes);
  if (!isPresent(E.Host))
    return "<runtime>";
  std::string Out = bracketHost(E.Host);
  if (isPresent(E.Port))
    Out += ":" + describe(E.Port);
  if (isPresent(E.Db))
    Out += "/" + describe(E.Db);
  return Out;
}

} // namespace

Value *Endpoint::part(EndpointPart Part) {
  switch (Part) {
  case EndpointPart::None:
    return nullptr;
  case EndpointPart::Host:
    return &Host;
  case EndpointPart::Port:
    return &Port;
  case EndpointPart::UnixPath:
    return &UnixPath;
  case EndpointPart::Uri:
    return &Uri;
  case EndpointPart::Nodes:
    return &Nodes;
  case EndpointPart::Db:
    return &Db;
  case EndpointPart::User:
    return &User;
  case EndpointPart::Password:
    return &Password;
  }
  llvm_unreachable("unknown endpoint part");
}

const Value *Endpoint::part(EndpointPart Part) const {
  return const_cast<Endpoint *>(this)->part(Part);
}

std::string Endpoint::uri() const {
  if (isPresent(Uri))
    return Uri.isKnown() ? redactUri(Uri.Text) : std::string("<runtime>");
  std::string Scheme = isPresent(UnixPath) ? "unix://" : "redis://";
  return Scheme + userInfo(*this) + location(*this);
}

std::string Endpoint::address() const {
  if (!isFullyConstant())
    return {};
  if (isPresent(Uri))
    return normaliseUri(Uri.Text);
  std::string DbText = isPresent(Db) ? normaliseDb(Db.Text) : std::string();
  if (isPresent(UnixPath))
    return "unix://" + UnixPath.Text + (DbText.empty() ? "" : "?db=" + DbText);
  if (isPresent(Nodes))
    return "redis://" + llvm::join(splitNodes(Nodes.Text), ",");
  // Loopback aliases are one server: normaliseHost spells them as one.
  std::string Name = normaliseHost(Host.Text);
  if (Name.find(':') != std::string::npos)
    Name = "[" + Name + "]";
  return "redis://" + Name + ":" +
         (isPresent(Port) ? Port.Text : std::string("6379")) +
         (DbText.empty() ? "" : "/" + DbText);
}

bool Endpoint::isFullyConstant() const {
  for (const Value *Part : {&Host, &Port, &UnixPath, &Uri, &Nodes, &Db})
    if (isPresent(*Part) && !Part->isConstant())
      return false;
  return hasConstantAddress();
}

bool Endpoint::hasConstantAddress() const {
  if (Uri.isKnown() && !splitUri(Uri.Text).Host.empty())
    return true;
  if (Nodes.isKnown() && !splitNodes(Nodes.Text).empty())
    return true;
  return isNonEmptyKnown(Host) || isNonEmptyKnown(UnixPath);
}

bool Endpoint::hasConstantCredential() const {
  if (isNonEmptyKnown(User) || isNonEmptyKnown(Password))
    return true;
  if (!Uri.isKnown())
    return false;
  UriParts P = splitUri(Uri.Text);
  return !P.User.empty() || P.HasPassword;
}

std::vector<std::string> Endpoint::passwords() const {
  std::vector<std::string> Out;
  if (Password.isKnown() && !Password.Text.empty())
    Out.push_back(Password.Text);
  if (Uri.isKnown())
    for (llvm::StringRef Secret : splitUri(Uri.Text).Secrets)
      if (!Secret.empty())
        Out.push_back(Secret.str());
  return Out;
}

Endpoint Endpoint::withoutSecrets() const {
  Endpoint Out = *this;
  if (isNonEmptyKnown(Out.Password))
    Out.Password.Text = "***";
  if (Out.Uri.isKnown())
    Out.Uri.Text = redactUri(Out.Uri.Text);
  return Out;
}

std::string redactSecrets(llvm::StringRef Text,
                          llvm::ArrayRef<std::string> Secrets) {
  std::string Out = Text.str();
  for (const std::string &Secret : Secrets) {
    if (Secret.empty())
      continue;
    for (size_t At = Out.find(Secret); At != std::string::npos;
         At = Out.find(Secret, At + 3))
      Out.replace(At, Secret.size(), "***");
  }
  return Out;
}

void maskSecrets(SourceLine &Line, llvm::ArrayRef<std::string> Secrets,
                 std::vector<Anchor> &Spans) {
  for (const std::string &Secret : Secrets)
    for (size_t At = Line.Text.find(Secret);
         !Secret.empty() && At != std::string::npos;
         At = Line.Text.find(Secret, At + Secret.size())) {
      Line.Text.replace(At, Secret.size(), Secret.size(),
                        SourceLine::SecretMask);
      Anchor Span;
      Span.File = Line.File;
      Span.Offset = Line.Offset + At;
      Span.Length = Secret.size();
      Spans.push_back(std::move(Span));
    }
}

std::optional<Rule> ruleOf(const Endpoint &Target) {
  if (Target.hasConstantCredential())
    return Rule::HardcodedCredential;
  if (!Target.hasConstantAddress())
    return std::nullopt;
  return Target.isFullyConstant() ? Rule::HardcodedEndpoint
                                  : Rule::PartiallyHardcoded;
}

std::string checkName(Rule R) { return ("rehost-" + ruleId(R)).str(); }

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
