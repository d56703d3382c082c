// The fact file (model/FactFile.h): what is written is read back exactly; merging fact
// files is commutative and associative (any order, any grouping, the same model as one run
// over every TU); and bytes that are not a fact file of this version, truncated or
// corrupted, give an error, never a crash or a model.
#include "Driver.h"
#include "model/FactFile.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>

namespace leakcheck {
namespace {

const std::string OrderInputs = LEAKCHECK_SOURCE_DIR "/tests/order/";

// The facts of each TU of an input directory, collected one TU at a time.
std::vector<ProgramModel> factsPerUnit(const std::string &Dir, const std::vector<std::string> &Units) {
  std::vector<ProgramModel> Out;
  for (const std::string &U : Units) {
    AnalysisRequest R;
    R.sources = {Dir + U};
    R.compilerArgs = std::vector<std::string>{"-std=c++17"};
    R.keepGoing = true;
    AnalysisResult Result = collectProgram(R);
    // Alone, a TU that does not compile fails the run; its partial facts are still made.
    if (U.find("broken") == std::string::npos)
      EXPECT_TRUE(Result.ok()) << U << Result.diagnostics;
    Out.push_back(std::move(Result.model));
  }
  return Out;
}

std::string bytesOf(const ProgramModel &M) {
  FactFile F;
  F.tool = "test";
  F.unit = "program";
  F.facts = M;
  return writeFactFile(F);
}

ProgramModel copyOf(const ProgramModel &M) { return M; }

ProgramModel mergeAll(std::vector<ProgramModel> Parts) {
  ProgramModel Out;
  for (ProgramModel &P : Parts)
    Out.merge(std::move(P));
  Out.canonicalize();
  return Out;
}

TEST(FactFile, RoundTripsEveryFact) {
  for (const char *Case : {"header_many_tus", "xtu_cache", "broken_tu", "template_specializations"}) {
    std::string Dir = OrderInputs + Case + "/";
    std::vector<std::string> Units;
    for (const char *U : {"main.cpp", "session.cpp", "peers.cpp", "timer.cpp", "submit.cpp",
                          "finish.cpp", "good.cpp", "broken.cpp", "car.cpp", "engine.cpp"})
      if (std::ifstream(Dir + U))
        Units.push_back(U);
    for (ProgramModel &M : factsPerUnit(Dir, Units)) {
      FactFile F;
      F.tool = "0.1.0";
      F.inputs = contentHash("x");
      F.unit = "a.cpp";
      F.compiled = M.brokenUnits.empty();
      F.dependencies = {{"/usr/include/c++/12/memory", contentHash("y")}};
      F.facts = std::move(M);
      std::string Bytes = writeFactFile(F);
      FactFile Back;
      std::string Error;
      ASSERT_TRUE(readFactFile(Bytes, Back, Error)) << Error;
      EXPECT_EQ(writeFactFile(Back), Bytes) << Case;
      EXPECT_EQ(Back.dependencies, F.dependencies);
      EXPECT_EQ(Back.unit, "a.cpp");
    }
  }
}

// Merging is commutative and associative: per library first, then per program, or all at
// once in any order, gives the model of one run over every TU.
TEST(FactFile, MergingIsCommutativeAndAssociative) {
  for (const char *Case : {"header_many_tus", "broken_tu", "xtu_cycle"}) {
    std::string Dir = OrderInputs + Case + "/";
    std::vector<std::string> Units;
    for (const char *U : {"main.cpp", "session.cpp", "peers.cpp", "timer.cpp", "good.cpp",
                          "broken.cpp", "other.cpp", "canvas.cpp", "layer.cpp", "brush.cpp"})
      if (std::ifstream(Dir + U))
        Units.push_back(U);
    ASSERT_GE(Units.size(), 3u) << Case;
    std::vector<ProgramModel> Parts = factsPerUnit(Dir, Units);
    std::string Reference = bytesOf(mergeAll(Parts));

    // Grouped: the first two, then the rest; and the last two, then the rest.
    ProgramModel Left = mergeAll({copyOf(Parts[0]), copyOf(Parts[1])});
    std::vector<ProgramModel> Rest(Parts.begin() + 2, Parts.end());
    Rest.insert(Rest.begin(), std::move(Left));
    EXPECT_EQ(bytesOf(mergeAll(std::move(Rest))), Reference) << Case;
    ProgramModel Right = mergeAll({copyOf(Parts[Parts.size() - 2]), copyOf(Parts.back())});
    std::vector<ProgramModel> Front(Parts.begin(), Parts.end() - 2);
    Front.push_back(std::move(Right));
    EXPECT_EQ(bytesOf(mergeAll(std::move(Front))), Reference) << Case;

    std::mt19937 Random(7);
    for (int Round = 0; Round < 10; ++Round) {
      std::vector<ProgramModel> Shuffled = Parts;
      std::shuffle(Shuffled.begin(), Shuffled.end(), Random);
      EXPECT_EQ(bytesOf(mergeAll(std::move(Shuffled))), Reference) << Case << " round " << Round;
    }
    // Merging a model with itself changes nothing but the count of TUs.
    ProgramModel Twice = mergeAll({copyOf(Parts[0]), copyOf(Parts[0])});
    Twice.translationUnits = Parts[0].translationUnits;
    ProgramModel Once = mergeAll({copyOf(Parts[0])});
    EXPECT_EQ(bytesOf(Twice), bytesOf(Once)) << Case;

    // One run over every TU gives the same facts.
    AnalysisRequest All;
    for (const std::string &U : Units)
      All.sources.push_back(Dir + U);
    All.compilerArgs = std::vector<std::string>{"-std=c++17"};
    All.keepGoing = true;
    ProgramModel Whole = collectProgram(All).model;
    Whole.wholeProgram = mergeAll(Parts).wholeProgram;
    EXPECT_EQ(bytesOf(Whole), Reference) << Case;
  }
}

std::string sampleFile() {
  std::vector<ProgramModel> Parts =
      factsPerUnit(OrderInputs + "header_many_tus/", {"session.cpp", "peers.cpp"});
  FactFile F;
  F.tool = "0.1.0";
  F.unit = "session.cpp";
  F.facts = mergeAll(std::move(Parts));
  return writeFactFile(F);
}

TEST(FactFile, EveryTruncationIsAnError) {
  std::string Bytes = sampleFile();
  ASSERT_GT(Bytes.size(), 500u);
  FactFile Out;
  std::string Error;
  for (size_t Cut = 0; Cut + 2 < Bytes.size(); Cut += std::max<size_t>(1, Bytes.size() / 2000)) {
    EXPECT_FALSE(readFactFile(llvm::StringRef(Bytes).take_front(Cut), Out, Error)) << Cut;
    EXPECT_FALSE(Error.empty());
  }
}

TEST(FactFile, CorruptedBytesNeverCrash) {
  std::string Bytes = sampleFile();
  std::mt19937 Random(11);
  unsigned Read = 0;
  for (int Round = 0; Round < 3000; ++Round) {
    std::string Bad = Bytes;
    for (int Flips = 1 + Random() % 4; Flips > 0; --Flips)
      Bad[Random() % Bad.size()] = static_cast<char>(Random() % 256);
    FactFile Out;
    std::string Error;
    if (readFactFile(Bad, Out, Error))
      ++Read;  // a flip inside a string or a number can leave a valid file
    else
      EXPECT_FALSE(Error.empty());
  }
  EXPECT_LT(Read, 3000u);
}

TEST(FactFile, ErrorsSayWhatAndWhere) {
  FactFile Out;
  std::string Error;
  EXPECT_FALSE(readFactFile("{\"format\": \"leakcheck-facts\", \"version\": 99}", Out, Error));
  EXPECT_EQ(Error, "fact file of version 99, this leakcheck reads version 1 (collect the facts "
                   "again with this leakcheck)");
  EXPECT_FALSE(readFactFile("[]", Out, Error));
  EXPECT_EQ(Error, "not a fact file (no \"format\": \"leakcheck-facts\")");
  EXPECT_FALSE(readFactFile(std::string(100000, '['), Out, Error));
  EXPECT_EQ(Error, "not a fact file: nested deeper than 32 levels");

  std::string Good = sampleFile();
  std::string Bad = Good;
  size_t At = Bad.find("\"decl_length\":");
  ASSERT_NE(At, std::string::npos);
  Bad.replace(At, 14, "\"decl_length\":-");
  EXPECT_FALSE(readFactFile(Bad, Out, Error));
  EXPECT_NE(Error.find("expected a non-negative integer"), std::string::npos) << Error;
  EXPECT_NE(Error.find("fact file.facts.records["), std::string::npos) << Error;
}

} // namespace
} // namespace leakcheck
