//===- UnitLog.cpp - What the units print while they run in parallel ------===//

#include "UnitLog.h"

#include "llvm/Support/Format.h"

namespace rehost {

namespace {
// Redrawing on every unit would cost more than a skipped unit.
constexpr std::chrono::milliseconds RedrawInterval(100);
} // namespace

UnitLog::UnitLog(llvm::raw_ostream &Out, std::vector<std::string> Names,
                 ProgressMode Mode, std::chrono::milliseconds PlainInterval)
    : Out(Out), Names(std::move(Names)), Waiting(this->Names.size()),
      Mode(Mode), PlainInterval(PlainInterval),
      Start(std::chrono::steady_clock::now()) {}

UnitLog::~UnitLog() {
  std::lock_guard<std::mutex> Lock(Mutex);
  clearProgress();
  Out.flush();
}

void UnitLog::finish(size_t Index, std::string Text, size_t UnitSites) {
  std::lock_guard<std::mutex> Lock(Mutex);
  Waiting[Index] = std::move(Text);
  ++Done;
  Sites += UnitSites;
  bool Printed = false;
  for (; NextToPrint < Waiting.size() && Waiting[NextToPrint]; ++NextToPrint) {
    if (!Waiting[NextToPrint]->empty()) {
      clearProgress();
      Out << *Waiting[NextToPrint];
      Printed = true;
    }
    Waiting[NextToPrint].emplace(); // Printed: keep no copy.
  }
  auto Now = std::chrono::steady_clock::now();
  bool Last = Done == Waiting.size();
  if (Mode == ProgressMode::Bar &&
      (Printed || Last || Now - LastDrawn >= RedrawInterval))
    drawProgress();
  if (Mode == ProgressMode::Plain &&
      (Done == 1 || Last || Now - LastDrawn >= PlainInterval))
    printPlainLine(Index);
  Out.flush();
}

/// run-clang-tidy's form: units done of total, and the one just done.
void UnitLog::printPlainLine(size_t Index) {
  LastDrawn = std::chrono::steady_clock::now();
  Out << "[" << Done << "/" << Waiting.size() << "] " << Names[Index] << '\n';
}

void UnitLog::clearProgress() {
  if (!ProgressShown)
    return;
  Out << "\r\033[K";
  ProgressShown = false;
}

void UnitLog::drawProgress() {
  auto Now = std::chrono::steady_clock::now();
  LastDrawn = Now;
  double Seconds = std::chrono::duration<double>(Now - Start).count();
  double Rate = Seconds > 0 ? Done / Seconds : 0;
  size_t Total = Waiting.size();
  clearProgress();
  Out << "rehost: " << Done << "/" << Total << " units, " << Sites
      << (Sites == 1 ? " site, " : " sites, ")
      << llvm::format("%.1f units/s", Rate);
  if (Rate > 0 && Done < Total) {
    unsigned Left = static_cast<unsigned>((Total - Done) / Rate + 0.5);
    Out << llvm::format(", %u:%02u left", Left / 60, Left % 60);
  }
  ProgressShown = true;
}

} // namespace rehost
