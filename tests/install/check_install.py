#!/usr/bin/env python3
"""`cmake --install` into a temporary prefix, then use the install as a user would.

usage: check_install.py <build-dir> <source-dir> <work-dir> <libdir> <man: ON|OFF> [launcher]

Checks that exactly the promised files are installed (nothing from tests, benchmarks or
examples), that the installed leakcheck runs on a file including <memory> (it finds Clang's
builtin headers by itself, first next to itself), that --list-checks and SARIF point to the
installed check pages, that the installed clang-tidy wrapper loads the installed plugin,
and builds and runs a small project against the CMake package (find_package(leakcheck),
leakcheck::gc).
"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import check_analyzer, fail, files_under, run  # noqa: E402


def main(build, source, work, libdir, man, launcher=""):
    shutil.rmtree(work, ignore_errors=True)
    prefix = os.path.join(work, "prefix")
    run(["cmake", "--install", build, "--prefix", prefix])

    # Exactly these files.
    headers = ["include/" + f for f in files_under(os.path.join(source, "runtime", "include"))]
    pages = ["share/doc/leakcheck/checks/" + f
             for f in sorted(os.listdir(os.path.join(source, "checks", "docs")))]
    expected = set(headers + pages + [
        "bin/leakcheck", "bin/clang-tidy-leakcheck",
        f"{libdir}/leakcheck/libleakcheck-tidy.so", f"{libdir}/libleakcheck_runtime.a",
        f"{libdir}/cmake/leakcheck/leakcheckConfig.cmake",
        f"{libdir}/cmake/leakcheck/leakcheckConfigVersion.cmake",
        f"{libdir}/cmake/leakcheck/leakcheckTargets.cmake",
        "share/doc/leakcheck/LICENSE", "share/doc/leakcheck/README.md"])
    if man == "ON":
        expected.add("share/man/man1/leakcheck.1")
    installed = set(files_under(prefix))
    # One targets file per configuration (leakcheckTargets-release.cmake, ...).
    installed -= {f for f in installed
                  if f.startswith(f"{libdir}/cmake/leakcheck/leakcheckTargets-")}
    if installed != expected:
        fail("installed files differ from the promised layout:\n  unexpected: "
             f"{sorted(installed - expected)}\n  missing: {sorted(expected - installed)}")

    leakcheck = os.path.join(prefix, "bin", "leakcheck")
    src = check_analyzer(leakcheck, work)

    # The resource directory: <exe>/../lib/clang/<major> comes first, then the configured one.
    configured = run([leakcheck, "--print-resource-dir"]).stdout.strip()
    if not os.path.exists(os.path.join(configured, "include", "stddef.h")):
        fail(f"--print-resource-dir printed {configured!r}, which has no include/stddef.h")
    major = run([leakcheck, "--version"]).stdout.split("LLVM ")[1].split(".")[0]
    beside = os.path.join(prefix, "lib", "clang", major)
    os.makedirs(os.path.dirname(beside))
    os.symlink(configured, beside)
    printed = run([leakcheck, "--print-resource-dir"]).stdout.strip()
    if printed != beside:
        fail(f"with {beside} present, --print-resource-dir printed {printed!r}")
    check_analyzer(leakcheck, work)
    shutil.rmtree(os.path.join(prefix, "lib", "clang"))

    # The check pages, installed, are what --list-checks and SARIF name.
    listed = run([leakcheck, "--list-checks"]).stdout
    for page in pages:
        if "documentation: " + os.path.join(prefix, page) not in listed:
            fail(f"--list-checks does not name the installed {page}:\n{listed}")
    sarif = json.loads(run([leakcheck, "--format=sarif", src, "--", "-std=c++17"], cwd=work,
                           expect=1).stdout)
    driver = sarif["runs"][0]["tool"]["driver"]
    if driver.get("informationUri") != "file://" + os.path.join(prefix, "share/doc/leakcheck/README.md"):
        fail(f"informationUri: {driver.get('informationUri')}")
    for rule in driver["rules"]:
        want = "file://" + os.path.join(prefix, "share/doc/leakcheck/checks", rule["id"] + ".md")
        if rule.get("helpUri") != want:
            fail(f"rule {rule['id']}: helpUri {rule.get('helpUri')}, expected {want}")

    if man == "ON":
        with open(os.path.join(prefix, "share/man/man1/leakcheck.1")) as f:
            page = f.read()
        for part in ('.TH LEAKCHECK "1"', ".SH \"EXIT STATUS\"", "\\-\\-format", "NO_COLOR"):
            if part not in page:
                fail(f"the man page lacks {part!r}")

    # The installed clang-tidy wrapper loads the installed plugin.
    tidy = run([os.path.join(prefix, "bin", "clang-tidy-leakcheck"), "--checks=-*,leakcheck-*",
                src, "--", "-std=c++17"], cwd=work, expect=None)
    if "warning: strong shared_ptr cycle" not in tidy.stdout:
        fail(f"clang-tidy-leakcheck from the install:\n{tidy.stdout}\n{tidy.stderr}")

    # A project built against the package.
    consumer = os.path.join(work, "consumer-build")
    configure = ["cmake", "-S", os.path.join(source, "tests", "install", "consumer"), "-B",
                 consumer, "-G", "Ninja", "-DCMAKE_PREFIX_PATH=" + prefix]
    if launcher:
        configure.append("-DCMAKE_CXX_COMPILER_LAUNCHER=" + launcher)
    run(configure)
    run(["cmake", "--build", consumer])
    out = run([os.path.join(consumer, "consumer")]).stdout
    if "collected 1" not in out:
        fail(f"the consumer printed {out!r}")
    with open(os.path.join(consumer, "imported.txt")) as f:
        for path in f.read().split():
            if not path.startswith(prefix + "/"):
                fail(f"imported target outside the prefix: {path}")
    print(f"install: {len(expected)} files in {prefix}; analyzer, plugin, man page and "
          "package work from there")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (6, 7):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
