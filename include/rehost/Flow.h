//===- Flow.h - How endpoint values move through the project's own code ---===//
//
// Most client calls sit in a small wrapper of the project's own, and the
// constant sits elsewhere, often in another file. Phase one cannot know
// which of a unit's functions lead to a client call through functions other
// units define, so it records plain facts: which parameters and fields a
// value moves between inside each function (FlowEdge), and which constants
// it hands to a project function or stores into a field (FlowSource). Phase
// two (DerivedSites.h) resolves them once for the whole project: a slot
// whose value reaches a catalogued argument is a derived sink, and a
// constant handed to one is a derived site.
//
// Slots are keyed by USR, so every unit that sees a function or field names
// it alike whichever headers it reached it through.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_FLOW_H
#define REHOST_FLOW_H

#include "rehost/Catalog.h"
#include "rehost/Site.h"

#include <optional>
#include <string>
#include <vector>

namespace rehost {

/// A place a value is handed to: a parameter of a project function, or a
/// field of a project record.
struct FlowSlot {
  enum class Kind { Parameter, Field };
  Kind K = Kind::Parameter;
  std::string Usr;    ///< The function's or the field's.
  unsigned Index = 0; ///< A parameter's position, from 0 (`this` not counted).
  /// For people and declared sinks: "RedisPool::init", "redis_pool::host".
  std::string Name;

  /// One string per slot: "p<index>:<usr>" or "f:<usr>".
  std::string key() const;
};

/// Inside one function, the value of a parameter or field goes on unchanged
/// to another slot, or to a catalogued API's argument.
struct FlowEdge {
  FlowSlot From;
  /// Where it goes; none: to the argument of Role of the catalogued Api.
  std::optional<FlowSlot> To;
  std::string Api;
  ArgRole Role = ArgRole::Other;
  /// The function it is in and where it hands the value on.
  FlowStep At;
  /// For a catalogued use: the port and db it fixes itself (a constant
  /// port beside a parameter's host), which a derived site's endpoint takes.
  Endpoint Fixed;
  /// From a virtual method's parameter to an override's: a call of the
  /// method reaches a sink only when every override's parameter is one.
  bool Override = false;
};

/// A constant (or a constant fallback) handed to a slot.
struct FlowArgument {
  FlowSlot To;
  Value V;
  /// What the value is read as: a string or an integer.
  RoleValue Kind = RoleValue::String;
  /// Where it is written as the slot gets it; its role is known only once
  /// the slot's sink is (phase two).
  ConstantSpelling Written;
};

/// A catalogued use that reads an argument from a slot (a wrapper's own
/// client call): `fix` renames it onto the runtime with the profiles of
/// the constants that reach it.
struct FlowUse {
  FlowStep At; ///< As the edges into it name it.
  std::string Api;
  ApiKind Kind = ApiKind::Function;
  UseSpelling Spelling;

  /// "file:line:column", as FlowStep::key() names the edges' hand-on.
  std::string key() const { return At.key(); }
};

/// A call of a project function, or the stores of one function into the
/// fields of one object, that hands constants to slots: a derived site when
/// some slot turns out to be a sink. Where holds everything a Site knows
/// from phase one; phase two fills its API, rule, endpoint and chain.
struct FlowSource {
  Site Where;
  std::vector<FlowArgument> Args;
  /// The comment silencing each rule's finding here, in Rule's order: the
  /// rule is known only once the slots are.
  std::vector<Suppression> Suppressions;
  /// The call also hands a parameter or field on: a constant port it
  /// hands beside it belongs to the endpoint of the constant upstream.
  bool HandsOn = false;
};

/// What phase one records of one unit's flows.
struct UnitFlows {
  std::vector<FlowEdge> Edges;
  std::vector<FlowSource> Sources;
  std::vector<FlowUse> Uses;
  /// The USRs of the project functions the unit calls with a string or
  /// integer argument and of the fields it stores into, whatever the value:
  /// a sink no unit reaches was given its value by code rehost did not see.
  std::vector<std::string> Reached;
};

} // namespace rehost

#endif // REHOST_FLOW_H
