//===- OptionsPlacement.h - Where an options object gets its profile
//--------===//
//
// A field of an options object (redis-plus-plus's ConnectionOptions) keeps
// its written value as the fallback, and the object gets the whole profile
// from one call (the entry's OptionsCall) after the code's own assignments.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_ANALYSIS_OPTIONSPLACEMENT_H
#define REHOST_LIB_ANALYSIS_OPTIONSPLACEMENT_H

#include "CatalogUses.h"

#include "rehost/UseSpelling.h"

#include "clang/AST/ASTContext.h"

namespace rehost {

/// Where \p Field's object gets its OptionsCall: after the last statement
/// of the field's block that assigns to one of the object's fields, so that
/// no later assignment undoes what the profile configures.
OptionsStatement optionsStatement(const ApiUse &Field,
                                  clang::ASTContext &Context);

/// True when the options object \p Field assigns to is handed to \p Entry's
/// OptionsCall later in the same block: a migrated object, whose written
/// values are only the profile's fallback.
bool isConfiguredAfter(const ApiUse &Field, const CatalogEntry &Entry,
                       clang::ASTContext &Context);

} // namespace rehost

#endif // REHOST_LIB_ANALYSIS_OPTIONSPLACEMENT_H
