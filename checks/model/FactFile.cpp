#include "model/FactFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

namespace leakcheck {

namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Path;
using llvm::json::Value;

// Deeper nesting than any fact file has is refused before parsing: the JSON parser recurses.
constexpr unsigned MaxNesting = 32;

bool nestingWithin(llvm::StringRef Bytes, unsigned Max) {
  unsigned Depth = 0;
  bool InString = false;
  for (size_t I = 0; I < Bytes.size(); ++I) {
    char C = Bytes[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
    } else if (C == '"') {
      InString = true;
    } else if (C == '[' || C == '{') {
      if (++Depth > Max)
        return false;
    } else if ((C == ']' || C == '}') && Depth) {
      --Depth;
    }
  }
  return true;
}

// --- Enums by name ---------------------------------------------------------------------

template <class E> struct EnumNames;
template <> struct EnumNames<OwnKind> {
  static constexpr const char *Names[] = {"unique", "shared", "callback"};
};
template <> struct EnumNames<ContainerFact::Storage> {
  static constexpr const char *Names[] = {"namespace", "static-member", "function-static",
                                          "member"};
};
template <> struct EnumNames<ContainerUseFact::Kind> {
  static constexpr const char *Names[] = {"grow", "shrink", "bound"};
};

// --- Writing ---------------------------------------------------------------------------

// Declared first: the list templates below call them for their elements.
Value write(const SourceLoc &);
Value write(const OwnedTarget &);
Value write(const WeakFix &);
Value write(const FieldFact &);
Value write(const RecordFact &);
Value write(const ValueSlot &);
Value write(const CaptureFact &);
Value write(const ForwardFact &);
Value write(const LinkFact &);
Value write(const SelfArgumentFact &);
Value write(const ContainerFact &);
Value write(const ContainerUseFact &);
Value write(const ContainerAliasFact &);
Value write(const StaticInstanceFact &);
Value write(const CallFact &);
Value write(const BrokenUnit &);
bool read(const Value &, SourceLoc &, Path);
bool read(const Value &, OwnedTarget &, Path);
bool read(const Value &, WeakFix &, Path);
bool read(const Value &, FieldFact &, Path);
bool read(const Value &, RecordFact &, Path);
bool read(const Value &, ValueSlot &, Path);
bool read(const Value &, CaptureFact &, Path);
bool read(const Value &, ForwardFact &, Path);
bool read(const Value &, LinkFact &, Path);
bool read(const Value &, SelfArgumentFact &, Path);
bool read(const Value &, ContainerFact &, Path);
bool read(const Value &, ContainerUseFact &, Path);
bool read(const Value &, ContainerAliasFact &, Path);
bool read(const Value &, StaticInstanceFact &, Path);
bool read(const Value &, CallFact &, Path);
bool read(const Value &, BrokenUnit &, Path);
bool read(const Value &, std::pair<std::string, std::string> &, Path);
bool read(const Value &, ProgramModel &, Path);
bool read(const Value &, std::set<std::string> &, Path);


Value write(const std::string &S) { return S; }
Value write(unsigned N) { return static_cast<int64_t>(N); }
Value write(bool B) { return B; }
template <class E, class = std::enable_if_t<std::is_enum_v<E>>> Value write(E Kind) {
  return EnumNames<E>::Names[static_cast<unsigned>(Kind)];
}
template <class T> Value write(const std::vector<T> &List) {
  Array Out;
  for (const T &X : List)
    Out.push_back(write(X));
  return Out;
}
Value write(const std::set<std::string> &Set) {
  return write(std::vector<std::string>(Set.begin(), Set.end()));
}
Value write(const SourceLoc &L) { return Array{L.file, L.line, L.column}; }
Value write(const OwnedTarget &T) {
  return Object{{"record", T.record}, {"kind", write(T.kind)}, {"many", T.many}};
}
Value write(const WeakFix &W) {
  return Object{{"target", W.target}, {"replacement", W.replacement}, {"problem", W.problem}};
}
Value write(const FieldFact &F) {
  return Object{{"name", F.name},
                {"loc", write(F.loc)},
                {"type", F.typeText},
                {"decl", F.declText},
                {"decl_length", write(F.declLength)},
                {"targets", write(F.targets)},
                {"holds_callable", F.holdsCallable},
                {"callable_holders", write(F.callableHolders)},
                {"weak_fixes", write(F.weakFixes)}};
}
Value write(const RecordFact &R) {
  return Object{{"key", R.key},       {"name", R.name},        {"loc", write(R.loc)},
                {"bases", write(R.bases)}, {"fields", write(R.fields)},
                {"partial_in", write(R.partialIn)}};
}
Value write(const ValueSlot &S) {
  return Object{{"record", S.record}, {"field", S.field}, {"function", S.function},
                {"param", write(S.param)}};
}
Value write(const CaptureFact &C) {
  return Object{{"into", write(C.into)}, {"captured", write(C.captured)}, {"loc", write(C.loc)}};
}
Value write(const ForwardFact &F) { return Object{{"from", write(F.from)}, {"into", write(F.into)}}; }
Value write(const LinkFact &L) {
  return Object{{"function", L.function}, {"record", L.record}, {"field", L.field},
                {"holder", L.holder},     {"value", L.value},   {"value_param", L.valueParam},
                {"loc", write(L.loc)}};
}
Value write(const SelfArgumentFact &S) { return Object{{"param", S.param}, {"loc", write(S.loc)}}; }
Value write(const ContainerFact &C) {
  return Object{{"key", C.key},
                {"symbol", C.symbol},
                {"function", C.function},
                {"record", C.record},
                {"template", C.containerTemplate},
                {"type", C.typeText},
                {"loc", write(C.loc)},
                {"storage", write(C.storage)},
                {"thread_local", C.threadLocal},
                {"const", C.isConst},
                {"definition", C.definition},
                {"holds_shared", C.holdsShared},
                {"partial_in", write(C.partialIn)}};
}
Value write(const ContainerUseFact &U) {
  return Object{{"container", U.container}, {"kind", write(U.kind)},
                {"operation", U.operation}, {"function", U.function},
                {"own_object", U.ownObject}, {"loc", write(U.loc)}};
}
Value write(const ContainerAliasFact &A) {
  return Object{{"alias", A.alias}, {"container", A.container}};
}
Value write(const StaticInstanceFact &I) {
  return Object{{"record", I.record}, {"variable", I.variable}, {"loc", write(I.loc)}};
}
Value write(const CallFact &C) {
  return Object{{"caller", C.caller}, {"callee", C.callee}, {"constructs", C.constructs}};
}
Value write(const BrokenUnit &U) {
  return Object{{"file", U.file},
                {"first_error", U.firstError},
                {"missing_headers", write(U.missingHeaders)},
                {"invalid_records", write(U.invalidRecords)}};
}
template <class T> Value writeValues(const std::map<std::string, T> &Map) {
  Array Out;
  for (const auto &Entry : Map)
    Out.push_back(write(Entry.second));
  return Out;
}
Value write(const ProgramModel &M) {
  return Object{{"records", writeValues(M.records)},
                {"captures", write(M.captures)},
                {"forwards", write(M.forwards)},
                {"links", write(M.links)},
                {"self_arguments", write(M.selfArguments)},
                {"containers", writeValues(M.containers)},
                {"container_uses", write(M.containerUses)},
                {"container_aliases", write(M.containerAliases)},
                {"static_instances", write(M.staticInstances)},
                {"automatic_instances", write(M.automaticInstances)},
                {"calls", write(M.calls)},
                {"invalid_records", write(M.invalidRecords)},
                {"broken_units", write(M.brokenUnits)},
                {"translation_units", write(M.translationUnits)},
                {"whole_program", M.wholeProgram}};
}

// --- Reading ---------------------------------------------------------------------------
// Each read() checks the value's shape and reports the first problem at its path.

bool read(const Value &V, std::string &Out, Path P) {
  if (auto S = V.getAsString()) {
    Out = S->str();
    return true;
  }
  P.report("expected a string");
  return false;
}
bool read(const Value &V, bool &Out, Path P) {
  if (auto B = V.getAsBoolean()) {
    Out = *B;
    return true;
  }
  P.report("expected true or false");
  return false;
}
bool read(const Value &V, unsigned &Out, Path P) {
  auto N = V.getAsInteger();
  if (!N || *N < 0 || *N > std::numeric_limits<unsigned>::max()) {
    P.report("expected a non-negative integer");
    return false;
  }
  Out = static_cast<unsigned>(*N);
  return true;
}
template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
bool read(const Value &V, E &Out, Path P) {
  std::string Name;
  if (!read(V, Name, P))
    return false;
  const auto &Names = EnumNames<E>::Names;
  for (unsigned I = 0; I < std::size(Names); ++I)
    if (Name == Names[I]) {
      Out = static_cast<E>(I);
      return true;
    }
  P.report("unknown name");
  return false;
}
template <class T> bool read(const Value &V, std::vector<T> &Out, Path P) {
  const Array *A = V.getAsArray();
  if (!A) {
    P.report("expected an array");
    return false;
  }
  Out.clear();
  Out.reserve(A->size());
  for (size_t I = 0; I < A->size(); ++I) {
    Out.emplace_back();
    if (!read((*A)[I], Out.back(), P.index(I)))
      return false;
  }
  return true;
}
bool read(const Value &V, std::set<std::string> &Out, Path P) {
  std::vector<std::string> List;
  if (!read(V, List, P))
    return false;
  Out = std::set<std::string>(List.begin(), List.end());
  return true;
}
bool read(const Value &V, SourceLoc &L, Path P) {
  const Array *A = V.getAsArray();
  if (!A || A->size() != 3) {
    P.report("expected [file, line, column]");
    return false;
  }
  return read((*A)[0], L.file, P.index(0)) && read((*A)[1], L.line, P.index(1)) &&
         read((*A)[2], L.column, P.index(2));
}

// The members of one object: `Fields F(V, P); return F && F("name", X.name) && ...`.
class Fields {
public:
  Fields(const Value &V, Path P) : O(V.getAsObject()), P(P) {
    if (!O)
      P.report("expected an object");
  }
  explicit operator bool() const { return O != nullptr; }
  template <class T> bool operator()(llvm::StringLiteral Key, T &Out) {
    const Value *V = O->get(Key);
    if (!V) {
      P.field(Key).report("missing");
      return false;
    }
    return read(*V, Out, P.field(Key));
  }

private:
  const Object *O;
  Path P;
};

bool read(const Value &V, OwnedTarget &T, Path P) {
  Fields F(V, P);
  return F && F("record", T.record) && F("kind", T.kind) && F("many", T.many);
}
bool read(const Value &V, WeakFix &W, Path P) {
  Fields F(V, P);
  return F && F("target", W.target) && F("replacement", W.replacement) &&
         F("problem", W.problem);
}
bool read(const Value &V, FieldFact &X, Path P) {
  Fields F(V, P);
  return F && F("name", X.name) && F("loc", X.loc) && F("type", X.typeText) &&
         F("decl", X.declText) && F("decl_length", X.declLength) && F("targets", X.targets) &&
         F("holds_callable", X.holdsCallable) && F("callable_holders", X.callableHolders) &&
         F("weak_fixes", X.weakFixes);
}
bool read(const Value &V, RecordFact &R, Path P) {
  Fields F(V, P);
  return F && F("key", R.key) && F("name", R.name) && F("loc", R.loc) && F("bases", R.bases) &&
         F("fields", R.fields) && F("partial_in", R.partialIn);
}
bool read(const Value &V, ValueSlot &S, Path P) {
  Fields F(V, P);
  return F && F("record", S.record) && F("field", S.field) && F("function", S.function) &&
         F("param", S.param);
}
bool read(const Value &V, CaptureFact &C, Path P) {
  Fields F(V, P);
  return F && F("into", C.into) && F("captured", C.captured) && F("loc", C.loc);
}
bool read(const Value &V, ForwardFact &X, Path P) {
  Fields F(V, P);
  return F && F("from", X.from) && F("into", X.into);
}
bool read(const Value &V, LinkFact &L, Path P) {
  Fields F(V, P);
  return F && F("function", L.function) && F("record", L.record) && F("field", L.field) &&
         F("holder", L.holder) && F("value", L.value) && F("value_param", L.valueParam) &&
         F("loc", L.loc);
}
bool read(const Value &V, SelfArgumentFact &S, Path P) {
  Fields F(V, P);
  return F && F("param", S.param) && F("loc", S.loc);
}
bool read(const Value &V, ContainerFact &C, Path P) {
  Fields F(V, P);
  return F && F("key", C.key) && F("symbol", C.symbol) && F("function", C.function) &&
         F("record", C.record) && F("template", C.containerTemplate) && F("type", C.typeText) &&
         F("loc", C.loc) && F("storage", C.storage) && F("thread_local", C.threadLocal) &&
         F("const", C.isConst) && F("definition", C.definition) &&
         F("holds_shared", C.holdsShared) && F("partial_in", C.partialIn);
}
bool read(const Value &V, ContainerUseFact &U, Path P) {
  Fields F(V, P);
  return F && F("container", U.container) && F("kind", U.kind) &&
         F("operation", U.operation) && F("function", U.function) &&
         F("own_object", U.ownObject) && F("loc", U.loc);
}
bool read(const Value &V, ContainerAliasFact &A, Path P) {
  Fields F(V, P);
  return F && F("alias", A.alias) && F("container", A.container);
}
bool read(const Value &V, StaticInstanceFact &I, Path P) {
  Fields F(V, P);
  return F && F("record", I.record) && F("variable", I.variable) && F("loc", I.loc);
}
bool read(const Value &V, CallFact &C, Path P) {
  Fields F(V, P);
  return F && F("caller", C.caller) && F("callee", C.callee) && F("constructs", C.constructs);
}
bool read(const Value &V, BrokenUnit &U, Path P) {
  Fields F(V, P);
  return F && F("file", U.file) && F("first_error", U.firstError) &&
         F("missing_headers", U.missingHeaders) && F("invalid_records", U.invalidRecords);
}
// A map by key, stored as the list of its values: each key must be unique.
template <class T>
bool readByKey(const Value &V, std::map<std::string, T> &Out, Path P) {
  std::vector<T> List;
  if (!read(V, List, P))
    return false;
  Out.clear();
  for (size_t I = 0; I < List.size(); ++I)
    if (!Out.emplace(List[I].key, std::move(List[I])).second) {
      P.index(I).report("a second entry with this key");
      return false;
    }
  return true;
}
bool read(const Value &V, ProgramModel &M, Path P) {
  const Object *O = V.getAsObject();
  if (!O) {
    P.report("expected an object");
    return false;
  }
  Fields F(V, P);
  const Value *Records = O->get("records"), *Containers = O->get("containers");
  if (!Records || !Containers) {
    P.field(Records ? "containers" : "records").report("missing");
    return false;
  }
  return readByKey(*Records, M.records, P.field("records")) && F("captures", M.captures) &&
         F("forwards", M.forwards) && F("links", M.links) &&
         F("self_arguments", M.selfArguments) &&
         readByKey(*Containers, M.containers, P.field("containers")) &&
         F("container_uses", M.containerUses) && F("container_aliases", M.containerAliases) &&
         F("static_instances", M.staticInstances) &&
         F("automatic_instances", M.automaticInstances) && F("calls", M.calls) &&
         F("invalid_records", M.invalidRecords) && F("broken_units", M.brokenUnits) &&
         F("translation_units", M.translationUnits) && F("whole_program", M.wholeProgram);
}

bool read(const Value &V, std::pair<std::string, std::string> &Dep, Path P) {
  const Array *A = V.getAsArray();
  if (!A || A->size() != 2) {
    P.report("expected [file, hash]");
    return false;
  }
  return read((*A)[0], Dep.first, P.index(0)) && read((*A)[1], Dep.second, P.index(1));
}

} // namespace

