# lit configuration for rehost's tool tests (configured via lit.site.cfg.py).
import hashlib
import os
import re
import shlex
import tempfile

import lit.formats

config.name = "rehost"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "unit", "utils", "fakes", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
# Outputs live outside the build tree: its compile_commands.json would
# otherwise be found upward from every test's temporary files.
config.test_exec_root = os.path.join(
    tempfile.gettempdir(), "rehost-lit-" + hashlib.sha1(config.rehost_obj_root.encode()).hexdigest()[:12])
# ctest runs one lit per test file, several at once, and each lit rewrites a
# timing file (.lit_test_times.txt) in its exec root that the others read
# while it is half written: each ctest entry gets an exec root of its own.
if lit_config.params.get("rehost_unit"):
    config.test_exec_root = os.path.join(
        config.test_exec_root,
        "t-" + hashlib.sha1(lit_config.params["rehost_unit"].encode()).hexdigest()[:10])

# Keep the environment small and predictable.
config.environment["PATH"] = os.pathsep.join(
    [os.path.dirname(config.rehost_path), config.llvm_tools_dir, config.environment.get("PATH", "")])
config.environment["LC_ALL"] = "C"


def tool(name, path):
    # A whole word that is not part of a path or an option value.
    return (r"(?<![\w/.=-])" + re.escape(name) + r"(?![\w/.-])", path)


config.substitutions.append(("%rehost-doctor", os.path.join(os.path.dirname(config.rehost_path), "rehost-doctor")))
config.substitutions.append(("%rehost", config.rehost_path))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
config.substitutions.append(("%python", config.python_executable))
# %docs-url: the published docs/ the reports link to; %docs: this tree's.
config.substitutions.append(("%docs-url", config.docs_url))
config.substitutions.append(("%docs", os.path.join(config.rehost_src_root, "docs")))
# Rewritten code must still compile: %clang-syntax checks it against the
# runtime's headers.
config.substitutions.append(
    ("%clang-syntax", config.clang_path + " -fsyntax-only -Werror=implicit-function-declaration -I" + config.runtime_include))
# The runtime's headers, for fix --verify --runtime-include (the build tree's
# rehost has no installed runtime beside it).
config.substitutions.append(("%runtime-include", config.runtime_include))
# %expect-exit N CMD: succeeds only when CMD exits with N (0, 1 or 2 for rehost).
config.substitutions.append(
    ("%expect-exit", config.python_executable + " " + os.path.join(config.test_source_root, "utils", "expect-exit.py")))
# %env-equivalence ARGS: test/utils/env-equivalence.py with this build's
# rehost-doctor: the runtime given only what `rehost env` wrote resolves what
# it resolves from the config file in the environment the output follows.
config.substitutions.append(
    ("%env-equivalence", " ".join([config.python_executable, os.path.join(config.test_source_root, "utils", "env-equivalence.py"),
                                   "--doctor", os.path.join(os.path.dirname(config.rehost_path), "rehost-doctor")])))
# %hold-lock LOCKFILE NAME -- CMD: CMD run while the project lock LOCKFILE is
# held, as by a running `rehost NAME` (utils/hold-lock.py).
config.substitutions.append(
    ("%hold-lock", config.python_executable + " " + os.path.join(config.test_source_root, "utils", "hold-lock.py")))
# %fsize-limit BYTES CMD: CMD unable to write a file past BYTES, as on a full
# disk (utils/fsize-limit.py).
config.substitutions.append(
    ("%fsize-limit", config.python_executable + " " + os.path.join(config.test_source_root, "utils", "fsize-limit.py")))
# %validate-sarif LOG...: each SARIF log checked against the vendored SARIF
# 2.1.0 schema (Inputs/sarif, with its NOTICE), "LOG: valid" or each violation.
config.substitutions.append(
    ("%validate-sarif", " ".join([config.python_executable, os.path.join(config.test_source_root, "utils", "validate-sarif.py"),
                                  os.path.join(config.test_source_root, "Inputs", "sarif", "sarif-schema-2.1.0.json")])))
# %strip-checks SRC [DST]: SRC with its FileCheck check comments emptied (the
# `//` stays, so line numbers do too), written to DST (default: in place).
# Every test that FileChecks rewritten source runs the tool on such a copy:
# a check left in the copy would match itself (test/README.md).
config.substitutions.append(
    ("%strip-checks", config.python_executable + " " + os.path.join(config.test_source_root, "utils", "strip-checks.py")))
# --param rehost_record=DIR (test/utils/mutation-check.py): %strip-checks and
# every FileCheck record their text in DIR, for the mutation check to replay.
record_dir = lit_config.params.get("rehost_record")
if record_dir:
    config.environment["REHOST_CHECK_RECORD"] = record_dir
    config.substitutions.append(tool("FileCheck", " ".join([
        config.python_executable, os.path.join(config.test_source_root, "utils", "filecheck-record.py"),
        config.filecheck_path])))
else:
    config.substitutions.append(tool("FileCheck", config.filecheck_path))
config.substitutions.append(tool("not", config.not_path))
config.substitutions.append(tool("split-file", config.split_file_path))
config.substitutions.append(
    tool("clang-apply-replacements", os.path.join(config.llvm_tools_dir, "clang-apply-replacements")))

