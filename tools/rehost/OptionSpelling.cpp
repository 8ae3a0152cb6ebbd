//===- OptionSpelling.cpp - clang-tidy's spellings of rehost's options ---===//

#include "OptionSpelling.h"

#include "rehost/LLVMCompat.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <optional>

namespace cli {
namespace {

/// One option as clang-tidy spells it, and what rehost makes of it.
struct ClangTidySpelling {
  llvm::StringLiteral Name; ///< Without the dash and any "=VALUE".
  llvm::StringLiteral Long; ///< rehost's option; empty: rehost has none.
  llvm::StringLiteral Hint; ///< When rehost has none: what to do instead.
};

/// Every single-dash word rehost reads or explains. -p, -j and -o are
/// CLI11's own short options; `-p=DIR` and the like are read generically.
constexpr ClangTidySpelling ClangTidySpellings[] = {
    {"header-filter", "--header-filter", ""},
    {"extra-arg", "--extra-arg", ""},
    {"extra-arg-before", "--extra-arg-before", ""},
    {"quiet", "--quiet", ""},
    {"export-fixes", "--export-fixes", ""},
    {"jobs", "--jobs", ""},
    {"help", "--help", ""},
    {"version", "--version", ""},
    {"checks", "",
     "rehost's checks are always on; silence a site with "
     "NOLINT(rehost-hardcoded-endpoint) or `// rehost: allow(reason)`"},
    {"fix", "", "run `rehost fix`"},
    {"fix-errors", "", "run `rehost fix`"},
    {"config", "",
     "rehost reads its settings from .rehost.toml (--config FILE)"},
    {"config-file", "",
     "rehost reads its settings from .rehost.toml (--config FILE)"},
    {"warnings-as-errors", "",
     "`rehost check` exits 1 on every finding that is not in the baseline"},
    {"line-filter", "",
     "`rehost check --changed-since REF` reports only changed lines"},
    {"system-headers", "",
     "--header-filter=REGEX chooses the headers whose sites are reported"},
};

const ClangTidySpelling *clangTidySpelling(llvm::StringRef Name) {
  for (const ClangTidySpelling &S : ClangTidySpellings)
    if (S.Name == Name)
      return &S;
  return nullptr;
}

llvm::Error usageError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// The options one command takes, as its words are read.
class CommandOptions {
public:
  explicit CommandOptions(const CLI::App &Command) : Command(Command) {
    for (const CLI::Option *Opt : Command.get_options()) {
      bool TakesValue = Opt->get_type_size() != 0;
      for (const std::string &Name : Opt->get_lnames())
        Long.push_back({"--" + Name, TakesValue});
      for (const std::string &Name : Opt->get_snames())
        Short.push_back({"-" + Name, TakesValue, "--" + longNameOf(*Opt)});
    }
  }

  /// Whether \p Word ("--name") is an option of the command, and whether
  /// it takes a value.
  std::optional<bool> longTakesValue(llvm::StringRef Word) const {
    for (const LongOption &O : Long)
      if (O.Word == Word)
        return O.TakesValue;
    return std::nullopt;
  }

  struct ShortOption {
    std::string Word; ///< "-p"
    bool TakesValue;
    std::string Long; ///< "--build-dir"; "--" when it has none.
  };
  const ShortOption *shortOption(llvm::StringRef Word) const {
    for (const ShortOption &O : Short)
      if (O.Word == Word)
        return &O;
    return nullptr;
  }

  /// The spelling of the command's option nearest to \p Word, or empty.
  std::string nearest(llvm::StringRef Word) const {
    llvm::StringRef Name = Word.ltrim('-');
    std::vector<std::string> Candidates;
    for (const LongOption &O : Long)
      Candidates.push_back(O.Word);
    for (const ClangTidySpelling &S : ClangTidySpellings)
      if (!S.Long.empty() && longTakesValue(S.Long))
        Candidates.push_back(("-" + S.Name).str());
    return nearestOf(Name, Candidates);
  }

  std::string name() const {
    return Command.get_parent() ? "rehost " + Command.get_name() : "rehost";
  }

  static std::string nearestOf(llvm::StringRef Name,
                               llvm::ArrayRef<std::string> Candidates) {
    unsigned Limit = std::max<unsigned>(2, Name.size() / 3);
    std::string Best;
    unsigned BestDistance = Limit + 1;
    for (const std::string &Candidate : Candidates) {
      unsigned D = llvm::StringRef(Candidate).ltrim('-').edit_distance(
          Name, /*AllowReplacements=*/true, Limit + 1);
      if (D < BestDistance) {
        BestDistance = D;
        Best = Candidate;
      }
    }
    return Best;
  }

private:
  static std::string longNameOf(const CLI::Option &Opt) {
    return Opt.get_lnames().empty() ? std::string() : Opt.get_lnames().front();
  }

