//===- GithubWriter.cpp - GitHub Actions workflow annotations -------------===//
//
// One `::error file=…,line=…,col=…,title=…::message` command per finding: a
// workflow step that prints them puts each finding on its line in the pull
// request. A suppressed finding is a notice, so it is visible but not red.
//
//===----------------------------------------------------------------------===//

#include "rehost/Report.h"

#include "llvm/Support/raw_ostream.h"

namespace rehost {
namespace {

/// GitHub's escaping of a command's message.
std::string escapeData(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (C == '%')
      Out += "%25";
    else if (C == '\r')
      Out += "%0D";
    else if (C == '\n')
      Out += "%0A";
    else
      Out += C;
  }
  return Out;
}

/// And of a property value, where ':' and ',' separate.
std::string escapeProperty(llvm::StringRef Text) {
  std::string Out;
  for (char C : escapeData(Text)) {
    if (C == ':')
      Out += "%3A";
    else if (C == ',')
      Out += "%2C";
    else
      Out += C;
  }
  return Out;
}

} // namespace

void writeGithub(const Report &Input, llvm::raw_ostream &OS) {
  const Report R = sanitizedReport(Input);
  for (const FileReport &File : R.Files) {
    for (const Finding &F : File.Findings) {
      std::string Message = F.message();
      if (!F.isActive())
        Message = "suppressed by " + F.SuppressedBy +
                  (F.Reason.empty() ? "" : " (" + F.Reason + ")") + ": " +
                  Message;
      OS << (F.isActive() ? "::error" : "::notice")
         << " file=" << escapeProperty(File.DisplayPath) << ",line=" << F.Line
         << ",col=" << F.Column << ",title=" << escapeProperty(checkName(F.R))
         << "::" << escapeData(Message) << '\n';
    }
    if (File.State == FileReport::Status::Error)
      OS << "::error file=" << escapeProperty(File.DisplayPath)
         << ",title=rehost::" << escapeData("not analysed: " + File.Error)
         << '\n';
    if (File.State == FileReport::Status::Skipped)
      OS << "::notice file=" << escapeProperty(File.DisplayPath)
         << ",title=rehost::" << escapeData(File.Error) << '\n';
  }
}

} // namespace rehost
