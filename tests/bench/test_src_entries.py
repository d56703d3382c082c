#!/usr/bin/env python3
"""fetch-corpus.sh derives its deb-src entries from the machine's own apt sources.

usage: test_src_entries.py <fetch-corpus.sh>
"""
import os
import subprocess
import sys
import tempfile

DEB822 = """# a mirror of this machine
Types: deb
URIs: http://mirror.example/debian
Suites: bookworm bookworm-updates
Components: main contrib
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://old.example/debian
Suites: bullseye
Components: main
Enabled: no
"""


def entries(script, apt):
    r = subprocess.run(["bash", script, "--print-src-entries"], capture_output=True, text=True,
                       env=dict(os.environ, LEAKCHECK_APT_DIR=apt))
    if r.returncode != 0:
        sys.exit(f"FAIL: exit {r.returncode}: {r.stderr}")
    return r.stdout


def main(script):
    failures = []

    def expect(what, got, want):
        if got != want:
            failures.append(f"{what}:\n--- got\n{got}--- want\n{want}")

    with tempfile.TemporaryDirectory() as apt:
        os.makedirs(os.path.join(apt, "sources.list.d"))
        with open(os.path.join(apt, "sources.list.d", "debian.sources"), "w") as f:
            f.write(DEB822)
        expect("deb822", entries(script, apt),
               "Types: deb-src\nURIs: http://mirror.example/debian\n"
               "Suites: bookworm bookworm-updates\nComponents: main contrib\n"
               "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n")
        # Sources already there: nothing to add.
        with open(os.path.join(apt, "sources.list.d", "src.sources"), "w") as f:
            f.write("Types: deb-src\nURIs: http://mirror.example/debian\nSuites: bookworm\n"
                    "Components: main\n")
        expect("deb-src present", entries(script, apt), "")
    with tempfile.TemporaryDirectory() as apt:
        os.makedirs(os.path.join(apt, "sources.list.d"))
        with open(os.path.join(apt, "sources.list"), "w") as f:
            f.write("# one-line\ndeb [signed-by=/k.gpg] http://m.example/debian bookworm main\n"
                    "deb http://security.example/debian-security bookworm-security main\n")
        expect("one-line", entries(script, apt),
               "#one-line\ndeb-src [signed-by=/k.gpg] http://m.example/debian bookworm main\n"
               "deb-src http://security.example/debian-security bookworm-security main\n")
    for f in failures:
        print("FAIL: " + f)
    print(f"fetch-corpus.sh source entries: {3 - len(failures)} of 3 cases right")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
