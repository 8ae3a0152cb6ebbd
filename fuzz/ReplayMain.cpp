//===- ReplayMain.cpp - Run a fuzz target over its corpus, without libFuzzer ===//
//
// The normal and sanitizer builds (GCC, no libFuzzer) link each fuzz target
// with this main, and ctest runs it over fuzz/corpus/<target>: every seed
// and every input a fuzzer once crashed on stays a regression test.
// usage: TARGET-replay FILE_OR_DIR...
//
//===----------------------------------------------------------------------===//

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size);
// Defined by the targets that set the process up first.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *Argc,
                                                          char ***Argv);

namespace fs = std::filesystem;

namespace {

/// The files \p Arg names: itself, or a directory's files in name order.
std::vector<fs::path> inputsOf(const fs::path &Arg) {
  if (!fs::is_directory(Arg))
    return {Arg};
  std::vector<fs::path> Files;
  for (const fs::directory_entry &Entry : fs::directory_iterator(Arg))
    if (Entry.is_regular_file())
      Files.push_back(Entry.path());
  std::sort(Files.begin(), Files.end());
  return Files;
}

} // namespace

int main(int Argc, char **Argv) {
  if (LLVMFuzzerInitialize)
    LLVMFuzzerInitialize(&Argc, &Argv);
  size_t Count = 0;
  for (int I = 1; I < Argc; ++I)
    for (const fs::path &File : inputsOf(Argv[I])) {
      std::ifstream In(File, std::ios::binary);
      if (!In) {
        std::fprintf(stderr, "replay: cannot read %s\n", File.c_str());
        return 1;
      }
      std::string Bytes((std::istreambuf_iterator<char>(In)),
                        std::istreambuf_iterator<char>());
      // The name, not the content: a corpus input may hold a password.
      std::fprintf(stderr, "replay: %s\n", File.c_str());
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(Bytes.data()),
                             Bytes.size());
      ++Count;
    }
  if (Count == 0) {
    std::fprintf(stderr, "replay: no input found\n");
    return 1;
  }
  std::fprintf(stderr, "replay: %zu inputs, no failure\n", Count);
  return 0;
}
