//===- DerivedSites.cpp - Phase two: constants that reach a client call ---===//

#include "rehost/DerivedSites.h"

#include "rehost/Catalog.h"

#include "llvm/ADT/STLExtras.h"

#include <set>
#include <tuple>

namespace rehost {
namespace {

/// The kind of a catalogued API, by name: reports say "function",
/// "constructor", ...
ApiKind kindOfApi(llvm::StringRef Api) {
  for (const CatalogEntry &Entry : catalog())
    if (Entry.Name == Api)
      return Entry.Kind;
  return ApiKind::Function;
}

/// Makes \p From a sink through \p Edge into \p To, when that is new or
/// shorter: true if it changed.
bool extend(std::map<std::string, Sink> &Sinks, const FlowEdge &Edge,
            const Sink &To) {
  std::vector<FlowStep> Chain{Edge.At};
  llvm::append_range(Chain, To.Chain);
  auto [It, Inserted] = Sinks.try_emplace(Edge.From.key());
  Sink &From = It->second;
  if (!Inserted && From.Chain.size() <= Chain.size())
    return false;
  From.Slot = Edge.From;
  From.Role = To.Role;
  From.Api = To.Api;
  From.Chain = std::move(Chain);
  From.Fixed = To.Fixed;
  return true;
}

/// The sink \p Config declares \p Slot to be, if any: a parameter of a
/// declared function, or a field of a declared type.
std::optional<Sink> declaredSink(const FlowSlot &Slot,
                                 const ToolConfig &Config) {
  auto Declared = [&](llvm::StringRef Name, ArgRole Role, unsigned Line) {
    Sink Out;
    Out.Slot = Slot;
    Out.Role = Role;
    Out.Api = Name.str();
    Out.Chain.push_back({Slot.Name, Config.Path, Line, 1});
    Out.Uses.insert(Out.Chain.back().key());
    return Out;
  };
  if (Slot.K == FlowSlot::Kind::Parameter) {
    for (const DeclaredSink &Function : Config.Sinks)
      if (Function.Function == Slot.Name)
        for (const auto &[Role, Index] : Function.Parameters)
          if (Index == Slot.Index)
            return Declared(Function.Function, Role, Function.Line);
    return std::nullopt;
  }
  for (const DeclaredField &Type : Config.EndpointFields)
    for (const auto &[Role, Field] : Type.Fields)
      if (Slot.Name == Type.Type + "::" + Field)
        return Declared(Type.Type, Role, Type.Line);
  return std::nullopt;
}

/// The flows of \p Units, then \p Cached.
std::vector<const UnitFlows *>
allFlows(llvm::ArrayRef<TranslationUnitFacts> Units,
         llvm::ArrayRef<UnitFlows> Cached) {
  std::vector<const UnitFlows *> Out;
  for (const TranslationUnitFacts &Unit : Units)
    Out.push_back(&Unit.Flows);
  for (const UnitFlows &Flows : Cached)
    Out.push_back(&Flows);
  return Out;
}

/// Seeds \p Sinks with every slot of \p Flows that \p Config declares.
void addDeclaredSinks(llvm::ArrayRef<const UnitFlows *> Flows,
                      const ToolConfig &Config,
                      std::map<std::string, Sink> &Sinks) {
  if (Config.Sinks.empty() && Config.EndpointFields.empty())
    return;
  auto Note = [&](const FlowSlot &Slot) {
    if (std::optional<Sink> Declared = declaredSink(Slot, Config))
      Sinks.try_emplace(Slot.key(), std::move(*Declared));
  };
  for (const UnitFlows *Unit : Flows) {
    for (const FlowEdge &Edge : Unit->Edges) {
      Note(Edge.From);
      if (Edge.To)
        Note(*Edge.To);
    }
    for (const FlowSource &Source : Unit->Sources)
      for (const FlowArgument &Arg : Source.Args)
        Note(Arg.To);
  }
}

} // namespace

std::map<std::string, Sink>
resolveSinks(llvm::ArrayRef<TranslationUnitFacts> Units,
             const ToolConfig &Config, llvm::ArrayRef<UnitFlows> Cached) {
  std::vector<const UnitFlows *> Flows = allFlows(Units, Cached);
  std::map<std::string, Sink> Sinks;
  addDeclaredSinks(Flows, Config, Sinks);
  std::vector<const FlowEdge *> Handing;
  // A virtual method's parameter, by key: the edges to each override's.
  std::map<std::string, std::vector<const FlowEdge *>> Overrides;
  for (const UnitFlows *Unit : Flows)
    for (const FlowEdge &Edge : Unit->Edges) {
      if (Edge.Override) {
        Overrides[Edge.From.key()].push_back(&Edge);
        continue;
      }
      if (Edge.To) {
        Handing.push_back(&Edge);
        continue;
      }
      Sink Direct;
      Direct.Role = Edge.Role;
      Direct.Api = Edge.Api;
      Direct.Fixed = Edge.Fixed;
      extend(Sinks, Edge, Direct);
      Sinks[Edge.From.key()].Uses.insert(Edge.At.key());
    }
  // Each round lengthens the chains found by at most one hop and only a
  // shorter chain replaces one, so this ends within as many rounds as there
  // are distinct slots.
  auto Hand = [&](const FlowEdge &Edge, const Sink &Target) {
    bool Changed = extend(Sinks, Edge, Target);
    std::set<std::string> &Uses = Sinks[Edge.From.key()].Uses;
    for (const std::string &Use : Target.Uses)
      Changed |= Uses.insert(Use).second;
    return Changed;
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const FlowEdge *Edge : Handing) {
      auto To = Sinks.find(Edge->To->key());
      if (To == Sinks.end() || Edge->To->key() == Edge->From.key())
        continue;
      Changed |= Hand(*Edge, Sink(To->second));
    }
    // A virtual call reaches a client only when every override does; the
    // value then reaches each of their client calls.
    for (const auto &[Key, Edges] : Overrides) {
      if (!llvm::all_of(Edges, [&](const FlowEdge *Edge) {
            return Sinks.count(Edge->To->key());
          }))
        continue;
      for (const FlowEdge *Edge : Edges)
        Changed |= Hand(*Edge, Sink(Sinks.at(Edge->To->key())));
    }
  }
  return Sinks;
}

