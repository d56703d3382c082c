#include "model/ModelDump.h"

#include <fstream>
#include <set>
#include <sstream>

namespace leakcheck {

namespace {

std::string text(const SourceLoc &L) {
  return L.file + ":" + std::to_string(L.line) + ":" + std::to_string(L.column);
}

std::string text(const OwnedTarget &T) {
  return T.record + "/" + std::to_string(int(T.kind)) + (T.many ? "/many" : "");
}

std::string text(const ValueSlot &S) {
  return S.isField() ? S.record + "." + S.field : S.function + "#" + std::to_string(S.param);
}

template <class Range, class Show> std::string list(const Range &R, Show &&S) {
  std::string Out = "[";
  for (const auto &X : R)
    Out += S(X) + ",";
  return Out + "]";
}

} // namespace

void dumpFacts(const ProgramModel &M, const std::string &Path) {
  std::set<std::string> Lines;
  auto Str = [](const std::string &S) { return S; };
  auto Target = [](const OwnedTarget &T) { return text(T); };
  for (const auto &[Key, R] : M.records) {
    Lines.insert("record " + Key + " " + R.name + " " + text(R.loc) + " " + list(R.bases, Str));
    for (const FieldFact &F : R.fields) {
      std::ostringstream S;
      S << "field " << Key << "::" << F.name << " " << text(F.loc) << " {" << F.typeText
        << "} {" << F.declText << "} " << F.declLength << " " << list(F.targets, Target) << " "
        << F.holdsCallable << " " << list(F.callableHolders, Str) << " "
        << list(F.weakFixes, [](const WeakFix &W) {
             return W.target + "{" + W.replacement + "}{" + W.problem + "}";
           });
      Lines.insert(S.str());
    }
  }
  for (const CaptureFact &C : M.captures)
    Lines.insert("capture " + text(C.into) + " " + list(C.captured, Target) + " " + text(C.loc));
  for (const ForwardFact &F : M.forwards)
    Lines.insert("forward " + text(F.from) + " -> " + text(F.into));
  for (const LinkFact &L : M.links)
    Lines.insert("link " + L.function + " " + L.record + "." + L.field + " " + L.holder + " <- " +
                 L.value + " " + L.valueParam + " " + text(L.loc));
  for (const SelfArgumentFact &S : M.selfArguments)
    Lines.insert("self " + S.param + " " + text(S.loc));
  for (const auto &[Key, C] : M.containers) {
    std::ostringstream S;
    S << "container " << Key << " " << C.symbol << " {" << C.function << "} " << C.record << " "
      << C.containerTemplate << " {" << C.typeText << "} " << text(C.loc) << " "
      << int(C.storage) << C.threadLocal << C.isConst << C.definition << C.holdsShared;
    Lines.insert(S.str());
  }
  for (const ContainerUseFact &U : M.containerUses)
    Lines.insert("use " + U.container + " " + std::to_string(int(U.kind)) + " " + U.operation +
                 " {" + U.function + "} " + (U.ownObject ? "own " : "") + text(U.loc));
  for (const ContainerAliasFact &A : M.containerAliases)
    Lines.insert("alias " + A.alias + " = " + A.container);
  for (const StaticInstanceFact &I : M.staticInstances)
    Lines.insert("instance " + I.record + " " + I.variable + " " + text(I.loc));
  for (const CallFact &C : M.calls)
    Lines.insert("call {" + C.caller + "} -> {" + C.callee + "} {" + C.constructs + "}");
  for (const std::string &R : M.automaticInstances)
    Lines.insert("automatic " + R);
  std::ofstream Out(Path);
  for (const std::string &L : Lines)
    Out << L << "\n";
}

} // namespace leakcheck
