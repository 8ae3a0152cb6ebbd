#!/usr/bin/env python3
"""Runs a command against throwaway password-protected redis-servers, then
checks what it wrote. For end-to-end tests of migrated programs.

Usage:
  with-redis.py [--servers N] [--acl-user NAME] [--timeout S]
                [--env NAME=TEMPLATE]... [--expect '[@N] DB KEY VALUE']...
                [--expect-empty] [--expect-fail] [--password TEXT] [--password2 TEXT]
                [--redis-server PATH] -- COMMAND [ARGS...]

Each server listens on a free port of 127.0.0.1 (and nowhere else) with
`--requirepass` set to a random password and no persistence. Templates in
--env (and in COMMAND's arguments) may name {port} and {password} of the
first server, {port2} and {password2} of the second (--servers 2). Without a
second server {password2} is still defined: --acl-user NAME creates the ACL
user NAME with it on the first server, so a test can log in as someone else.
--password and --password2 choose {password} and {password2} instead of
random ones (any bytes a test needs to see travel: '@', ':', spaces, ...).

The command runs with the REDIS_* and REHOST_* variables of the caller
removed and the --env ones set, so only the test says where Redis is.

Each --expect is checked afterwards, on server N (default 1), db DB: a
string key must hold VALUE; a list, set, hash or sorted set must have VALUE
elements; VALUE `(none)` means the key must not exist.

--expect-empty checks that no key exists anywhere: DBSIZE is 0 on every db
of every server (a program refused at its handshake must not have written in
db 0 or any other). --expect-fail turns the exit check around: the command
must exit non-zero (for a program that must refuse its configuration); a
command that runs out of time still fails the run.

--tls gives each server a TLS port too ({tls_port}, {tls_port2}; the plain
port stays for the checks), with a certificate for localhost and 127.0.0.1
signed by a CA made for the run ({tls_ca}: its certificate file), and
{tls_other_ca}, a CA that signed nothing the servers present. The files are
made with the openssl command.

Prints `with-redis: ok` when the command exited 0 (non-zero with
--expect-fail) and every check held, else
`with-redis: FAIL: ...` lines, and exits 1 (2 when the harness itself could
not start). The servers are always stopped, also when the command times out:
the whole run is bounded by --timeout (default 60 s).
"""
import argparse
import ctypes
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time

LOOPBACK = "127.0.0.1"
READY_TIMEOUT = 10.0


def say(message):
    sys.stdout.write(f"with-redis: {message}\n")
    sys.stdout.flush()


class HarnessError(Exception):
    """The harness could not do its own job (exit 2, not a test failure)."""


class ReplyError(Exception):
    """The server answered with an error reply."""