namespace {

using Place = std::tuple<std::string, unsigned, unsigned>;

/// Fills \p Target's port and db where its own arguments left them out:
/// from the constants each call on \p Reached's path hands beside the value
/// (nearest first), then from what the catalogued use fixes itself.
void addFixedParts(Endpoint &Target, const Sink &Reached,
                   const std::map<Place, const FlowSource *> &SourcesAt,
                   const std::map<std::string, Sink> &Sinks) {
  auto Fill = [&](EndpointPart Part, const Value &V) {
    Value *Mine = Target.part(Part);
    if (Mine && Mine->K == Value::Kind::Absent && V.isConstant())
      *Mine = V;
  };
  for (const FlowStep &Step : Reached.Chain) {
    auto At = SourcesAt.find({Step.File, Step.Line, Step.Column});
    if (At == SourcesAt.end())
      continue;
    for (const FlowArgument &Arg : At->second->Args) {
      auto Found = Sinks.find(Arg.To.key());
      if (Found == Sinks.end() || Found->second.Api != Reached.Api)
        continue;
      EndpointPart Part = traitsOf(Found->second.Role).Part;
      if (Part == EndpointPart::Port || Part == EndpointPart::Db)
        Fill(Part, Arg.V);
    }
  }
  Fill(EndpointPart::Port, Reached.Fixed.Port);
  Fill(EndpointPart::Db, Reached.Fixed.Db);
}

} // namespace

