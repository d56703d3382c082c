#!/usr/bin/env python3
"""The whole leakcheck repository as a subproject of a user's CMake project.

usage: check_subproject.py <source-dir> <work-dir> [launcher]

A user project with CMAKE_EXPORT_COMPILE_COMMANDS ON and testing enabled adds leakcheck with
add_subdirectory and links leakcheck::gc. Building its `all` must build the user's program
and the runtime library it links, and nothing else of leakcheck (not the analyzer, not the
tests); its compile_commands.json must list the user's files only; its ctest must hold no
leakcheck test.
"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import fail, run  # noqa: E402


def main(source, work, launcher=""):
    shutil.rmtree(work, ignore_errors=True)
    user = os.path.join(work, "user")
    os.makedirs(user)
    shutil.copy(os.path.join(source, "tests", "install", "consumer", "main.cpp"), user)
    with open(os.path.join(user, "CMakeLists.txt"), "w") as f:
        f.write(f"""cmake_minimum_required(VERSION 3.20)
project(user LANGUAGES CXX)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
enable_testing()
add_subdirectory("{source}" leakcheck)
add_executable(app main.cpp)
target_link_libraries(app PRIVATE leakcheck::gc)
""")
    build = os.path.join(work, "build")
    configure = ["cmake", "-S", user, "-B", build, "-G", "Ninja"]
    if launcher:
        configure.append("-DCMAKE_CXX_COMPILER_LAUNCHER=" + launcher)
    run(configure)
    run(["cmake", "--build", build])

    with open(os.path.join(build, "compile_commands.json")) as f:
        files = sorted({os.path.relpath(e["file"], user) for e in json.load(f)})
    if files != ["main.cpp"]:
        fail(f"the user's compile_commands.json lists {files}, not only main.cpp")

    built = []
    # bin/clang-tidy-leakcheck is written when CMake generates (file(GENERATE)), not built.
    for d, _, names in os.walk(os.path.join(build, "leakcheck")):
        for n in names:
            p = os.path.join(d, n)
            if n == "clang-tidy-leakcheck":
                continue
            if (n.endswith((".a", ".so")) or (os.access(p, os.X_OK) and "CMakeFiles" not in p
                                               and os.path.isfile(p))):
                built.append(os.path.relpath(p, build))
    if built != ["leakcheck/lib/libleakcheck_runtime.a"]:
        fail(f"building the user's all built of leakcheck: {built}")

    out = run([os.path.join(build, "app")]).stdout
    if "collected 1" not in out:
        fail(f"app printed {out!r}")
    tests = run(["ctest", "--test-dir", build, "-N"]).stdout
    if "Total Tests: 0" not in tests:
        fail(f"the user's ctest holds leakcheck's tests:\n{tests}")
    print("subproject: the user's all builds app and libleakcheck_runtime.a only; "
          "compile_commands.json lists main.cpp only; no test added")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
