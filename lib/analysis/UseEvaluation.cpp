//===- UseEvaluation.cpp - What a use's arguments evaluate to
//---------------===//

#include "UseEvaluation.h"

#include "llvm/Support/ErrorHandling.h"

#include <vector>

using namespace clang;

namespace rehost {

Endpoint UseEvaluator::evaluate(const ApiUse &Use, const CatalogEntry &Entry,
                                llvm::ArrayRef<CompanionField> Companions,
                                CommandRead &Command) {
  llvm::ArrayRef<const Expr *> Args = Use.Args;
  Endpoint Target;
  for (unsigned I = 0, E = std::min<unsigned>(Entry.Args.size(), Args.size());
       I != E; ++I) {
    const Expr *Arg = Args[I];
    const RoleTraits &Traits = traitsOf(Entry.Args[I]);
    Value *Part = Target.part(Traits.Part);
    switch (Traits.Kind) {
    case RoleValue::String:
      *Part = Evaluator.evaluateString(Arg);
      break;
    case RoleValue::Integer:
      *Part = Evaluator.evaluateInteger(Arg);
      break;
    case RoleValue::NodeList:
      *Part = Evaluator.evaluateNodeList(Arg);
      break;
    case RoleValue::Command:
      Command.Credentials =
          evaluateFormatCommand(Arg, Args.drop_front(I + 1), Target, Command);
      break;
    case RoleValue::Argv:
      if (Use.Call)
        Command.Argv = readArgvCommand(*Use.Call, Args.drop_front(I), Context);
      if (Command.Argv)
        Command.Credentials =
            evaluateArgvCommand(*Command.Argv, Target, Command);
      break;
    case RoleValue::None:
      break;
    }
  }
  // An address field's object carries its port and db too: the endpoint,
  // its profile and --strict's rehost.toml include them.
  for (const CompanionField &Field : Companions) {
    Value &Part = Field.Role == ArgRole::Port ? Target.Port : Target.Db;
    bool Applies = Field.Role == ArgRole::Db || Target.Host.isKnown();
    if (Applies && Part.K == Value::Kind::Absent)
      Part = Value::constant(Field.Text);
  }
  return Target;
}

/// The credentials of a format command that sends some (AUTH, HELLO ...
/// AUTH, MIGRATE ... AUTH), and which words carry them; other commands
/// set nothing. A format computed at run time cannot be read, so it sets
/// nothing either.
std::optional<CredentialWords>
UseEvaluator::evaluateFormatCommand(const Expr *FormatArg,
                                    llvm::ArrayRef<const Expr *> Variadic,
                                    Endpoint &Target, CommandRead &Read) {
  Value Format = Evaluator.evaluateString(FormatArg);
  if (!Format.isConstant())
    return std::nullopt;
  std::vector<FormatWord> Words = splitCommandFormat(Format.Text);
  std::optional<CredentialWords> Found = findCredentialWords(keywordsOf(Words));
  if (!Found)
    return std::nullopt;
  auto ArgumentOf = [&](const FormatWord &Word) -> const Expr * {
    return Word.K == FormatWord::Kind::Argument &&
                   Word.Argument < Variadic.size()
               ? Variadic[Word.Argument]
               : nullptr;
  };
  Target.Password = evaluateWord(Words[Found->Password], Variadic);
  Read.Password = ArgumentOf(Words[Found->Password]);
  if (Found->User) {
    Target.User = evaluateWord(Words[*Found->User], Variadic);
    Read.User = ArgumentOf(Words[*Found->User]);
  }
  return Found;
}

/// The same for an argv command: its constant elements are its keywords.
std::optional<CredentialWords>
UseEvaluator::evaluateArgvCommand(const ArgvCommand &Command, Endpoint &Target,
                                  CommandRead &Read) {
  std::vector<Value> Words;
  std::vector<std::optional<std::string>> Keywords;
  for (const Expr *Word : Command.Words) {
    Words.push_back(Evaluator.evaluateString(Word));
    Keywords.push_back(Words.back().isConstant()
                           ? std::optional<std::string>(Words.back().Text)
                           : std::nullopt);
  }
  std::optional<CredentialWords> Found = findCredentialWords(Keywords);
  if (!Found)
    return std::nullopt;
  Target.Password = Words[Found->Password];
  Read.Password = Command.Words[Found->Password];
  if (Found->User) {
    Target.User = Words[*Found->User];
    Read.User = Command.Words[*Found->User];
  }
  return Found;
}

Value UseEvaluator::evaluateWord(const FormatWord &Word,
                                 llvm::ArrayRef<const Expr *> Variadic) {
  switch (Word.K) {
  case FormatWord::Kind::Literal:
    return Value::constant(Word.Text);
  case FormatWord::Kind::Argument:
    return Word.Argument < Variadic.size()
               ? Evaluator.evaluateString(Variadic[Word.Argument])
               : Value::runtime();
  case FormatWord::Kind::Mixed:
    return Value::runtime();
  }
  llvm_unreachable("unknown format word");
}

} // namespace rehost
