// rehost-doctor: provenance, redaction, reachability and exit codes.
#include "redis_server.hpp"
#include "scoped_env.hpp"
#include "test_support.hpp"

#include <cstdio>
#include <sys/wait.h>

using namespace rehost::test;

namespace {

struct DoctorRun {
  int status;
  std::string output;
};

DoctorRun doctor(const std::string &args) {
  std::string command = std::string(REHOST_DOCTOR) + " " + args + " 2>&1";
  FILE *pipe = popen(command.c_str(), "r");
  DoctorRun run{-1, ""};
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0)
    run.output.append(buffer, n);
  int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

TEST(Doctor, ShowsOriginsRedactsAndPings) {
  ScopedEnv env;
  RedisServer server({"--requirepass", secret});
  env.set("REDIS_URL", "redis://:" + secret + "@127.0.0.1:" +
                           std::to_string(server.port()) + "/1");
  env.set("REDIS_CLIENT_NAME", "doctor");
  DoctorRun run = doctor("");
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_EQ(run.output.find(secret), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("***"), std::string::npos);
  EXPECT_NE(run.output.find("env:REDIS_URL"), std::string::npos);
  EXPECT_NE(run.output.find("env:REDIS_CLIENT_NAME"), std::string::npos);
  EXPECT_NE(run.output.find("ping: "), std::string::npos);
  EXPECT_NE(run.output.find("role master"), std::string::npos) << run.output;

  DoctorRun json = doctor("--json default");
  EXPECT_EQ(json.status, 0) << json.output;
  EXPECT_EQ(json.output.find(secret), std::string::npos);
  EXPECT_NE(json.output.find("\"ok\":true"), std::string::npos);
  EXPECT_NE(json.output.find("\"password\":{\"value\":\"***\",\"origin\":"
                             "\"env:REDIS_URL\"}"),
            std::string::npos)
      << json.output;
}

TEST(Doctor, UnreachableAndMisconfiguredExitOne) {
  ScopedEnv env;
  env.set("REDIS_QUEUE_PORT", std::to_string(free_loopback_port()));
  env.set("REDIS_CACHE_PORT", "notaport");
  env.set("REDIS_CACHE_PASSWORD", secret);
  DoctorRun run = doctor("queue cache");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.output.find("unreachable: 127.0.0.1:"), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("REDIS_CACHE_PORT: port 'notaport' is not a "
                            "number"),
            std::string::npos);
  EXPECT_EQ(run.output.find(secret), std::string::npos);
  EXPECT_EQ(doctor("--bogus").status, 2);
}

// Values reach the JSON as raw bytes from the environment: invalid UTF-8 is
// replaced by U+FFFD, so the output is always valid JSON text.
TEST(Doctor, JsonIsValidUtf8WhateverTheEnvironmentHolds) {
  ScopedEnv env;
  env.set("REDIS_PORT", std::to_string(free_loopback_port()));
  env.set("REHOST_ENV", "st\xff\xc3"
                        "ag\xe2\x82ing\xed\xa0\x80-\xc3\xa9");
  DoctorRun run = doctor("--json default");
  EXPECT_NE(run.output.find("\"environment\":\"st\xEF\xBF\xBD\xEF\xBF\xBD"
                            "ag\xEF\xBF\xBD\xEF\xBF\xBDing"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("-\xc3\xa9\""), std::string::npos) << run.output;
  for (unsigned char c : run.output)
    EXPECT_TRUE(c != 0xff && c != 0xed) << run.output;
}

} // namespace

namespace {

// A rehost.toml with `body`, named by REHOST_CONFIG.
std::string use_config(ScopedEnv &env, TempDir &dir, const std::string &body) {
  std::string path = dir.write("rehost.toml", body);
  env.set("REHOST_CONFIG", path);
  return path;
}

TEST(Doctor, RecordedCallSiteIsTheCallSiteLayer) {
  ScopedEnv env;
  TempDir dir;
  RedisServer server;
  std::string path =
      use_config(env, dir,
                 "[profiles.default]\ncall_site = \"redis://127.0.0.1:" +
                     std::to_string(server.port()) + "/0\"\n");
  DoctorRun run = doctor("default");
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find(std::to_string(server.port()) + "  "),
            std::string::npos)
      << run.output;
  EXPECT_NE(
      run.output.find("call-site (recorded by rehost fix in " + path + ")"),
      std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("ping: "), std::string::npos) << run.output;
  EXPECT_EQ(run.output.find("cannot know"), std::string::npos);
  EXPECT_EQ(run.output.find("warning"), std::string::npos) << run.output;

  DoctorRun json = doctor("--json default");
  EXPECT_EQ(json.status, 0) << json.output;
  EXPECT_NE(json.output.find("\"port\":{\"value\":\"" +
                             std::to_string(server.port()) +
                             "\",\"origin\":\"call-site (recorded by rehost "
                             "fix in " +
                             path + ")\"}"),
            std::string::npos)
      << json.output;
  EXPECT_NE(json.output.find("\"endpoint_known\":true"), std::string::npos);

  // The program's own resolution ignores the key: its call site decides.
  rehost::Profile program = rehost::resolve("default");
  EXPECT_EQ(program.port.value, 6379);
  EXPECT_TRUE(program.warnings.empty());
  EXPECT_EQ(rehost::port("default", 6390), 6390);
}

TEST(Doctor, ConfigurationBeatsTheRecordedCallSite) {
  ScopedEnv env;
  TempDir dir;
  RedisServer server;
  use_config(env, dir,
             "[profiles.queue]\ncall_site = \"redis://10.255.255.1:1\"\n");
  env.set("REDIS_QUEUE_PORT", std::to_string(server.port()));
  env.set("REDIS_QUEUE_HOST", "127.0.0.1");
  DoctorRun run = doctor("queue");
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("env:REDIS_QUEUE_PORT"), std::string::npos);
}

TEST(Doctor, UnknownCallSiteIsSaidPlainly) {
  ScopedEnv env;
  TempDir dir;
  use_config(env, dir, "[profiles.default]\nclient_name = \"svc\"\n");
  DoctorRun run = doctor("default");
  EXPECT_NE(run.output.find("endpoint: the program's call site decides the "
                            "endpoint and the doctor cannot know it"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("as a guess"), std::string::npos);
  DoctorRun json = doctor("--json default");
  EXPECT_NE(json.output.find("\"endpoint_known\":false,\"endpoint_note\":"),
            std::string::npos)
      << json.output;
}

TEST(Doctor, MalformedCallSiteNamesFileAndKey) {
  ScopedEnv env;
  TempDir dir;
  std::string path = use_config(
      env, dir, "[profiles.default]\ncall_site = \"redis://h:notaport\"\n");
  expect_config_error("default",
                      path + ": profiles.default.call_site: port 'notaport' "
                             "is not a number");
  use_config(env, dir,
             "[profiles.default]\ncall_site = \"redis://:" + secret +
                 "@h:1\"\n");
  expect_config_error("default", path +
                                     ": profiles.default.call_site: must not "
                                     "carry credentials");
  use_config(env, dir, "[profiles.default]\ncall_site = 6379\n");
  expect_config_error("default",
                      path + ": profiles.default.call_site: expected a URL");
  DoctorRun run = doctor("default");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.output.find("profiles.default.call_site"), std::string::npos);
}

} // namespace
