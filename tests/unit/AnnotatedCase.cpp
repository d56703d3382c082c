#include "AnnotatedCase.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace leakcheck::test {

namespace {

std::string trim(const std::string &S) {
  size_t B = S.find_first_not_of(" \t"), E = S.find_last_not_of(" \t");
  return B == std::string::npos ? "" : S.substr(B, E - B + 1);
}

std::vector<std::string> split(const std::string &S, const std::string &Sep) {
  std::vector<std::string> Out;
  size_t Start = 0;
  for (size_t Cut; (Cut = S.find(Sep, Start)) != std::string::npos; Start = Cut + Sep.size())
    Out.push_back(trim(S.substr(Start, Cut - Start)));
  Out.push_back(trim(S.substr(Start)));
  return Out;
}

struct Where {
  std::string file;
  unsigned line = 0;
};

std::string at(const std::string &File, unsigned Line) {
  return File + ":" + std::to_string(Line);
}

} // namespace

std::vector<std::string> listCases(const std::string &Dir) {
  std::vector<std::string> Out;
  for (const auto &E : fs::directory_iterator(Dir))
    if (E.is_directory() || E.path().extension() == ".cpp")
      Out.push_back(E.path().string());
  std::sort(Out.begin(), Out.end());
  return Out;
}

std::string caseTestName(const std::string &Path) {
  fs::path P(Path);
  std::string Name = P.parent_path().filename().string() + "_" + P.stem().string();
  for (char &C : Name)
    if (!isalnum(static_cast<unsigned char>(C)))
      C = '_';
  return Name;
}

AnnotatedCase AnnotatedCase::load(const std::string &Path) {
  AnnotatedCase C;
  fs::path P = fs::weakly_canonical(Path);
  C.name = P.filename().string();
  C.root = fs::is_directory(P) ? P.string() : P.parent_path().string();
  std::vector<fs::path> Files;
  if (fs::is_directory(P)) {
    for (const auto &E : fs::directory_iterator(P))
      Files.push_back(E.path());
    std::sort(Files.begin(), Files.end());
  } else {
    Files.push_back(P);
  }
  struct Cycle {
    std::string file;
    unsigned line;
    std::vector<std::string> edges;
  };
  std::vector<Cycle> Cycles;
  std::map<std::string, Where> Edges;
  static const std::regex Annotation(R"(^(CYCLE|EDGE|BACKREF|CACHE|ARGS):\s*(.*)$)");
  for (const fs::path &F : Files) {
    std::string Ext = F.extension().string();
    if (Ext != ".cpp" && Ext != ".h" && Ext != ".hpp")
      continue;
    if (Ext == ".cpp")
      C.sources.push_back(F.string());
    std::string Rel = fs::relative(F, C.root).string();
    std::ifstream In(F);
    std::string Line;
    for (unsigned N = 1; std::getline(In, Line); ++N) {
      size_t Comment = Line.find("// ");
      if (Comment == std::string::npos)
        continue;
      for (const std::string &Part : split(Line.substr(Comment + 3), " ; ")) {
        std::smatch M;
        if (!std::regex_match(Part, M, Annotation))
          continue;
        std::string Kind = M[1], Text = trim(M[2]);
        if (Kind == "ARGS") {
          std::istringstream Words(Text);
          C.args.clear();
          for (std::string W; Words >> W;)
            C.args.push_back(W);
        } else if (Kind == "EDGE") {
          Edges[Text] = {Rel, N};
        } else if (Kind == "CYCLE") {
          std::vector<std::string> Labels = split(Text, "->");
          Edges[Labels.front()] = {Rel, N};
          Cycles.push_back({Rel, N, Labels});
        } else if (Kind == "BACKREF") {
          std::vector<std::string> Parts = split(Text, "=>");
          std::string D = "leakcheck-missing-weak-backref " + Parts[0] + " @" + at(Rel, N);
          if (Parts.size() > 1)
            D += " fix: " + Parts[1];
          C.expected.push_back(D);
        } else if (Kind == "CACHE") {
          C.expected.push_back("leakcheck-unbounded-static-cache " + Text + " @" + at(Rel, N));
        }
      }
    }
  }
  for (const Cycle &Cy : Cycles) {
    std::string D = "leakcheck-shared-ptr-cycle " + Cy.edges.front() + " @" + at(Cy.file, Cy.line) +
                    " cycle:";
    for (const std::string &E : Cy.edges) {
      auto It = Edges.find(E);
      if (It == Edges.end()) {
        C.problems.push_back("no EDGE annotation for " + E);
        continue;
      }
      D += " " + E + "@" + at(It->second.file, It->second.line);
    }
    C.expected.push_back(D);
  }
  std::sort(C.expected.begin(), C.expected.end());
  return C;
}

std::vector<std::string> AnnotatedCase::describeAll(const std::vector<Finding> &Findings) const {
  auto Rel = [&](const std::string &File) {
    return fs::relative(fs::weakly_canonical(File), root).string();
  };
  std::vector<std::string> Out;
  for (const Finding &F : Findings) {
    std::string D = F.check + " " + F.symbol + " @" + at(Rel(F.loc.file), F.loc.line);
    if (!F.cycle.empty()) {
      D += " cycle:";
      for (const CycleEdge &E : F.cycle)
        D += " " + E.record + "::" + E.field + "@" + at(Rel(E.loc.file), E.loc.line);
    }
    if (F.fix && F.check == "leakcheck-missing-weak-backref")
      D += " fix: " + F.fix->replacement;
    Out.push_back(D);
  }
  std::sort(Out.begin(), Out.end());
  return Out;
}

} // namespace leakcheck::test
