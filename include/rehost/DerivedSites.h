//===- DerivedSites.h - Phase two: constants that reach a client call -----===//
//
// Resolves every unit's flows (Flow.h) once for the whole project: a slot
// whose value reaches a catalogued argument is a derived sink, and so,
// transitively, is every slot whose value reaches a sink; a constant handed
// to a sink is a derived site, with the chain of hops it takes.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_DERIVEDSITES_H
#define REHOST_DERIVEDSITES_H

#include "rehost/Project.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringSet.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace rehost {

/// What a derived sink's value becomes: the argument of Role of Api, reached
/// through Chain (the hop where the slot hands it on first).
struct Sink {
  FlowSlot Slot;
  ArgRole Role = ArgRole::Other;
  std::string Api;
  std::vector<FlowStep> Chain;
  /// The port and db the catalogued use fixes itself (FlowEdge::Fixed).
  Endpoint Fixed;
  /// Every catalogued use the value reaches, on any path (FlowUse::key();
  /// a declared sink's line): `fix` moves them all with the constant.
  std::set<std::string> Uses;
};

// \p Cached, in each: the flows of units this run did not parse, from the
// summaries' cache (SummaryCache.h). They lead values on to client calls
// as the parsed units' do, but their own constants are not this run's
// sites, nor their client calls this run's.

/// Every derived sink of \p Units and \p Cached, by FlowSlot::key(),
/// starting from the catalogued uses and from the sinks and endpoint fields
/// \p Config declares (a wrapper rehost cannot see into: its chain is its
/// line in .rehost.toml). A slot that reaches several arguments keeps the
/// shortest chain (the first found among equals).
std::map<std::string, Sink>
resolveSinks(llvm::ArrayRef<TranslationUnitFacts> Units,
             const ToolConfig &Config, llvm::ArrayRef<UnitFlows> Cached = {});

/// The sites the constants of \p Units' flow sources make once \p Sinks are
/// known: each source whose arguments reaching sinks make a finding (as a
/// catalogued use's would), with its chain.
std::vector<Site> derivedSites(llvm::ArrayRef<TranslationUnitFacts> Units,
                               const std::map<std::string, Sink> &Sinks,
                               llvm::ArrayRef<UnitFlows> Cached = {});

/// How many catalogued uses of \p Units read an argument from a sink that
/// no scanned (or cached) code gives a value: their wrapper is called from
/// code rehost did not see (a unit not scanned, a library), so a clean
/// result does not cover them.
unsigned untracedClientCalls(llvm::ArrayRef<TranslationUnitFacts> Units,
                             llvm::ArrayRef<UnitFlows> Cached = {});

/// Masks in \p Units every constant handed to a slot \p Sinks shows reaches
/// a credential (or a URI's password), whatever the slot is named, on every
/// line any of their sites and sources record: phase one masks only what
/// the unit's own code shows, and the facts (--facts-out, the summaries'
/// cache) must hold no password. Whether each unit held one.
std::vector<bool>
maskHandedCredentials(llvm::MutableArrayRef<TranslationUnitFacts> Units,
                      const std::map<std::string, Sink> &Sinks);

/// The identifiers a unit must spell to hand one of \p Sinks, or of the
/// sinks \p Config declares, a value (a method's class, a field's record,
/// a free function's name): the pre-filter parses the skipped units that
/// spell one (ScanRequest::DerivedNames).
llvm::StringSet<> sinkIdentifiers(const std::map<std::string, Sink> &Sinks,
                                  const ToolConfig &Config);

} // namespace rehost

#endif // REHOST_DERIVEDSITES_H
