#!/usr/bin/env python3
"""`cpack -G DEB` on the build tree, the package inspected and, as root, installed and used.

usage: check_deb.py <build-dir> <work-dir> <llvm-major>

The package's Depends must name the runtime packages of LLVM <major>, Clang's libclang-cpp
and yaml-cpp, and every package that owns a library bin/leakcheck loads from them (found
with ldd and dpkg -S), so that the two cannot drift apart. Its contents must hold the
executable, plugin, runtime library, headers, CMake package and man page, and nothing from
tests, benchmarks or examples. As root, where no leakcheck package is installed already,
`dpkg -i` installs it, the installed /usr/bin/leakcheck runs (--version, a file including
<memory>), and `dpkg -r` removes it again, whatever happened in between.
"""
import fcntl
import glob
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import check_analyzer, fail, run  # noqa: E402


def field(info, name):
    m = re.search(rf"^ {name}: (.*)$", info, re.M)
    return m.group(1).strip() if m else ""


def main(build, work, major):
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    run(["cpack", "-G", "DEB", "--config", os.path.join(build, "CPackConfig.cmake"), "-B", work])
    debs = glob.glob(os.path.join(work, "*.deb"))
    if len(debs) != 1:
        fail(f"cpack made {debs}")
    deb = debs[0]

    info = run(["dpkg-deb", "--info", deb]).stdout
    if field(info, "Package") != "leakcheck":
        fail(f"Package: {field(info, 'Package')}\n{info}")
    depends = [d.split()[0] for d in field(info, "Depends").split(",") if d.strip()]
    for want in (f"libllvm{major}", f"libclang-cpp{major}", f"libclang-common-{major}-dev"):
        if want not in depends:
            fail(f"Depends lacks {want}: {depends}")
    if not any(d.startswith("libyaml-cpp") for d in depends):
        fail(f"Depends names no yaml-cpp package: {depends}")
    # The packages that really provide what the binary loads.
    ldd = run(["ldd", os.path.join(build, "bin", "leakcheck")]).stdout
    for lib in re.findall(r"=> (\S*(?:libLLVM|libclang-cpp|libyaml-cpp)\S*)", ldd):
        owner = run(["dpkg", "-S", os.path.realpath(lib)], expect=None).stdout
        package = owner.split(":")[0].strip() if owner else ""
        if package and package not in depends:
            fail(f"{lib} comes from {package}, which Depends does not name: {depends}")

    contents = run(["dpkg-deb", "--contents", deb]).stdout
    paths = [line.split()[-1] for line in contents.splitlines() if line.strip()]
    paths = [p.split(" -> ")[0] for p in paths]
    for want in ("./usr/bin/leakcheck", "./usr/bin/clang-tidy-leakcheck",
                 "./usr/include/leakcheck/gc.h", "./usr/share/doc/leakcheck/LICENSE"):
        if want not in paths:
            fail(f"the package lacks {want}:\n{contents}")
    for pattern in (r"/leakcheck/libleakcheck-tidy\.so$", r"/libleakcheck_runtime\.a$",
                    r"/cmake/leakcheck/leakcheckConfig\.cmake$", r"/man1/leakcheck\.1(\.gz)?$",
                    r"/checks/leakcheck-shared-ptr-cycle\.md$"):
        if not any(re.search(pattern, p) for p in paths):
            fail(f"the package has nothing matching {pattern}:\n{contents}")
    for p in paths:
        if re.search(r"(^|/)(tests?|bench|examples)(/|$)|_tests?\b|gtest", p):
            fail(f"the package holds {p}, which is not for users")
    size = os.path.getsize(deb)
    print(f"package: {os.path.basename(deb)}, {size / 1024:.0f} KiB, {len(paths)} entries, "
          f"Depends: {field(info, 'Depends')}")

    if os.geteuid() != 0:
        print("not root: dpkg -i skipped")
        return 0
    # Other builds of leakcheck on this machine may run this test too: one at a time.
    with open("/tmp/leakcheck-dpkg-test.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        status = run(["dpkg-query", "-W", "-f=${Status}", "leakcheck"], expect=None).stdout
        if "installed" in status and "not-installed" not in status:
            print("a leakcheck package is installed on this machine already: dpkg -i skipped, "
                  "to leave it alone")
            return 0
        try:
            run(["dpkg", "-i", deb])
            if not os.path.exists("/usr/bin/leakcheck"):
                fail("dpkg -i put no /usr/bin/leakcheck")
            check_analyzer("/usr/bin/leakcheck", work)
            listed = run(["/usr/bin/leakcheck", "--list-checks"]).stdout
            if "documentation: /usr/share/doc/leakcheck/checks/" not in listed:
                fail(f"the installed leakcheck does not find its pages:\n{listed}")
            print("dpkg -i: /usr/bin/leakcheck " +
                  run(["/usr/bin/leakcheck", "--version"]).stdout.splitlines()[0] +
                  " runs on a file including <memory>")
        finally:
            run(["dpkg", "-r", "leakcheck"], expect=None)
        if os.path.exists("/usr/bin/leakcheck"):
            fail("dpkg -r left /usr/bin/leakcheck behind")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
