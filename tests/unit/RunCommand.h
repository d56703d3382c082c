// Running programs from tests as users do (leakcheck, clang-tidy, python3), each test in a
// scratch directory of its own.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace leakcheck::test {

namespace fs = std::filesystem;

struct Outcome {
  int status = -1;  // exit status; -1 when killed by a signal
  std::string out, err;
};

inline std::string slurp(const fs::path &P) {
  std::ifstream In(P);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

// A test with its own scratch directory Dir, removed afterwards.
class ScratchTest : public ::testing::Test {
protected:
  void SetUp() override {
    const auto *Info = ::testing::UnitTest::GetInstance()->current_test_info();
    Dir = fs::temp_directory_path() / ("leakcheck-" + std::string(Info->test_suite_name()) + "-" +
                                       std::to_string(::getpid()) + "-" + Info->name());
    fs::remove_all(Dir);
    fs::create_directories(Dir);
  }
  void TearDown() override { fs::remove_all(Dir); }

  // Runs Command (a shell command line) in Cwd, capturing its output.
  Outcome run(const std::string &Command, const fs::path &Cwd) {
    Outcome R;
    std::string Cmd = "cd '" + Cwd.string() + "' && " + Command + " >'" +
                      (Dir / ".out").string() + "' 2>'" + (Dir / ".err").string() + "'";
    int Raw = std::system(Cmd.c_str());
    R.status = WIFEXITED(Raw) ? WEXITSTATUS(Raw) : -1;
    R.out = slurp(Dir / ".out");
    R.err = slurp(Dir / ".err");
    return R;
  }
  Outcome run(const std::string &Command) { return run(Command, Dir); }

  fs::path write(const std::string &Name, const std::string &Text) {
    fs::path P = Dir / Name;
    fs::create_directories(P.parent_path());
    std::ofstream(P) << Text;
    return P;
  }

  // BuildDir/compile_commands.json compiling each of Files (relative to Dir) with Command
  // ("g++ -std=c++17") run in Dir.
  void writeCompileCommands(const std::string &BuildDir, const std::vector<std::string> &Files,
                            const std::string &Command) {
    std::string Db = "[";
    for (const std::string &F : Files)
      Db += std::string(Db.size() > 1 ? "," : "") + "{\"directory\": \"" + Dir.string() +
            "\", \"command\": \"" + Command + " -c " + F + "\", \"file\": \"" + F + "\"}";
    write(BuildDir + "/compile_commands.json", Db + "]");
  }

  fs::path Dir;
};

// Runs the leakcheck executable.
class LeakcheckTest : public ScratchTest {
protected:
  // Runs leakcheck with Args (shell words) in directory Cwd.
  Outcome leakcheck(const std::string &Args, const fs::path &Cwd = fs::current_path()) {
    return run("'" LEAKCHECK_BINARY "' " + Args, Cwd);
  }
  // A test input of the cycle check.
  static std::string input(const std::string &Name) {
    return std::string(LEAKCHECK_TEST_INPUTS "/shared-ptr-cycle/") + Name;
  }
};

inline bool contains(const std::string &Haystack, const std::string &Needle) {
  return Haystack.find(Needle) != std::string::npos;
}

} // namespace leakcheck::test
