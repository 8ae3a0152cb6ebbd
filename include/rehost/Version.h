//===- Version.h - The version reports and --version print ----------------===//

#ifndef REHOST_VERSION_H
#define REHOST_VERSION_H

namespace rehost {
inline constexpr const char *Version = "0.1.0";
} // namespace rehost

#endif // REHOST_VERSION_H