std::string writeFactFile(const FactFile &File) {
  Array Deps;
  for (const auto &[Path, Hash] : File.dependencies)
    Deps.push_back(Array{Path, Hash});
  Value Doc = Object{{"format", "leakcheck-facts"},
                     {"version", static_cast<int64_t>(FactFileVersion)},
                     {"tool", File.tool},
                     {"inputs", File.inputs},
                     {"unit", File.unit},
                     {"compiled", File.compiled},
                     {"dependencies", std::move(Deps)},
                     {"facts", write(File.facts)}};
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << Doc << "\n";  // llvm::json::Object keeps its keys sorted: the bytes are deterministic
  return Out;
}

bool readFactFile(llvm::StringRef Bytes, FactFile &Out, std::string &Error) {
  if (!nestingWithin(Bytes, MaxNesting)) {
    Error = "not a fact file: nested deeper than " + std::to_string(MaxNesting) + " levels";
    return false;
  }
  llvm::Expected<Value> Doc = llvm::json::parse(Bytes);
  if (!Doc) {
    Error = "not a fact file: " + llvm::toString(Doc.takeError());
    return false;
  }
  const Object *Top = Doc->getAsObject();
  if (!Top || Top->getString("format") != llvm::StringRef("leakcheck-facts")) {
    Error = "not a fact file (no \"format\": \"leakcheck-facts\")";
    return false;
  }
  std::optional<int64_t> Version = Top->getInteger("version");
  if (Version != static_cast<int64_t>(FactFileVersion)) {
    Error = "fact file of version " + (Version ? std::to_string(*Version) : std::string("?")) +
            ", this leakcheck reads version " + std::to_string(FactFileVersion) +
            " (collect the facts again with this leakcheck)";
    return false;
  }
  FactFile File;
  llvm::json::Path::Root Root("fact file");
  Fields F(*Doc, Root);
  if (!(F("tool", File.tool) && F("inputs", File.inputs) && F("unit", File.unit) &&
        F("compiled", File.compiled) && F("dependencies", File.dependencies) &&
        F("facts", File.facts))) {
    Error = llvm::toString(Root.getError());
    return false;
  }
  Out = std::move(File);
  return true;
}

std::string contentHash(llvm::StringRef Bytes) {
  auto Hash = llvm::BLAKE3::hash<16>(llvm::arrayRefFromStringRef(Bytes));
  return llvm::toHex(Hash, /*LowerCase=*/true);
}

void FactInputs::add(llvm::StringRef Label, llvm::StringRef Value) {
  // Length-prefixed, so that no two different lists of inputs give the same text.
  Text += std::to_string(Label.size()) + ":" + Label.str() + "=" + std::to_string(Value.size()) +
          ":" + Value.str() + "\n";
}

std::string FactInputs::hash() const { return contentHash(Text); }

} // namespace leakcheck
