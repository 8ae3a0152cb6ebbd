//===- EnvWriter.h - What the deployment must set, from rehost.toml -------===//
//
// After `rehost fix`, the code resolves its profiles from REDIS_URL,
// REDIS_QUEUE_URL, ... but nothing in the deployment sets them yet.
// `rehost env` reads the runtime's rehost.toml and writes, for every
// profile, the variables the runtime reads for it, as a dotenv file, a
// Kubernetes ConfigMap plus a Secret stub, or a compose `environment:`
// block. Each URL is what the runtime itself resolves from the file in the
// deployment's environment (its [environments.NAME] overlay, the recorded
// call site), without a password, so setting it changes nothing until it is
// edited; a password is never written, not even one found in rehost.toml.
// Reading (readEnvProfiles) and rendering (renderEnv) are separate, so the
// rendering is a pure function of plain data.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_ENVWRITER_H
#define REHOST_ENVWRITER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace rehost {

enum class EnvFormat { Dotenv, Kubernetes, Compose };

/// "dotenv", "k8s" or "compose"; anything else is an error that lists them.
llvm::Expected<EnvFormat> parseEnvFormat(llvm::StringRef Name);

/// The deployment environment whose overlay a format's output follows, as
/// the runtime detects it where that format is used: "kubernetes" (k8s: a
/// pod has KUBERNETES_SERVICE_HOST), "container" (compose: /.dockerenv), and
/// none for dotenv ("", the base profiles alone).
llvm::StringRef formatEnvironment(EnvFormat Format);

/// One profile of rehost.toml, as the deployment needs to know it.
struct EnvProfile {
  std::string Name;
  /// The endpoint the runtime resolves from the file (rehost::endpoint_url:
  /// redis://host:port/db, rediss://…, unix:///path[?db=N],
  /// redis+sentinel://…, with ?username= for an ACL user, never a password),
  /// or a node list redis://h1:p1,h2:p2, or an older rehost's comment's
  /// address. Empty when rehost.toml does not say it.
  std::string Address;
  /// The tables the keys were read from, strongest first
  /// ("environments.kubernetes.profiles.queue", "profiles.queue").
  std::vector<std::string> Tables;
  /// Where Address was read, strongest first: the keys the runtime reads
  /// (url, host/port/db, socket, cluster_nodes), the `call_site` key `fix`
  /// writes, or the "fallback in code" comment above the table.
  enum class Origin {
    None,
    Keys,
    CallSite,
    Comment
  } AddressFrom = Origin::None;
  /// Settings the file gives that the URL written does not carry, as the
  /// part of their variable and the value ({"DB", "3"}, {"USERNAME", "app"},
  /// {"TLS", "true"}): a cluster's (its node list has a variable of its
  /// own), or a profile whose URL is not written from them (the code's call
  /// site decides its endpoint, or the URL is in a file).
  std::vector<std::pair<std::string, std::string>> Settings;
  /// The file's keys that name a file the service reads (url_file,
  /// password_file, sentinel_password_file), as the part of their _FILE
  /// variable and the path ({"URL_FILE", "/run/secrets/queue-url"}):
  /// rehost cannot read the file, and a value written instead would
  /// override it where the service runs.
  std::vector<std::pair<std::string, std::string>> Files;
  /// `fix` took a password (an ACL user name) out of the code for this
  /// profile: the comment it wrote above the table says so.
  bool CodeHadPassword = false;
  bool CodeHadUser = false;
};

/// What readEnvProfiles found.
struct EnvInput {
  /// Sorted by name, "default" first (as in the fix report): the base
  /// profiles and those the environment's overlay adds.
  std::vector<EnvProfile> Profiles;
  /// Secrets written literally in the file, which are not copied: each
  /// message names the file, line and key and says where the secret goes
  /// instead; none quotes it.
  std::vector<std::string> Warnings;
  /// The NAMEs of the file's [environments.NAME] tables, sorted.
  std::vector<std::string> Environments;
};

/// Reads the runtime's config file \p Path for deployment environment
/// \p Environment ("" for none), each profile resolved by the runtime's own
/// code (rehost::resolve_from_config_file). A file that does not exist or
/// cannot be read, is not valid TOML (path:line:column), has a profile name
/// or a value the runtime refuses, is an error naming the file.
llvm::Expected<EnvInput> readEnvProfiles(llvm::StringRef Path,
                                         llvm::StringRef Environment = "");

/// True when \p Name is a DNS-1123 subdomain (what Kubernetes accepts as a
/// ConfigMap's or Secret's name): at most 253 characters, dot-separated
/// labels of lower-case letters, digits and '-', starting and ending with a
/// letter or digit. The error says which rule \p Name breaks.
llvm::Error checkKubernetesName(llvm::StringRef Name);

struct EnvOptions {
  EnvFormat Format = EnvFormat::Dotenv;
  /// The ConfigMap's and the Secret's name (k8s), the service's (compose).
  std::string Name = "rehost";
  /// The file the profiles came from, named in the header comment.
  std::string Source = "rehost.toml";
  /// The environment whose overlay was followed ("" for none), named there.
  std::string Environment;
};

/// The variables that set profile \p P's endpoint, in the order written:
/// its URL variable (its CLUSTER_NODES variable for a node list).
std::string endpointVariable(const EnvProfile &P);

/// The value written for endpointVariable(P): the address as a URL with the
/// db spelled out (redis://host:port/0), the node list as host:port,…; empty
/// when the address is unknown.
std::string endpointValue(const EnvProfile &P);

/// Every variable written for \p P that holds no secret, in the order
/// written, with its value: its endpoint variable (its URL_FILE variable
/// instead when the file reads the URL from a file), its Settings, then its
/// other Files (PASSWORD_FILE: a path is no secret).
std::vector<std::pair<std::string, std::string>>
settingVariables(const EnvProfile &P);

/// The secret variables of \p P, in the order written: its USERNAME variable
/// when the code had a user name that the file does not give (its URL has
/// no ?username=, no username setting), then its PASSWORD variable unless a
/// password_file gives it. Every other profile gets a password variable: a
/// server that had none on a laptop usually has one in production, and an
/// empty value counts as unset in the runtime.
std::vector<std::string> secretVariables(const EnvProfile &P);

/// The deployment settings for \p Profiles in \p Options.Format. The same
/// input always gives the same text. Never contains a secret value: secret
/// variables are empty (dotenv, k8s) or read from the shell (compose).
std::string renderEnv(llvm::ArrayRef<EnvProfile> Profiles,
                      const EnvOptions &Options);

} // namespace rehost

#endif // REHOST_ENVWRITER_H
