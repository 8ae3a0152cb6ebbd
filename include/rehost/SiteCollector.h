//===- SiteCollector.h - Phase one: the sites of one translation unit -----===//

#ifndef REHOST_SITECOLLECTOR_H
#define REHOST_SITECOLLECTOR_H

#include "rehost/Flow.h"
#include "rehost/Site.h"

#include <memory>
#include <vector>

namespace clang {
class ASTConsumer;
} // namespace clang

namespace rehost {

/// Creates the AST consumer that matches the catalog against one translation
/// unit, appends every site with a hardcoded part to \p Sites (with where
/// its parts are spelled, Site::Spelling: the project-wide step renders the
/// rewrite), every catalogued call spelled in a macro body to
/// \p MacroBodyUses, and how values move through the unit's own functions
/// and fields to \p Flows.
std::unique_ptr<clang::ASTConsumer>
createSiteCollector(std::vector<Site> &Sites,
                    std::vector<MacroBodyUse> &MacroBodyUses, UnitFlows &Flows);

} // namespace rehost

#endif // REHOST_SITECOLLECTOR_H