class Resp:
    """A minimal RESP2 client, so the checks depend on nothing but Python."""

    def __init__(self, port, timeout):
        self.sock = socket.create_connection((LOOPBACK, port), timeout=timeout)
        self.buffer = b""

    def close(self):
        self.sock.close()

    def call(self, *args):
        parts = [b"*%d\r\n" % len(args)]
        for arg in args:
            data = arg if isinstance(arg, bytes) else str(arg).encode()
            parts.append(b"$%d\r\n%s\r\n" % (len(data), data))
        self.sock.sendall(b"".join(parts))
        return self._read()

    def _line(self):
        while b"\r\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("the server closed the connection")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def _exactly(self, size):
        while len(self.buffer) < size + 2:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("the server closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:size], self.buffer[size + 2:]
        return data

    def _read(self):
        line = self._line()
        kind, rest = line[:1], line[1:]
        if kind == b"+":
            return rest.decode()
        if kind == b"-":
            raise ReplyError(rest.decode())
        if kind == b":":
            return int(rest)
        if kind == b"$":
            size = int(rest)
            return None if size < 0 else self._exactly(size).decode(errors="replace")
        if kind == b"*":
            size = int(rest)
            return None if size < 0 else [self._read() for _ in range(size)]
        raise ConnectionError(f"unexpected reply {line!r}")


def free_loopback_port():
    # redis-server refuses --port 0: ask the kernel for a free port instead.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def die_with_parent():
    # If this script is killed outright, the kernel stops its servers and the
    # command too.
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


class Server:
    def __init__(self, index, redis_server, workdir, password=None):
        self.index = index
        self.redis_server = redis_server
        self.workdir = workdir
        self.password = password or "pw-" + secrets.token_hex(12)
        self.port = None
        self.process = None
        self.log_path = os.path.join(workdir, f"redis-{index}.log")
        self.tls_files = None  # (cert, key, ca) for a TLS port (--tls)
        self.tls_port = None

    def start(self, deadline):
        for _ in range(5):
            self.port = free_loopback_port()
            with open(self.log_path, "w") as log:
                self.process = subprocess.Popen(
                    [self.redis_server, "--port", str(self.port), "--bind", LOOPBACK,
                     "--requirepass", self.password, "--save", "", "--appendonly", "no",
                     "--daemonize", "no", "--protected-mode", "yes", "--dir", self.workdir,
                     "--loglevel", "warning"] + self.tls_arguments(),
                    stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                    preexec_fn=die_with_parent)
            if self._wait_ready(min(deadline, time.monotonic() + READY_TIMEOUT)):
                return
            self.stop()  # most likely the port was taken meanwhile: try another
        raise HarnessError(f"redis-server {self.index} did not answer PING within "
                           f"{READY_TIMEOUT:.0f} s; its log:\n{self.log_tail()}")

    def tls_arguments(self):
        if not self.tls_files:
            return []
        self.tls_port = free_loopback_port()
        cert, key, ca = self.tls_files
        return ["--tls-port", str(self.tls_port), "--tls-cert-file", cert,
                "--tls-key-file", key, "--tls-ca-cert-file", ca, "--tls-auth-clients", "no"]

    def _wait_ready(self, deadline):
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                client = self.connect()
                try:
                    if client.call("PING") == "PONG":
                        return True
                finally:
                    client.close()
            except (OSError, ConnectionError, ReplyError):
                pass
            time.sleep(0.05)
        return False

    def connect(self):
        client = Resp(self.port, timeout=5)
        client.call("AUTH", self.password)
        return client

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.process = None

    def log_tail(self, lines=20):
        try:
            with open(self.log_path, errors="replace") as log:
                return "".join(log.readlines()[-lines:])
        except OSError:
            return "(no log)"


def parse_expectation(text):
    """'[@N] DB KEY VALUE' -> (server, db, key, value)."""
    words = text.split(None, 1)
    server = 1
    if words and words[0].startswith("@"):
        server = int(words[0][1:])
        text = words[1] if len(words) > 1 else ""
    parts = text.split(None, 2)
    if len(parts) != 3 or not parts[0].isdigit():
        raise HarnessError(f"--expect '{text}': give '[@N] DB KEY VALUE'")
    return server, int(parts[0]), parts[1], parts[2]


def stored_value(server, db, key):
    """What KEY holds in DB: a string's value, a collection's size, or None."""
    client = server.connect()
    try:
        client.call("SELECT", db)
        kind = client.call("TYPE", key)
        if kind == "none":
            return kind, None
        sizes = {"list": "LLEN", "set": "SCARD", "hash": "HLEN", "zset": "ZCARD"}
        if kind == "string":
            return kind, client.call("GET", key)
        if kind in sizes:
            return kind, str(client.call(sizes[kind], key))
        return kind, f"({kind})"
    finally:
        client.close()


def keyspace(server):
    client = server.connect()
    try:
        info = client.call("INFO", "keyspace")
    finally:
        client.close()
    entries = [line for line in info.splitlines() if line.startswith("db")]
    return ", ".join(entries) or "empty"


def nonempty_dbs(server):
    """(db, DBSIZE) for every db of the server that holds a key."""
    client = server.connect()
    try:
        databases = int(client.call("CONFIG", "GET", "databases")[1])
        found = []
        for db in range(databases):
            client.call("SELECT", db)
            size = client.call("DBSIZE")
            if size:
                found.append((db, size))
        return found
    finally:
        client.close()


def expand(template, values):
    try:
        return template.format(**values)
    except KeyError as missing:
        raise HarnessError(f"'{template}' names {{{missing.args[0]}}}, which is not defined "
                           f"here (known: {', '.join(sorted(values))})")
    except (IndexError, ValueError) as error:
        raise HarnessError(f"'{template}': {error}")


def create_acl_user(server, name, password):
    client = server.connect()
    try:
        try:
            client.call("ACL", "SETUSER", name, "on", ">" + password, "allkeys", "allchannels",
                        "allcommands")
        except ReplyError:  # before Redis 6.2 there are no channel rules
            client.call("ACL", "SETUSER", name, "on", ">" + password, "allkeys", "allcommands")
    finally:
        client.close()


def make_tls_files(workdir):
    """A CA, a server certificate for localhost and 127.0.0.1 that it signed,
    and a second CA: {tls_ca}, the server's (cert, key), {tls_other_ca}."""
    def path(name):
        return os.path.join(workdir, name)

    key_options = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    with open(path("server.ext"), "w") as ext:
        ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    steps = [
        ["req", "-x509", *key_options, "-keyout", path("ca.key"), "-out", path("ca.crt"),
         "-days", "2", "-subj", "/CN=with-redis CA"],
        ["req", "-x509", *key_options, "-keyout", path("ca2.key"), "-out", path("ca2.crt"),
         "-days", "2", "-subj", "/CN=with-redis other CA"],
        ["req", *key_options, "-keyout", path("server.key"), "-out", path("server.csr"),
         "-subj", "/CN=localhost"],
        ["x509", "-req", "-in", path("server.csr"), "-CA", path("ca.crt"), "-CAkey",
         path("ca.key"), "-CAcreateserial", "-days", "2", "-extfile", path("server.ext"),
         "-out", path("server.crt")],
    ]
    for step in steps:
        try:
            done = subprocess.run(["openssl", *step], stdin=subprocess.DEVNULL,
                                  capture_output=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise HarnessError(f"openssl {step[0]}: {error}")
        if done.returncode != 0:
            raise HarnessError(f"openssl {step[0]} failed: "
                               f"{done.stderr.decode(errors='replace')}")
    return (path("server.crt"), path("server.key"), path("ca.crt")), path("ca2.crt")


def run_command(command, env, deadline):
    """The command's exit code, or None when it ran out of time."""
    sys.stdout.flush()
    try:
        process = subprocess.Popen(command, env=env, start_new_session=True,
                                   preexec_fn=die_with_parent)
    except OSError as error:
        raise HarnessError(f"cannot run '{command[0]}': {error}")
    try:
        return process.wait(timeout=max(0.1, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        return None
    finally:
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--servers", type=int, default=1, choices=[1, 2])
    parser.add_argument("--acl-user", metavar="NAME",
                        help="create ACL user NAME with {password2} on the first server")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=TEMPLATE")
    parser.add_argument("--expect", action="append", default=[], metavar="'[@N] DB KEY VALUE'")
    parser.add_argument("--password", metavar="TEXT", help="{password}: server 1's password")
    parser.add_argument("--password2", metavar="TEXT",
                        help="{password2}: server 2's or the ACL user's password")
    parser.add_argument("--expect-empty", action="store_true",
                        help="every db of every server must hold no key afterwards")
    parser.add_argument("--expect-fail", action="store_true",
                        help="the command must exit non-zero")
    parser.add_argument("--timeout", type=float, default=60.0, help="bound of the whole run, in s")
    parser.add_argument("--redis-server", default="redis-server")
    parser.add_argument("--tls", action="store_true",
                        help="also a TLS port per server ({tls_port}, {tls_ca}, "
                             "{tls_other_ca})")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given (put it after --)")
    expectations = [parse_expectation(text) for text in args.expect]
    for server, _, _, _ in expectations:
        if not 1 <= server <= args.servers:
            raise HarnessError(f"--expect names server @{server}; there are {args.servers}")

    deadline = time.monotonic() + args.timeout
    servers = []
    with tempfile.TemporaryDirectory(prefix="with-redis-") as workdir:
        try:
            tls_files, tls_other_ca = make_tls_files(workdir) if args.tls else (None, None)
            for index in range(1, args.servers + 1):
                chosen = args.password if index == 1 else args.password2
                server = Server(index, args.redis_server, workdir, chosen)
                server.tls_files = tls_files
                servers.append(server)
                server.start(deadline)
                say(f"server {index} on {LOOPBACK}:{server.port}" +
                    (f", TLS on {server.tls_port}" if server.tls_port else ""))
            values = {"port": servers[0].port, "password": servers[0].password,
                      "password2": args.password2 or "pw2-" + secrets.token_hex(12)}
            if args.servers == 2:
                values.update(port2=servers[1].port, password2=servers[1].password)
            if args.tls:
                values.update(tls_port=servers[0].tls_port, tls_ca=tls_files[2],
                              tls_other_ca=tls_other_ca)
                if args.servers == 2:
                    values.update(tls_port2=servers[1].tls_port)
            if args.acl_user:
                create_acl_user(servers[0], args.acl_user, values["password2"])

            env = {name: value for name, value in os.environ.items()
                   if not name.startswith(("REDIS_", "REHOST_"))}
            for assignment in args.env:
                name, equals, template = assignment.partition("=")
                if not equals or not name:
                    raise HarnessError(f"--env '{assignment}': give NAME=TEMPLATE")
                env[name] = expand(template, values)
            command = [expand(word, values) for word in command]

            failures = []
            code = run_command(command, env, deadline)
            if code is None:
                failures.append(f"'{command[0]}' did not finish within {args.timeout:g} s "
                                f"(killed)")
            elif args.expect_fail and code == 0:
                failures.append(f"'{command[0]}' exited with 0, expected a failure")
            elif args.expect_fail:
                say(f"'{command[0]}' exited with {code}, as expected")
            elif code != 0:
                failures.append(f"'{command[0]}' exited with {code}")

            if args.expect_empty:
                for server in servers:
                    try:
                        found = nonempty_dbs(server)
                    except (OSError, ConnectionError, ReplyError) as error:
                        failures.append(f"server {server.index}: cannot check it is empty: {error}")
                        continue
                    for db, size in found:
                        failures.append(f"server {server.index} db {db} holds {size} key(s), "
                                        f"expected none")
                    if not found:
                        say(f"server {server.index} is empty (every db)")

            for index, db, key, wanted in expectations:
                try:
                    kind, value = stored_value(servers[index - 1], db, key)
                except (OSError, ConnectionError, ReplyError) as error:
                    failures.append(f"server {index} db {db} {key}: cannot check: {error}")
                    continue
                shown = "(none)" if value is None else value
                if shown == wanted:
                    say(f"server {index} db {db} {key} = {shown}")
                else:
                    failures.append(f"server {index} db {db} {key}: {kind} {shown}, "
                                    f"expected {wanted}")

            if failures:
                for failure in failures:
                    say("FAIL: " + failure)
                for server in servers:
                    try:
                        say(f"server {server.index} keyspace: {keyspace(server)}")
                    except (OSError, ConnectionError, ReplyError) as error:
                        say(f"server {server.index} keyspace: unavailable ({error})")
                return 1
            say("ok")
            return 0
        finally:
            for server in servers:
                server.stop()
            if servers:
                say(f"stopped {len(servers)} server(s)")


def on_signal(number, _frame):
    raise SystemExit(128 + number)


if __name__ == "__main__":
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(number, on_signal)
    try:
        sys.exit(main())
    except HarnessError as error:
        say(f"FAIL: harness: {error}")
        sys.exit(2)