# End-to-end: build a migrated program and run it against a real redis-server.
#   %e2e-cc / %e2e-cxx / %e2e-cc-cluster / %e2e-cc-valkey / %e2e-cxx-rpp /
#   %e2e-cxx-cppredis ARGS...:
#     compile and link ARGS (sources, -o, -std) against the runtime of this
#     build tree (rpath, so it runs uninstalled) and hiredis; the others also
#     with the stand-in headers of test/Inputs and the fake hiredis-cluster,
#     libvalkey, redis-plus-plus or cpp_redis of test/e2e/fakes. -Wno-comment: the
#     programs are the test files, whose RUN lines end in backslashes.
#   %with-redis [OPTIONS] -- CMD: test/utils/with-redis.py with this build's
#     redis-server (REQUIRES: redis-server).
#   %e2e-cc-hiredict ARGS...: the same against hiredict (hiredis 1.x, as
#     `make deps` unpacks it): its headers, its library and the runtime built
#     against it (REQUIRES: hiredict).
#   %e2e-cc-hiredict-on-0.14 ARGS...: hiredict's headers and library, but
#     this tree's runtime, built against hiredis 0.14: two generations in one
#     program, which the runtime's headers must refuse clearly.
#   %hiredict-include: hiredict's include directory (its hiredis/ shims).
#   %e2e-cc-valkey-tls ARGS...: libvalkey code with <valkey/tls.h>, against
#     the fake libvalkey built over hiredict and its hiredis_ssl (where
#     valkeyInitiateTLS is) and the runtime built with TLS (REQUIRES: hiredict).
def e2e_build(compiler, flags, libraries, hiredis_root=None, hiredis_libraries=None, runtime_library=None):
    hiredis_root = hiredis_root or config.e2e_hiredis_root
    hiredis_libraries = hiredis_libraries or config.e2e_hiredis_libraries
    runtime_library = runtime_library or config.e2e_runtime_library
    runtime_dir = os.path.dirname(runtime_library)
    command = [config.python_executable, os.path.join(config.test_source_root, "utils", "e2e-build.py"),
               compiler, "-I" + config.runtime_include, "-I" + hiredis_root] + flags
    command += config.e2e_sanitize_flags
    command += ["--link"] + libraries + [runtime_library, "-Wl,-rpath," + runtime_dir]
    command += hiredis_libraries + ["--"]
    return " ".join(shlex.quote(part) for part in command)


inputs = os.path.join(config.test_source_root, "Inputs")
config.substitutions.insert(0, ("%e2e-cc", e2e_build(
    config.e2e_cc, ["-Wall", "-Wno-comment", "-Werror=implicit-function-declaration"], [])))
config.substitutions.insert(0, ("%e2e-cxx", e2e_build(
    config.e2e_cxx, ["-Wall", "-Wno-comment"], [])))
config.substitutions.insert(0, ("%e2e-cc-cluster", e2e_build(
    config.e2e_cc, ["-Wall", "-Wno-comment", "-Werror=implicit-function-declaration",
                    "-I" + os.path.join(inputs, "hiredis-cluster")], [config.e2e_hiredis_cluster_fake])))
config.substitutions.insert(0, ("%e2e-cc-valkey", e2e_build(
    config.e2e_cc, ["-Wall", "-Wno-comment", "-Werror=implicit-function-declaration",
                    "-I" + os.path.join(inputs, "libvalkey")], [config.e2e_libvalkey_fake])))
config.substitutions.insert(0, ("%e2e-cxx-rpp", e2e_build(
    config.e2e_cxx, ["-Wall", "-Wno-comment", "-I" + inputs], [config.e2e_redis_plus_plus_fake])))
config.substitutions.insert(0, ("%e2e-cxx-cppredis", e2e_build(
    config.e2e_cxx, ["-Wall", "-Wno-comment", "-pthread", "-I" + inputs], [config.e2e_cpp_redis_fake, "-pthread"])))
if config.hiredict_include:
    config.available_features.add("hiredict")
    c_flags = ["-Wall", "-Wno-comment", "-Werror=implicit-function-declaration"]
    hiredict_libraries = [config.hiredict_library,
                          "-Wl,-rpath," + os.path.dirname(config.hiredict_library)]
    config.substitutions.insert(0, ("%e2e-cc-hiredict", e2e_build(
        config.e2e_cc, c_flags, [], config.hiredict_include, hiredict_libraries,
        config.hiredict_runtime_library)))
    config.substitutions.insert(0, ("%e2e-cc-hiredict-on-0.14", e2e_build(
        config.e2e_cc, c_flags, [], config.hiredict_include, hiredict_libraries)))
    config.substitutions.append(("%hiredict-include", config.hiredict_include))
    config.substitutions.insert(0, ("%e2e-cc-valkey-tls", e2e_build(
        config.e2e_cc, c_flags + ["-I" + os.path.join(inputs, "libvalkey")],
        [config.e2e_libvalkey_tls_fake], config.hiredict_include,
        hiredict_libraries + [config.hiredict_ssl_library], config.hiredict_runtime_library)))
config.substitutions.insert(0, ("%with-redis", " ".join(shlex.quote(part) for part in [
    config.python_executable, os.path.join(config.test_source_root, "utils", "with-redis.py"),
    "--redis-server", config.redis_server or "redis-server"])))
if config.redis_server:
    config.available_features.add("redis-server")
