//===- Baseline.cpp - The findings a project has accepted for now ---------===//

#include "rehost/Baseline.h"

#include "rehost/Paths.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <tuple>

namespace rehost {
namespace {

/// The format's version: a reader refuses a baseline it cannot read.
constexpr int64_t BaselineVersion = 1;

auto key(const BaselineEntry &E) {
  return std::tie(E.File, E.Rule, E.Api, E.Function, E.Fingerprint);
}

void normalise(Baseline &B) {
  llvm::sort(B.Entries);
  B.Entries.erase(std::unique(B.Entries.begin(), B.Entries.end()),
                  B.Entries.end());
  B.Fingerprints.clear();
  for (const BaselineEntry &E : B.Entries)
    B.Fingerprints.insert(E.Fingerprint);
}

llvm::Error baselineError(llvm::StringRef Path, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Path + ": not a rehost baseline: " + Why);
}

} // namespace

bool BaselineEntry::operator<(const BaselineEntry &O) const {
  return key(*this) < key(O);
}

bool BaselineEntry::operator==(const BaselineEntry &O) const {
  return key(*this) == key(O);
}

Baseline baselineOf(const Report &R) {
  Baseline Out;
  for (const FileReport &File : R.Files)
    for (const Finding &F : File.Findings)
      if (F.isActive())
        Out.Entries.push_back({F.Fingerprint, File.DisplayPath,
                               ruleId(F.R).str(), F.Api, F.Function});
  for (const FileReport &File : R.Files)
    if (File.State == FileReport::Status::Skipped)
      Out.Unanalysed.push_back(File.DisplayPath);
  llvm::sort(Out.Unanalysed);
  normalise(Out);
  return Out;
}

Baseline updatedBaseline(const Baseline &Old, const Report &R,
                         const std::function<bool(llvm::StringRef)> &Analysed,
                         unsigned &NotAdded) {
  Baseline Now = baselineOf(R);
  Baseline Out;
  Out.Unanalysed = Now.Unanalysed;
  for (const BaselineEntry &E : Old.Entries)
    if (!Analysed(E.File) || llvm::is_contained(Now.Unanalysed, E.File) ||
        Now.holds(E.Fingerprint))
      Out.Entries.push_back(E);
  NotAdded = llvm::count_if(Now.Entries, [&](const BaselineEntry &E) {
    return !Old.holds(E.Fingerprint);
  });
  normalise(Out);
  return Out;
}

std::string renderBaseline(const Baseline &B) {
  llvm::json::Array Entries;
  for (const BaselineEntry &E : B.Entries)
    Entries.push_back(llvm::json::Object{{"fingerprint", E.Fingerprint},
                                         {"file", E.File},
                                         {"rule", E.Rule},
                                         {"api", E.Api},
                                         {"function", E.Function}});
  llvm::json::Object Doc{{"tool", "rehost"},
                         {"version", BaselineVersion},
                         {"findings", std::move(Entries)}};
  if (!B.Root.empty())
    Doc["root"] = B.Root;
  if (!B.Unanalysed.empty())
    Doc["unanalysed"] = llvm::json::Array(B.Unanalysed);
  return llvm::formatv("{0:2}", llvm::json::Value(std::move(Doc))).str() + "\n";
}

llvm::Expected<Baseline> readBaseline(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return llvm::createStringError(
        Buffer.getError(),
        Path + ": cannot read the baseline: " + Buffer.getError().message());
  auto Json = llvm::json::parse((*Buffer)->getBuffer());
  if (!Json)
    return baselineError(Path, llvm::toString(Json.takeError()));
  const llvm::json::Object *Doc = Json->getAsObject();
  if (!Doc || Doc->getString("tool") != llvm::StringRef("rehost"))
    return baselineError(Path, "expected an object with \"tool\": \"rehost\"");
  if (Doc->getInteger("version") != BaselineVersion)
    return baselineError(Path, "this rehost reads version " +
                                   llvm::Twine(BaselineVersion));
  const llvm::json::Array *Entries = Doc->getArray("findings");
  if (!Entries)
    return baselineError(Path, "\"findings\" is not an array");
  Baseline Out;
  if (const llvm::json::Value *Root = Doc->get("root")) {
    auto Text = Root->getAsString();
    if (!Text || Text->empty())
      return baselineError(Path, "\"root\" is not a non-empty string");
    Out.Root = Text->str();
  }
  if (const llvm::json::Value *Skipped = Doc->get("unanalysed")) {
    const llvm::json::Array *Units = Skipped->getAsArray();
    for (size_t I = 0; Units && I != Units->size(); ++I)
      if (auto Unit = (*Units)[I].getAsString())
        Out.Unanalysed.push_back(Unit->str());
      else
        Units = nullptr;
    if (!Units)
      return baselineError(Path, "\"unanalysed\" is not a list of paths");
  }
  for (size_t I = 0; I != Entries->size(); ++I) {
    const llvm::json::Object *Entry = (*Entries)[I].getAsObject();
    if (!Entry)
      return baselineError(Path,
                           llvm::formatv("findings[{0}] is not an object", I));
    BaselineEntry E;
    for (auto [Key, Field] :
         {std::pair{"fingerprint", &E.Fingerprint}, std::pair{"file", &E.File},
          std::pair{"rule", &E.Rule}, std::pair{"api", &E.Api},
          std::pair{"function", &E.Function}}) {
      auto Text = Entry->getString(Key);
      if (!Text)
        return baselineError(Path, llvm::formatv("findings[{0}] has no "
                                                 "string \"{1}\"",
                                                 I, Key));
      *Field = Text->str();
    }
    if (E.Fingerprint.empty())
      return baselineError(Path, llvm::formatv("findings[{0}]: empty "
                                               "\"fingerprint\"",
                                               I));
    Out.Entries.push_back(std::move(E));
  }
  normalise(Out);
  return Out;
}

std::string baselineRootOf(const Baseline &B, llvm::StringRef BaselinePath) {
  if (B.Root.empty())
    return {};
  llvm::SmallString<256> Root(
      llvm::sys::path::parent_path(realPath(BaselinePath)));
  llvm::sys::path::append(Root, B.Root);
  return realPath(Root);
}

std::string baselineRootFor(llvm::StringRef ProjectRoot,
                            llvm::StringRef BaselinePath) {
  llvm::SmallString<256> Dir(
      llvm::sys::path::parent_path(realPath(BaselinePath)));
  return relativePath(realPath(ProjectRoot), realPath(Dir));
}

void markBaselined(Report &R, const Baseline &B) {
  R.ComparedToBaseline = true;
  for (FileReport &File : R.Files)
    for (Finding &F : File.Findings)
      F.InBaseline = F.isActive() && B.holds(F.Fingerprint);
}

void removeBaselined(Report &R, const Baseline &B) {
  R.ComparedToBaseline = true;
  keepFindings(R, [&](const FileReport &, const Finding &F) {
    bool Known = F.isActive() && B.holds(F.Fingerprint);
    R.Baselined += Known;
    return !Known;
  });
}

} // namespace rehost
