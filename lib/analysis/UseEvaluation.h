//===- UseEvaluation.h - What a use's arguments evaluate to
//-----------------===//
//
// Reads each argument of a use by its role's traits (RoleValue,
// EndpointPart) into the endpoint the use names: strings, integers and node
// lists through the ConstantEvaluator, AUTH-carrying commands word by word.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_ANALYSIS_USEEVALUATION_H
#define REHOST_LIB_ANALYSIS_USEEVALUATION_H

#include "CatalogUses.h"

#include "rehost/ArgvCommand.h"
#include "rehost/CommandFormat.h"
#include "rehost/ConstantEvaluator.h"
#include "rehost/Site.h"
#include "rehost/UseSpelling.h"

#include "llvm/ADT/ArrayRef.h"

#include <optional>

namespace rehost {

/// A command that sends credentials, as read at its use: which words carry
/// them, and for an argv command what holds its words.
struct CommandRead {
  std::optional<CredentialWords> Credentials;
  std::optional<ArgvCommand> Argv;
  /// The expressions the password and user name words are read from, when
  /// each is a whole argument (a wrapper's parameter may be one).
  const clang::Expr *Password = nullptr;
  const clang::Expr *User = nullptr;
};

/// Evaluates the uses of one unit.
class UseEvaluator {
public:
  UseEvaluator(ConstantEvaluator &Evaluator, clang::ASTContext &Context)
      : Evaluator(Evaluator), Context(Context) {}

  /// The endpoint \p Use of \p Entry names, with the port and db of an
  /// address field's \p Companions; a command's credential words go to
  /// \p Command.
  Endpoint evaluate(const ApiUse &Use, const CatalogEntry &Entry,
                    llvm::ArrayRef<CompanionField> Companions,
                    CommandRead &Command);

private:
  std::optional<CredentialWords>
  evaluateFormatCommand(const clang::Expr *FormatArg,
                        llvm::ArrayRef<const clang::Expr *> Variadic,
                        Endpoint &Target, CommandRead &Read);
  std::optional<CredentialWords> evaluateArgvCommand(const ArgvCommand &Command,
                                                     Endpoint &Target,
                                                     CommandRead &Read);
  Value evaluateWord(const FormatWord &Word,
                     llvm::ArrayRef<const clang::Expr *> Variadic);

  ConstantEvaluator &Evaluator;
  clang::ASTContext &Context;
};

} // namespace rehost

#endif // REHOST_LIB_ANALYSIS_USEEVALUATION_H