  struct LongOption {
    std::string Word;
    bool TakesValue;
  };
  const CLI::App &Command;
  std::vector<LongOption> Long;
  std::vector<ShortOption> Short;
};

/// The commands other than \p Except that take \p Long, as "rehost fix".
std::vector<std::string> commandsWith(const CLI::App &App,
                                      const CLI::App *Except,
                                      llvm::StringRef Long) {
  std::vector<std::string> Out;
  for (const CLI::App *Command : App.get_subcommands({}))
    if (Command != Except && CommandOptions(*Command).longTakesValue(Long))
      Out.push_back("rehost " + Command->get_name());
  return Out;
}

llvm::Error unknownOption(const CLI::App &App, const CLI::App &Command,
                          const CommandOptions &Options, llvm::StringRef Word,
                          llvm::StringRef Long = "") {
  std::string Message =
      "unknown option '" + Word.str() + "' for '" + Options.name() + "'";
  std::vector<std::string> Elsewhere =
      commandsWith(App, &Command, Long.empty() ? Word.split('=').first : Long);
  if (!Elsewhere.empty())
    return usageError(
        Message + ": " + (Long.empty() ? Word.split('=').first : Long) +
        " is an option of '" + llvm::join(Elsewhere, "', '") + "'");
  std::string Nearest = Options.nearest(Word.split('=').first);
  if (!Nearest.empty())
    Message += "; did you mean '" + Nearest + "'?";
  return usageError(Message + " (see '" + Options.name() + " --help')");
}

/// A single-dash word longer than one letter: a clang-tidy spelling, a
/// short option with its value attached, or a mistake.
llvm::Expected<std::string> readSingleDash(const CLI::App &App,
                                           const CLI::App &Command,
                                           const CommandOptions &Options,
                                           llvm::StringRef Word,
                                           bool &ValueFollows) {
  auto [Name, Value] = Word.drop_front().split('=');
  bool HasValue = Word.contains('=');
  std::string Rest = HasValue ? "=" + Value.str() : std::string();
  if (const ClangTidySpelling *S = clangTidySpelling(Name)) {
    if (S->Long.empty())
      return usageError("'-" + Name +
                        "' is clang-tidy's option; rehost has "
                        "none like it: " +
                        S->Hint);
    std::optional<bool> TakesValue = Options.longTakesValue(S->Long);
    if (!TakesValue)
      return unknownOption(App, Command, Options, Word, S->Long);
    ValueFollows = *TakesValue && !HasValue;
    return S->Long.str() + Rest;
  }
  // -p=DIR, -j=4: a short option and its value.
  if (const auto *Short = Options.shortOption(Word.take_front(2))) {
    if (HasValue && Name.size() == 1 && Short->TakesValue)
      return Short->Long + Rest;
    // -j8, as make and run-clang-tidy take it.
    if (Short->TakesValue && !HasValue &&
        llvm::all_of(Word.drop_front(2), llvm::isDigit))
      return Word.str();
    if (Short->TakesValue && !HasValue)
      return usageError("unknown option '" + Word + "' for '" + Options.name() +
                        "'; did you mean '" + Short->Word + " " +
                        Word.drop_front(2) + "'?");
  }
  if (Options.longTakesValue(("--" + Name).str()))
    return usageError("unknown option '" + Word + "' for '" + Options.name() +
                      "': rehost's long options take two dashes: '-" + Word +
                      "'");
  return unknownOption(App, Command, Options, Word);
}

/// The subcommand \p Word names, or an error that says which it could be.
llvm::Expected<const CLI::App *> commandNamed(const CLI::App &App,
                                              llvm::StringRef Word) {
  std::vector<std::string> Names;
  for (const CLI::App *Command : App.get_subcommands({})) {
    if (Command->get_name() == Word)
      return Command;
    Names.push_back(Command->get_name());
  }
  std::string Nearest = CommandOptions::nearestOf(Word, Names);
  if (!Nearest.empty())
    return usageError("unknown command '" + Word + "'; did you mean '" +
                      Nearest + "'?");
  return usageError("unknown command '" + Word + "' (the commands are " +
                    llvm::join(Names, ", ") + ")");
}

} // namespace

llvm::Expected<std::vector<std::string>>
normaliseArgv(const CLI::App &App, llvm::ArrayRef<std::string> Args) {
  std::vector<std::string> Out;
  const CLI::App *Command = &App;
  std::optional<CommandOptions> Options(std::in_place, App);
  bool ValueFollows = false;
  for (const std::string &Arg : Args) {
    llvm::StringRef Word = Arg;
    if (ValueFollows || Word == "-" || !rehost::startsWith(Word, "-")) {
      if (!ValueFollows && Command == &App) {
        auto Named = commandNamed(App, Word);
        if (!Named)
          return Named.takeError();
        Command = *Named;
        Options.emplace(*Command);
      }
      ValueFollows = false;
      Out.push_back(Arg);
      continue;
    }
    if (rehost::startsWith(Word, "--")) {
      std::optional<bool> TakesValue =
          Options->longTakesValue(Word.split('=').first);
      if (!TakesValue)
        return unknownOption(App, *Command, *Options, Word);
      ValueFollows = *TakesValue && !Word.contains('=');
      Out.push_back(Arg);
      continue;
    }
    if (Word.size() == 2) {
      const auto *Short = Options->shortOption(Word);
      if (!Short)
        return unknownOption(App, *Command, *Options, Word);
      ValueFollows = Short->TakesValue;
      Out.push_back(Arg);
      continue;
    }
    auto Read = readSingleDash(App, *Command, *Options, Word, ValueFollows);
    if (!Read)
      return Read.takeError();
    Out.push_back(std::move(*Read));
  }
  return Out;
}

} // namespace cli
