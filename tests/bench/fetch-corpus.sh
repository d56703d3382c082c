#!/usr/bin/env bash
# Fetches the benchmark corpus: real C++ projects from Debian's source packages, pinned by
# version, each configured with CMake to write compile_commands.json. Nothing lands in the
# repository: the corpus lives in $LEAKCHECK_CORPUS (default ~/.cache/leakcheck-corpus).
#
#   tests/bench/fetch-corpus.sh            # fetch and configure every project (idempotent)
#   tests/bench/fetch-corpus.sh spdlog     # only some
#   tests/bench/fetch-corpus.sh --print-src-entries   # the deb-src entries it would add
#
# Needs root (or sudo) for apt-get: it adds Debian's deb-src entry and the projects' build
# dependencies.
set -euo pipefail
CORPUS=${LEAKCHECK_CORPUS:-$HOME/.cache/leakcheck-corpus}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/corpus.list"
sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive

# The deb-src entries apt needs for `apt-get source` and `build-dep`, derived from the
# machine's own Debian entries (deb822 files in sources.list.d, or one-line sources.list):
# the same URIs, suites, components and options, so the script works wherever apt does.
# Prints them in the format of the first file found (deb822 stanzas, or one-line entries
# after a "#one-line" marker); prints nothing when a deb-src entry exists already.
# LEAKCHECK_APT_DIR (default /etc/apt) is for tests.
apt_dir=${LEAKCHECK_APT_DIR:-/etc/apt}
src_entries() {
  local f found=""
  for f in "$apt_dir"/sources.list.d/*.sources; do
    [ -f "$f" ] && [ "$(basename "$f")" != leakcheck-src.sources ] && found+=" $f"
  done
  if [ -n "$found" ]; then
    # shellcheck disable=SC2086
    awk '
      function flush() {
        if (types ~ /(^| )deb-src( |$)/) has_src = 1
        else if (types ~ /(^| )deb( |$)/ && enabled != "no" && uris != "")
          out = out "Types: deb-src\n" rest "\n"
        types = ""; uris = ""; enabled = ""; rest = ""
      }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); next }
      {
        key = $1; sub(/:$/, "", key); value = $0; sub(/^[^:]*:[ \t]*/, "", value)
        if (key == "Types") types = value
        else if (key == "Enabled") enabled = tolower(value)
        else { if (key == "URIs") uris = value; rest = rest $0 "\n" }
      }
      END { flush(); if (!has_src) printf "%s", out }
    ' $found
    return
  fi
  if [ -f "$apt_dir/sources.list" ]; then
    grep -Eq '^[[:space:]]*deb-src[[:space:]]' "$apt_dir/sources.list" && return
    echo "#one-line"
    sed -nE 's/^[[:space:]]*deb([[:space:]])/deb-src\1/p' "$apt_dir/sources.list"
  fi
}
if [ "${1:-}" = --print-src-entries ]; then
  src_entries
  exit 0
fi

if [ ! -f "$apt_dir/sources.list.d/leakcheck-src.sources" ] &&
   [ ! -f "$apt_dir/sources.list.d/leakcheck-src.list" ]; then
  entries=$(src_entries)
  if [ -n "$entries" ]; then
    if [ "${entries%%$'\n'*}" = "#one-line" ]; then
      printf '%s\n' "${entries#*$'\n'}" | $sudo tee "$apt_dir/sources.list.d/leakcheck-src.list" >/dev/null
    else
      printf '%s\n' "$entries" | $sudo tee "$apt_dir/sources.list.d/leakcheck-src.sources" >/dev/null
    fi
    $sudo apt-get update -qq
  elif ! grep -rqsE '^[[:space:]]*(deb-src[[:space:]]|Types:.*deb-src)' "$apt_dir/sources.list" "$apt_dir"/sources.list.d/; then
    echo "corpus: no Debian archive found in $apt_dir's sources to derive a deb-src entry from" >&2
    exit 2
  fi
fi
command -v dpkg-source >/dev/null || $sudo apt-get install -y -qq dpkg-dev

# A header-only project whose source tarball the mirror lacks: its headers and examples come
# from its binary packages, unpacked into the corpus (not /usr/include, where they would be
# system headers), and each example is one TU with the project's documented flags.
fetch_from_binary_packages() {
  local name=$1 version=$2 dir=$3 pkg
  mkdir -p "$dir/debs" "$dir/src"
  for pkg in ${CORPUS_BINARY_PACKAGES[$name]}; do
    (cd "$dir/debs" && apt-get download -qq "$pkg=${version#*:}" >/dev/null 2>&1)
  done
  for deb in "$dir"/debs/*.deb; do dpkg-deb -x "$deb" "$dir/src"; done
  local include="$dir/src/usr/include" cmds="$dir/build/compile_commands.json" sep=""
  mkdir -p "$dir/build"
  printf '[' >"$cmds"
  while IFS= read -r tu; do
    printf '%s\n{"directory": "%s", "file": "%s", "command": "c++ %s -I%s -c %s"}' \
      "$sep" "$(dirname "$tu")" "$tu" "${CORPUS_CXXFLAGS[$name]}" "$include" "$tu" >>"$cmds"
    sep=","
  done < <(find "$dir/src" -name '*.cpp' | sort)
  printf '\n]\n' >>"$cmds"
  echo "corpus: $name $version ready ($(grep -c '"file"' "$cmds") TUs)"
}

wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=("${CORPUS_PROJECTS[@]}")
mkdir -p "$CORPUS"
for name in "${wanted[@]}"; do
  version=${CORPUS_VERSION[$name]}
  dir="$CORPUS/$name"
  if [ -f "$dir/build/compile_commands.json" ]; then
    echo "corpus: $name $version ready"
    continue
  fi
  echo "corpus: fetching $name $version" >&2
  rm -rf "$dir" && mkdir -p "$dir"
  $sudo apt-get build-dep -y -qq "$name=$version" >/dev/null
  if [ -n "${CORPUS_BINARY_PACKAGES[$name]:-}" ]; then
    fetch_from_binary_packages "$name" "$version" "$dir"
    continue
  fi
  (cd "$dir" && apt-get source -qq "$name=$version" >/dev/null)
  src=$(find "$dir" -mindepth 1 -maxdepth 1 -type d | head -1)
  mv "$src" "$dir/src"
  # shellcheck disable=SC2086
  cmake -S "$dir/src" -B "$dir/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON ${CORPUS_CMAKE_ARGS[$name]:-} >"$dir/configure.log" 2>&1 ||
    { echo "corpus: configuring $name failed, see $dir/configure.log" >&2; exit 1; }
  # Headers generated at build time (config headers, version files) must exist to parse.
  if [ -n "${CORPUS_GENERATE[$name]:-}" ]; then
    # shellcheck disable=SC2086
    cmake --build "$dir/build" --target ${CORPUS_GENERATE[$name]} >>"$dir/configure.log" 2>&1
  fi
  echo "corpus: $name $version ready ($(grep -c '"file"' "$dir/build/compile_commands.json") TUs)"
done
