//===- ConstantEvaluatorTest.cpp ------------------------------------------===//

#include "rehost/ConstantEvaluator.h"
#include "rehost/Toolchain.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"

#include <gtest/gtest.h>

using namespace clang;
using namespace clang::ast_matchers;
using rehost::Value;

namespace {

enum class Lang { C, Cxx };

/// Evaluates the first argument of the last call to `sink` in \p Code.
Value evaluateSinkArgument(llvm::StringRef Code, Lang L) {
  std::string Prelude = L == Lang::Cxx ? "#include <string>\n"
                                         "void sink(const char *);\n"
                                         "void sink(int);\n"
                                       : "#include <stdlib.h>\n";
  std::vector<std::string> Args = {
      L == Lang::Cxx ? "-std=c++17" : "-std=c11",
      ("-resource-dir=" + rehost::clangResourceDir()).str(), "-w"};
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      Prelude + Code.str(), Args, L == Lang::Cxx ? "input.cc" : "input.c");
  EXPECT_TRUE(AST);
  EXPECT_FALSE(AST->getDiagnostics().hasErrorOccurred()) << Code.str();
  ASTContext &Ctx = AST->getASTContext();
  auto Calls = match(
      callExpr(callee(functionDecl(matchesName("sink")))).bind("call"), Ctx);
  EXPECT_FALSE(Calls.empty());
  if (Calls.empty())
    return Value::absent();
  const auto *Call = Calls.back().getNodeAs<CallExpr>("call");
  rehost::ConstantEvaluator Evaluator(Ctx);
  const Expr *Arg = Call->getArg(0);
  return Arg->getType()->isIntegerType() ? Evaluator.evaluateInteger(Arg)
                                         : Evaluator.evaluateString(Arg);
}

void expectConstant(llvm::StringRef Code, llvm::StringRef Text, Lang L) {
  Value V = evaluateSinkArgument(Code, L);
  EXPECT_EQ(V.K, Value::Kind::Constant) << Code.str();
  EXPECT_EQ(V.Text, Text.str()) << Code.str();
}

void expectPartial(llvm::StringRef Code, llvm::StringRef Fallback, Lang L) {
  Value V = evaluateSinkArgument(Code, L);
  EXPECT_EQ(V.K, Value::Kind::Partial) << Code.str();
  EXPECT_EQ(V.Text, Fallback.str()) << Code.str();
}

void expectRuntime(llvm::StringRef Code, Lang L) {
  EXPECT_EQ(evaluateSinkArgument(Code, L).K, Value::Kind::Runtime) << Code.str();
}

// C needs its own sink declarations (no overloading).
const char *CSinks = "void sink_s(const char *); void sink_i(int);\n"
                     "#define sink(x) _Generic((x), int: sink_i, default: sink_s)(x)\n";

TEST(ConstantEvaluator, StringLiteralsAndMacros) {
  expectConstant("void f() { sink(\"10.0.0.1\"); }", "10.0.0.1", Lang::Cxx);
  expectConstant("#define HOST \"cache\"\nvoid f() { sink(HOST); }", "cache",
                 Lang::Cxx);
  expectConstant("void f() { sink(\"redis.\" \"internal\"); }", "redis.internal",
                 Lang::Cxx);
}

TEST(ConstantEvaluator, ConstVariables) {
  expectConstant("const char *const H = \"a\"; void f() { sink(H); }", "a",
                 Lang::Cxx);
  expectConstant("constexpr const char *H = \"b\"; void f() { sink(H); }", "b",
                 Lang::Cxx);
  expectConstant("static const char H[] = \"c\"; void f() { sink(H); }", "c",
                 Lang::Cxx);
  expectConstant("void f() { const char *h = \"d\"; sink(h); }", "d", Lang::Cxx);
}

TEST(ConstantEvaluator, StdStringConstants) {
  expectConstant("const std::string H = \"s\"; void f() { sink(H.c_str()); }",
                 "s", Lang::Cxx);
  expectConstant(
      "static const std::string H(\"t\"); void f() { sink(H.data()); }", "t",
      Lang::Cxx);
  expectConstant("void f() { sink((std::string(\"redis.\") + \"svc\").c_str()); }",
                 "redis.svc", Lang::Cxx);
}

TEST(ConstantEvaluator, IntegerArithmetic) {
  expectConstant("void f() { sink(6379 + 1); }", "6380", Lang::Cxx);
  expectConstant("#define PORT 6379\nvoid f() { sink(PORT); }", "6379",
                 Lang::Cxx);
  expectConstant("constexpr int P = 7000; void f() { sink(P * 2); }", "14000",
                 Lang::Cxx);
  expectConstant("enum { P = 6390 }; void f() { sink(P); }", "6390", Lang::Cxx);
}

TEST(ConstantEvaluator, CConstants) {
  std::string Sinks = CSinks;
  expectConstant(Sinks + "static const int P = 6381; void f(void) { sink(P); }",
                 "6381", Lang::C);
  expectConstant(Sinks + "void f(void) { int p = 6382; sink(p); }", "6382",
                 Lang::C);
  expectConstant(
      Sinks + "static const char *h = \"x\"; void f(void) { sink(h); }", "x",
      Lang::C);
}

TEST(ConstantEvaluator, RuntimeValues) {
  expectRuntime("#include <stdlib.h>\nvoid f() { sink(getenv(\"H\")); }",
                Lang::Cxx);
  expectRuntime("void f(const char *h) { sink(h); }", Lang::Cxx);
  expectRuntime("void f(int argc, char **argv) { sink(argv[1]); }", Lang::Cxx);
  expectRuntime("int g(); void f() { sink(g() + 1); }", Lang::Cxx);
  expectRuntime("struct C { std::string host; }; void f(const C &c) { "
                "sink(c.host.c_str()); }",
                Lang::Cxx);
}

TEST(ConstantEvaluator, PartialConstants) {
  expectPartial("void f(int argc, char **argv) { sink(argc > 1 ? argv[1] : "
                "\"localhost\"); }",
                "localhost", Lang::Cxx);
  expectPartial("void f(int argc, char **argv) { const char *h = \"fallback\";"
                " if (argc > 1) h = argv[1]; sink(h); }",
                "fallback", Lang::Cxx);
  expectPartial("const char *h = \"exported\"; void f() { sink(h); }",
                "exported", Lang::Cxx);
  std::string Sinks = CSinks;
  expectPartial(Sinks + "static int port = 6379; void set(int p) { port = p; }"
                        " void f(void) { sink(port); }",
                "6379", Lang::C);
}

TEST(ConstantEvaluator, KnownConditionPicksBranch) {
  expectConstant("void f() { sink(sizeof(int) == 4 ? \"a\" : \"b\"); }", "a",
                 Lang::Cxx);
  expectConstant("void f() { sink(true ? 1 : 2); }", "1", Lang::Cxx);
}

} // namespace