std::vector<Site> derivedSites(llvm::ArrayRef<TranslationUnitFacts> Units,
                               const std::map<std::string, Sink> &Sinks,
                               llvm::ArrayRef<UnitFlows> Cached) {
  std::vector<Site> Out;
  if (Sinks.empty())
    return Out;
  std::vector<std::string> Secrets;
  // A cached unit's call on the path still hands its port beside the value.
  std::map<Place, const FlowSource *> SourcesAt;
  for (const UnitFlows *Unit : allFlows(Units, Cached))
    for (const FlowSource &Source : Unit->Sources)
      SourcesAt.try_emplace(
          {Source.Where.File, Source.Where.Line, Source.Where.Column}, &Source);
  for (const TranslationUnitFacts &Unit : Units)
    for (const FlowSource &Source : Unit.Flows.Sources) {
      Endpoint Target;
      const Sink *Address = nullptr;
      const Sink *First = nullptr;
      std::vector<ConstantSpelling> Constants;
      std::vector<std::string> ReachedUses;
      for (const FlowArgument &Arg : Source.Args) {
        auto Found = Sinks.find(Arg.To.key());
        if (Found == Sinks.end())
          continue;
        const RoleTraits &Traits = traitsOf(Found->second.Role);
        Value *Part = Target.part(Traits.Part);
        if (!Part || Traits.Kind != Arg.Kind || Part->K != Value::Kind::Absent)
          continue;
        *Part = Arg.V;
        Constants.push_back(Arg.Written);
        Constants.back().Role = Found->second.Role;
        for (const std::string &Use : Found->second.Uses)
          if (!llvm::is_contained(ReachedUses, Use))
            ReachedUses.push_back(Use);
        if (!First)
          First = &Found->second;
        if (Traits.NamesAddress && !Address)
          Address = &Found->second;
      }
      if (!First)
        continue;
      const Sink &Reached = Address ? *Address : *First;
      addFixedParts(Target, Reached, SourcesAt, Sinks);
      std::optional<Rule> Found = ruleOf(Target);
      if (!Found)
        continue;
      Site S = Source.Where;
      S.Api = Reached.Api;
      S.Kind = kindOfApi(Reached.Api);
      S.R = *Found;
      S.Chain = Reached.Chain;
      S.Spelling.Constants = std::move(Constants);
      S.ReachedUses = std::move(ReachedUses);
      S.Suppressed = Source.Suppressions.size() > size_t(*Found)
                         ? Source.Suppressions[size_t(*Found)]
                         : Suppression();
      llvm::append_range(Secrets, Target.passwords());
      S.Target = Target.withoutSecrets();
      Out.push_back(std::move(S));
    }
  // A constant handed to a slot whose name did not say it is a credential
  // is still one once it reaches a password; masking is per line, as for
  // direct sites, so a site beside it on the line hides it too.
  llvm::sort(Secrets, [](const std::string &A, const std::string &B) {
    return A.size() > B.size();
  });
  for (Site &S : Out) {
    S.LineText = redactSecrets(S.LineText, Secrets);
    S.Text = redactSecrets(S.Text, Secrets);
  }
  return Out;
}

unsigned untracedClientCalls(llvm::ArrayRef<TranslationUnitFacts> Units,
                             llvm::ArrayRef<UnitFlows> Cached) {
  llvm::StringSet<> Reached;
  for (const UnitFlows *Unit : allFlows(Units, Cached))
    for (const std::string &Usr : Unit->Reached)
      Reached.insert(Usr);
  // A call of a virtual method gives its overrides their values.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const UnitFlows *Unit : allFlows(Units, Cached))
      for (const FlowEdge &Edge : Unit->Edges)
        if (Edge.Override && Reached.count(Edge.From.Usr))
          Changed |= Reached.insert(Edge.To->Usr).second;
  }
  std::set<std::tuple<std::string, unsigned, unsigned>> Calls;
  for (const TranslationUnitFacts &Unit : Units)
    for (const FlowEdge &Edge : Unit.Flows.Edges)
      if (!Edge.To && !Reached.count(Edge.From.Usr))
        Calls.insert({Edge.At.File, Edge.At.Line, Edge.At.Column});
  return Calls.size();
}

