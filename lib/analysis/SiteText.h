//===- SiteText.h - The text that identifies a site
//-------------------------===//
//
// A finding is identified across edits by what is written, not where: the
// use's text without whitespace, the function it is in, its line and file.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_ANALYSIS_SITETEXT_H
#define REHOST_LIB_ANALYSIS_SITETEXT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"

#include <string>

namespace rehost {

/// The use as written without the whitespace between its tokens (a string
/// literal keeps its own): a reformatted call is the same site.
std::string useText(const clang::Expr &Whole, clang::ASTContext &Context);

/// The function as written: an instantiation's template (a function
/// template's, or a class template's member), whose body every
/// instantiation runs; else \p Function itself.
const clang::FunctionDecl &asWritten(const clang::FunctionDecl &Function);

/// The function as written (or variable, for an initialiser) \p Whole is
/// in; null at file scope.
const clang::NamedDecl *enclosingDecl(const clang::Expr &Whole,
                                      clang::ASTContext &Context);

/// The qualified name of enclosingDecl, which identifies a site across
/// edits (baselines); empty at file scope.
std::string enclosingName(const clang::Expr &Whole, clang::ASTContext &Context);

/// \p D's name in a path a value takes: its qualified name, but a lambda's
/// call operator is the lambda in the function it is written in (its class
/// has no name).
std::string displayName(const clang::NamedDecl &D);

/// The line of \p File around \p Offset, without its line ending.
std::string lineText(const clang::SourceManager &SM, clang::FileID File,
                     unsigned Offset);

/// \p File's real path, or its absolute path without dots when it has
/// none; empty for a buffer that is no file.
std::string canonicalPath(const clang::SourceManager &SM, clang::FileID File);

} // namespace rehost

#endif // REHOST_LIB_ANALYSIS_SITETEXT_H
