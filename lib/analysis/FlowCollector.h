//===- FlowCollector.h - Phase one: how values move in one unit -----------===//
//
// Records a unit's FlowEdges and FlowSources (Flow.h): the parameters and
// fields a catalogued use's run-time arguments are read from, how each
// function hands its parameters and fields on, and the constants handed to
// project functions or stored into project fields. Only the project's own
// declarations are slots: a system or client-library header's are not.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_ANALYSIS_FLOWCOLLECTOR_H
#define REHOST_LIB_ANALYSIS_FLOWCOLLECTOR_H

#include "rehost/ConstantEvaluator.h"
#include "rehost/Flow.h"
#include "rehost/UseSpelling.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

#include <map>
#include <optional>
#include <set>

namespace rehost {

class FlowRecorder {
public:
  FlowRecorder(clang::ASTContext &Context, ConstantEvaluator &Evaluator,
               FileDigests &Digests, UnitFlows &Out)
      : Context(Context), Evaluator(Evaluator), Digests(Digests), Out(Out) {}

  /// \p Arg, the argument of \p Role of a use of \p Api (\p Whole), is
  /// computed at run time: when it is a parameter's or field's value, that
  /// slot reaches the use, and true is returned.
  bool noteCatalogArgument(const clang::Expr *Arg, ArgRole Role,
                           llvm::StringRef Api, const Endpoint &Target,
                           const clang::Expr &Whole);

  /// The step naming the place \p Whole hands a value on (FlowStep).
  FlowStep stepAt(const clang::Expr &Whole);

  /// Records the unit's calls of project functions and stores into project
  /// fields.
  void recordUnit();

  // The visitor's entry points (FlowCollector.cpp).
  void noteCall(const clang::FunctionDecl &Callee,
                llvm::ArrayRef<const clang::Expr *> Args,
                const clang::Expr &Whole);
  /// \p Unwrappable: why the stored value may not be wrapped where it is
  /// written (a copy into a buffer), if it may not.
  void noteStore(const clang::FieldDecl &Field, const clang::Expr *Stored,
                 const clang::Expr &Whole, const void *Group,
                 llvm::StringRef Unwrappable = "");
  void noteDefaultMemberInit(const clang::FieldDecl &Field);
  /// A virtual method's parameters get what a call of each method it
  /// overrides hands.
  void noteOverride(const clang::CXXMethodDecl &Method);
  /// Why a constant stored by the braced list \p List may not be wrapped.
  std::string listProblem(const clang::Expr &List,
                          const clang::FieldDecl &Field);

private:
  std::optional<FlowSlot> parameterSlot(const clang::FunctionDecl &Function,
                                        unsigned Index);
  std::optional<FlowSlot> fieldSlot(const clang::FieldDecl &Field);
  /// The parameter or field \p E's value is read from, unchanged.
  std::optional<FlowSlot> sourceSlot(const clang::Expr *E, unsigned Depth = 0);
  bool isProjectDecl(const clang::Decl &D) const;
  /// Whether the hand-on written at \p At to \p To (a function or field
  /// as written) is not yet recorded: an instantiation repeats its
  /// template's, which is recorded once.
  bool firstTime(clang::SourceLocation At, const clang::Decl &To);
  Value evaluate(const clang::Expr *E, RoleValue Kind);
  FlowStep step(std::string Name, clang::SourceLocation At);
  /// Remembers where argument \p Arg of source \p Source is written, to be
  /// spelled once the source's secrets are all known.
  void noteWritten(size_t Source, size_t Arg, const clang::Expr *Written,
                   std::string Problem);
  void spellWritten();
  /// Masks the constants handed to a slot whose value reaches a credential
  /// through this unit's own code, whatever the slot is named: no password
  /// goes into the facts. One a wrapper in another unit sends is known only
  /// in phase two, which masks it in every output.
  void maskCredentials();
  /// A source for \p Whole, its place and text filled, not yet recorded.
  FlowSource sourceAt(const clang::Expr &Whole, clang::SourceLocation Loc);

  clang::ASTContext &Context;
  ConstantEvaluator &Evaluator;
  FileDigests &Digests;
  UnitFlows &Out;
  struct Written {
    size_t Source, Arg;
    const clang::Expr *E;
    std::string Problem;
  };
  std::vector<Written> Pending;
  /// The credentials each source hands (by Sources index): masked in the
  /// lines its anchors record.
  std::map<size_t, std::vector<std::string>> Secrets;
  /// Stores into one object's fields in one function (or one braced list,
  /// or one constructor's initializers) make one source: its Sources index.
  std::map<std::pair<std::string, const void *>, size_t> Groups;
  /// The hand-ons recorded (firstTime): where written, and to what.
  std::set<std::pair<unsigned, const clang::Decl *>> Recorded;
};

} // namespace rehost

#endif // REHOST_LIB_ANALYSIS_FLOWCOLLECTOR_H
