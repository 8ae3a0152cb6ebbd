// Certificates for the TLS tests, made once per test process with the
// openssl command into a scratch directory: a CA, a server certificate for
// localhost and 127.0.0.1, one for another name, an expired one, a second
// CA, and a client certificate for mutual TLS.
#ifndef REHOST_TEST_TLS_CERTIFICATES_HPP
#define REHOST_TEST_TLS_CERTIFICATES_HPP

#include "scoped_env.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace rehost::test {

class TlsCertificates {
public:
  // Empty when the openssl command is missing or failed (why()).
  static const TlsCertificates &get() {
    static const TlsCertificates made;
    return made;
  }

  bool ok() const { return why_.empty(); }
  const std::string &why() const { return why_; }

  std::string path(const std::string &name) const {
    return (dir_.path() / name).string();
  }
  std::string ca() const { return path("ca.crt"); }
  std::string other_ca() const { return path("ca2.crt"); }
  // "server" (localhost, 127.0.0.1), "other" (other.example), "expired"
  // (localhost, 127.0.0.1, expired yesterday), "client".
  std::string cert(const std::string &name) const {
    return path(name + ".crt");
  }
  std::string key(const std::string &name) const { return path(name + ".key"); }

private:
  TlsCertificates() {
#ifdef REHOST_OPENSSL
    const std::string openssl = REHOST_OPENSSL;
    const std::string dir = dir_.path().string();
    dir_.write("localhost.ext", "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                                "extendedKeyUsage=serverAuth\n");
    dir_.write("other.ext", "subjectAltName=DNS:other.example\n"
                            "extendedKeyUsage=serverAuth\n");
    dir_.write("client.ext", "extendedKeyUsage=clientAuth\n");
    const std::string key_options =
        " -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
    auto ca = [&](const std::string &name, const std::string &cn) {
      return openssl + " req -x509" + key_options + " -keyout " + dir + "/" +
             name + ".key -out " + dir + "/" + name +
             ".crt -days 2 -subj '/CN=" + cn + "'";
    };
    // -days -1: not after is a day before not before, so already expired.
    auto leaf = [&](const std::string &name, const std::string &cn,
                    const std::string &ext, const std::string &days) {
      return openssl + " req" + key_options + " -keyout " + dir + "/" + name +
             ".key -out " + dir + "/" + name + ".csr -subj '/CN=" + cn +
             "' && " + openssl + " x509 -req -in " + dir + "/" + name +
             ".csr -CA " + dir + "/ca.crt -CAkey " + dir +
             "/ca.key -CAcreateserial -days " + days + " -extfile " + dir +
             "/" + ext + ".ext -out " + dir + "/" + name + ".crt";
    };
    const std::string script =
        "(" + ca("ca", "rehost test CA") + " && " +
        ca("ca2", "rehost other CA") + " && " +
        leaf("server", "localhost", "localhost", "2") + " && " +
        leaf("other", "other.example", "other", "2") + " && " +
        leaf("expired", "localhost", "localhost", "-1") + " && " +
        leaf("client", "rehost test client", "client", "2") +
        ") >/dev/null 2>&1";
    if (std::system(script.c_str()) != 0)
      why_ = "the openssl command could not make the test certificates";
#else
    why_ = "no openssl command was found at configure time";
#endif
  }

  TempDir dir_;
  std::string why_;
};

} // namespace rehost::test

#endif