/// \p Where's lines and text with each of \p Secrets masked; whether it
/// held one.
static bool redactSite(Site &Where, llvm::ArrayRef<std::string> Secrets) {
  std::string LineText = redactSecrets(Where.LineText, Secrets);
  std::string Text = redactSecrets(Where.Text, Secrets);
  size_t Spans = Where.Spelling.Secrets.size();
  for (SourceLine &Line : Where.Spelling.Lines)
    maskSecrets(Line, Secrets, Where.Spelling.Secrets);
  bool Held = LineText != Where.LineText || Text != Where.Text ||
              Spans != Where.Spelling.Secrets.size();
  Where.LineText = std::move(LineText);
  Where.Text = std::move(Text);
  return Held;
}

std::vector<bool>
maskHandedCredentials(llvm::MutableArrayRef<TranslationUnitFacts> Units,
                      const std::map<std::string, Sink> &Sinks) {
  std::vector<bool> Masked(Units.size());
  std::set<std::string> Found;
  for (TranslationUnitFacts &Unit : Units)
    for (FlowSource &Source : Unit.Flows.Sources)
      for (FlowArgument &Arg : Source.Args) {
        auto It = Sinks.find(Arg.To.key());
        if (It == Sinks.end() || Arg.Kind != RoleValue::String)
          continue;
        Endpoint Reached;
        if (Value *Part = Reached.part(traitsOf(It->second.Role).Part))
          *Part = Arg.V;
        for (std::string &Secret : Reached.passwords())
          if (Secret != "***")
            Found.insert(std::move(Secret));
        if (traitsOf(It->second.Role).Credential && Arg.V.Text != "***")
          Found.insert(Arg.V.Text);
      }
  if (Found.empty())
    return Masked;
  std::vector<std::string> Secrets(Found.begin(), Found.end());
  llvm::stable_sort(Secrets, [](const std::string &A, const std::string &B) {
    return A.size() > B.size();
  });
  for (size_t I = 0; I != Units.size(); ++I) {
    TranslationUnitFacts &Unit = Units[I];
    bool Held = false;
    for (Site &S : Unit.Sites)
      Held |= redactSite(S, Secrets);
    for (FlowSource &Source : Unit.Flows.Sources) {
      Held |= redactSite(Source.Where, Secrets);
      for (FlowArgument &Arg : Source.Args) {
        std::string Text = redactSecrets(Arg.V.Text, Secrets);
        Held |= Text != Arg.V.Text;
        Arg.V.Text = std::move(Text);
      }
    }
    for (FlowUse &Use : Unit.Flows.Uses) {
      size_t Spans = Use.Spelling.Secrets.size();
      for (SourceLine &Line : Use.Spelling.Lines)
        maskSecrets(Line, Secrets, Use.Spelling.Secrets);
      Held |= Spans != Use.Spelling.Secrets.size();
    }
    Masked[I] = Held;
  }
  return Masked;
}

/// The identifier a unit that hands \p QualifiedName a value must spell:
/// a member's class (a call of a method or constructor, or a store into a
/// field, needs the class's definition in view, which spells it) or a
/// namespaced function's namespace, which is rarer than a method's own
/// name (`init`); a free function's own name.
static llvm::StringRef spelledName(llvm::StringRef QualifiedName) {
  auto [Owner, Last] = QualifiedName.rsplit("::");
  if (Last.empty())
    return Owner;
  auto [Outer, Innermost] = Owner.rsplit("::");
  return Innermost.empty() ? Outer : Innermost;
}

llvm::StringSet<> sinkIdentifiers(const std::map<std::string, Sink> &Sinks,
                                  const ToolConfig &Config) {
  llvm::StringSet<> Names;
  for (const auto &Entry : Sinks)
    Names.insert(spelledName(Entry.second.Slot.Name));
  // A declared wrapper's callers may all be in units the first pass skipped.
  for (const DeclaredSink &Function : Config.Sinks)
    Names.insert(spelledName(Function.Function));
  for (const DeclaredField &Type : Config.EndpointFields) {
    llvm::StringRef Innermost = llvm::StringRef(Type.Type).rsplit("::").second;
    Names.insert(Innermost.empty() ? Type.Type : Innermost);
  }
  return Names;
}

} // namespace rehost
