//===- UnitLog.h - What the units print while they run in parallel --------===//
//
// Units finish in any order under -j; their warnings and the compiler's
// errors must read as a serial run's. Each unit's text is printed whole, in
// the units' order, as soon as the units before it are done. Progress as the
// run's ProgressMode says: a line (units done of total, sites so far, rate,
// time left) that stays below the text, or `[N/M] path` lines now and then.
//
//===----------------------------------------------------------------------===//

#ifndef REHOST_LIB_PROJECT_UNITLOG_H
#define REHOST_LIB_PROJECT_UNITLOG_H

#include "rehost/Progress.h"

#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace rehost {

class UnitLog {
public:
  /// \p Names: how plain lines name each unit. \p PlainInterval: the least
  /// time between two plain lines.
  UnitLog(llvm::raw_ostream &Out, std::vector<std::string> Names,
          ProgressMode Mode, std::chrono::milliseconds PlainInterval);
  /// Clears the progress line.
  ~UnitLog();

  /// Unit \p Index is done: \p Text is what it printed, \p Sites how many
  /// sites it found. Thread-safe.
  void finish(size_t Index, std::string Text, size_t Sites);

private:
  void clearProgress();
  void drawProgress();
  void printPlainLine(size_t Index);

  std::mutex Mutex;
  llvm::raw_ostream &Out;
  std::vector<std::string> Names;
  std::vector<std::optional<std::string>> Waiting;
  size_t NextToPrint = 0;
  size_t Done = 0;
  size_t Sites = 0;
  ProgressMode Mode;
  std::chrono::milliseconds PlainInterval;
  bool ProgressShown = false;
  std::chrono::steady_clock::time_point Start;
  std::chrono::steady_clock::time_point LastDrawn;
};

} // namespace rehost

#endif // REHOST_LIB_PROJECT_UNITLOG_H
