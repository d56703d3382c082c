#include "Config.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <yaml-cpp/yaml.h>

namespace leakcheck {

namespace {

// A configuration error at a node; caught in parseConfig, never leaves this file.
struct ConfigError {
  YAML::Mark mark;
  std::string message;
};

[[noreturn]] void fail(const YAML::Node &At, const std::string &Message) {
  throw ConfigError{At.Mark(), Message};
}

std::string scalar(const YAML::Node &Node, const std::string &Key, const char *Expected) {
  if (!Node.IsScalar())
    fail(Node, "'" + Key + "' must be " + Expected);
  return Node.Scalar();
}

// A string, or a list of strings joined by Separator.
std::string stringOrList(const YAML::Node &Node, const std::string &Key, const char *Separator,
                         const char *Expected) {
  if (Node.IsScalar())
    return Node.Scalar();
  if (!Node.IsSequence())
    fail(Node, "'" + Key + "' must be " + Expected);
  std::string Out;
  for (const YAML::Node &Item : Node)
    Out += (Out.empty() ? "" : Separator) + scalar(Item, Key, Expected);
  return Out;
}

std::vector<std::string> listOfStrings(const YAML::Node &Node, const std::string &Key) {
  const char *Expected = "a string or a list of strings";
  std::vector<std::string> Out;
  if (Node.IsScalar())
    return {Node.Scalar()};
  if (!Node.IsSequence())
    fail(Node, "'" + Key + "' must be " + Expected);
  for (const YAML::Node &Item : Node)
    Out.push_back(scalar(Item, Key, Expected));
  return Out;
}

void addCheckOption(const YAML::Node &KeyNode, const YAML::Node &Value, Config &Out) {
  std::string Key = scalar(KeyNode, "CheckOptions", "a map of <check>.<Option>: value");
  const OptionSpec *Spec = findOption(Key);
  if (!Spec) {
    std::string Near = closestOptionKey(Key);
    fail(KeyNode, "unknown option '" + Key + "'" +
                      (Near.empty() ? " (options are <check-name>.<Option> or leakcheck.<Option>; "
                                      "leakcheck --list-checks lists them)"
                                    : " (did you mean " + Near + "?)"));
  }
  const char *Expected = Spec->kind == OptionSpec::Kind::Unsigned
                             ? "a non-negative integer"
                             : "a string or a list of strings";
  std::string Text = Spec->kind == OptionSpec::Kind::Unsigned
                         ? scalar(Value, Key, Expected)
                         : stringOrList(Value, Key, ";", Expected);
  std::string Problem = checkOptionValue(*Spec, Text);
  if (!Problem.empty())
    fail(Value, "bad value of '" + Key + "': " + Problem);
  Out.options.set(Key, Text);
}

void readCheckOptions(const YAML::Node &Node, Config &Out) {
  if (Node.IsMap()) {
    for (const auto &KV : Node)
      addCheckOption(KV.first, KV.second, Out);
    return;
  }
  if (!Node.IsSequence())
    fail(Node, "'CheckOptions' must be a map of <check>.<Option>: value");
  // clang-tidy's older form: a list of {key: ..., value: ...}.
  for (const YAML::Node &Item : Node) {
    if (!Item.IsMap() || !Item["key"] || !Item["value"])
      fail(Item, "'CheckOptions' entries must be {key: <check>.<Option>, value: ...}");
    for (const auto &KV : Item) {
      std::string K = scalar(KV.first, "CheckOptions", "key or value");
      if (K != "key" && K != "value")
        fail(KV.first, "unknown key '" + K + "' in a CheckOptions entry (expected key, value)");
    }
    addCheckOption(Item["key"], Item["value"], Out);
  }
}

void readSuppress(const YAML::Node &Node, Config &Out) {
  if (!Node.IsSequence())
    fail(Node, "'Suppress' must be a list of symbols or of {symbol, check, reason} maps");
  for (const YAML::Node &Item : Node) {
    SuppressEntry E;
    if (Item.IsScalar()) {
      E.symbol = Item.Scalar();
    } else if (Item.IsMap()) {
      for (const auto &KV : Item) {
        std::string K = scalar(KV.first, "Suppress", "a string");
        if (K == "symbol")
          E.symbol = scalar(KV.second, "symbol", "a string (a symbol or a glob)");
        else if (K == "check" || K == "checks")
          E.checks = stringOrList(KV.second, K, ",", "a glob list");
        else if (K == "reason")
          E.reason = scalar(KV.second, "reason", "a string");
        else
          fail(KV.first, "unknown key '" + K + "' in a Suppress entry (expected symbol, check, reason)");
      }
    } else {
      fail(Item, "'Suppress' entries must be a symbol or a {symbol, check, reason} map");
    }
    if (llvm::StringRef(E.symbol).trim().empty())
      fail(Item, "a Suppress entry needs a 'symbol'");
    Out.suppress.push_back(std::move(E));
  }
}

void readTop(const YAML::Node &Doc, Config &Out) {
  if (!Doc || Doc.IsNull())
    return;  // an empty file configures nothing
  if (!Doc.IsMap())
    fail(Doc, "the configuration must be a map of Checks, CheckOptions, Suppress, Exclude, FailOn");
  for (const auto &KV : Doc) {
    std::string Key = scalar(KV.first, "key", "a string");
    const YAML::Node &Value = KV.second;
    if (Key == "Checks") {
      Out.checks = stringOrList(Value, Key, ",", "a glob list (a string or a list of globs)");
      std::vector<std::string> Problems = checkGlobProblems(*Out.checks);
      if (!Problems.empty())
        fail(Value, "'Checks': " + Problems.front());
    } else if (Key == "CheckOptions") {
      readCheckOptions(Value, Out);
    } else if (Key == "Suppress") {
      readSuppress(Value, Out);
    } else if (Key == "Exclude") {
      Out.exclude = listOfStrings(Value, Key);
    } else if (Key == "FailOn") {
      std::string V = scalar(Value, Key, "none or warning");
      if (V != "none" && V != "warning")
        fail(Value, "'FailOn' must be none or warning, not '" + V + "'");
      Out.failOn = V;
    } else {
      fail(KV.first, "unknown key '" + Key +
                         "' (expected Checks, CheckOptions, Suppress, Exclude, FailOn)");
    }
  }
}

// yaml-cpp accepts a quoted scalar that the file never closes, taking everything up to the
// end of the file into it (`Checks: "-*,leakcheck-a` then a newline and more keys). Every
// quoted scalar (tag "!") must have its closing quote in Text.
bool quoteIsClosed(const std::string &Text, size_t Start) {
  if (Start >= Text.size() || (Text[Start] != '"' && Text[Start] != '\''))
    return true;  // not where yaml-cpp says: do not second-guess it
  char Quote = Text[Start];
  for (size_t I = Start + 1; I < Text.size(); ++I) {
    if (Quote == '"' && Text[I] == '\\') {
      ++I;
    } else if (Text[I] == Quote) {
      if (Quote == '\'' && I + 1 < Text.size() && Text[I + 1] == '\'')
        ++I;  // '' is a quote inside a single-quoted scalar
      else
        return true;
    }
  }
  return false;
}

void checkQuotesClosed(const YAML::Node &Node, const std::string &Text) {
  if (Node.IsScalar()) {
    if (Node.Tag() == "!" && !quoteIsClosed(Text, Node.Mark().pos))
      fail(Node, "not valid YAML: this quoted string is never closed");
    return;
  }
  if (Node.IsSequence())
    for (const YAML::Node &Item : Node)
      checkQuotesClosed(Item, Text);
  if (Node.IsMap())
    for (const auto &KV : Node) {
      checkQuotesClosed(KV.first, Text);
      checkQuotesClosed(KV.second, Text);
    }
}

std::string where(const std::string &Path, const YAML::Mark &Mark) {
  if (Mark.is_null())
    return Path + ": ";
  return Path + ":" + std::to_string(Mark.line + 1) + ":" + std::to_string(Mark.column + 1) +
         ": ";
}

} // namespace

bool parseConfig(const std::string &Text, const std::string &Path, Config &Out,
                 std::string &Error) {
  Out = Config();
  Out.path = Path;
  llvm::SmallString<256> Dir(Path);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_filename(Dir);
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  Out.directory = std::string(Dir);
  try {
    YAML::Node Doc = YAML::Load(Text);
    checkQuotesClosed(Doc, Text);
    readTop(Doc, Out);
    return true;
  } catch (const ConfigError &E) {
    Error = where(Path, E.mark) + E.message;
  } catch (const YAML::Exception &E) {
    Error = where(Path, E.mark) + "not valid YAML: " + E.msg;
  }
  return false;
}

bool loadConfig(const std::string &Path, Config &Out, std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = Path + ": cannot read the configuration: " + Buffer.getError().message();
    return false;
  }
  return parseConfig((*Buffer)->getBuffer().str(), Path, Out, Error);
}

std::string findConfigFile(const std::string &Start) {
  llvm::SmallString<256> Dir(Start);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  if (!llvm::sys::fs::is_directory(Dir))
    llvm::sys::path::remove_filename(Dir);
  for (llvm::StringRef D = Dir; !D.empty(); D = llvm::sys::path::parent_path(D)) {
    llvm::SmallString<256> Candidate(D);
    llvm::sys::path::append(Candidate, ConfigFileName);
    if (llvm::sys::fs::is_regular_file(Candidate))
      return std::string(Candidate);
  }
  return "";
}

} // namespace leakcheck
