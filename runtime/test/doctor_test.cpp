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
