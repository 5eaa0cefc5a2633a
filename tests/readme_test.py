#!/usr/bin/env python3
"""The README and docs/ cannot go stale: run what they show.

Usage:
  readme_test.py [--no-shared] SUMMARIZE SRC_ROOT EXAMPLE_BIN PAGE.md|FOLDER...
  readme_test.py --extract-c README.md OUT.c

Every ```console block of each page is a session: a line "$ COMMAND"
(continued by lines ending in a backslash) is run by bash, and the lines
after it, up to the next "$ " or the end of the block, are its standard
output, compared exactly. In an expected line "..." stands for any text;
a line that is only "..." for any number of lines. `summarize` and
`build/summarize` in a command are the binary under test. Commands run in
a scratch folder that sees the source tree's files (so `-o x.png` writes
there) and, as ../shared, the shared data; a block that names ../shared is
skipped when the data is absent or with --no-shared (sanitizer builds,
where running the whole dev set is slow), and one whose programs are not installed
(GNU parallel) is skipped with a note. A command shown without output
must still succeed.

The first ```c block of the README is the library example: --extract-c
writes it out for meson to compile, and this test runs it on the example
article and compares its output with summarize's."""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def blocks(path, lang):
    """(line number, lines) of each ```lang fenced block."""
    out, cur, start = [], None, 0
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if cur is None and line.strip() == "```" + lang:
                cur, start = [], no
            elif cur is not None and line.strip() == "```":
                out.append((start, cur))
                cur = None
            elif cur is not None:
                cur.append(line)
    return out


def sessions(lines):
    """(command, expected lines) pairs of one console block."""
    out, i = [], 0
    while i < len(lines):
        if not lines[i].startswith("$ "):
            raise ValueError("output before any command: %r" % lines[i])
        cmd = lines[i][2:]
        while cmd.endswith("\\") and i + 1 < len(lines):
            i += 1
            cmd = cmd[:-1] + "\n" + lines[i]
        i += 1
        expect = []
        while i < len(lines) and not lines[i].startswith("$ "):
            expect.append(lines[i])
            i += 1
        out.append((cmd, expect))
    return out


def matches(expect, got):
    """Whether the output lines match the expected ones ("..." wildcards)."""
    pats = []
    for line in expect:
        if line == "...":
            pats.append("(?:[^\n]*\n)*?")
        else:
            pats.append(".*".join(re.escape(p) for p in line.split("...")) + "\n")
    return re.fullmatch("".join(pats), got) is not None


def scratch(src, build, tmp, use_shared):
    """A folder with the source tree's top-level entries linked in, build/
    the build under test, and ../shared beside it."""
    work = os.path.join(tmp, "work")
    os.mkdir(work)
    for name in os.listdir(src):
        if name != "build" and not name.startswith("."):
            os.symlink(os.path.join(src, name), os.path.join(work, name))
    os.symlink(build, os.path.join(work, "build"))
    shared = os.path.normpath(os.path.join(src, "..", "shared"))
    if not use_shared:
        return work, False
    if os.path.isdir(shared):
        os.symlink(shared, os.path.join(tmp, "shared"))
    return work, os.path.isdir(shared)


def run_pages(summarize, src, example, pages, use_shared):
    failures, ran, skipped = [], 0, 0
    tmp = tempfile.mkdtemp(prefix="readme-test-")
    try:
        work, have_shared = scratch(src, os.path.dirname(summarize), tmp,
                                    use_shared)
        binpat = re.compile(r"(?<![\w/.-])(?:build/)?summarize(?![\w/.-])")
        for page in pages:
            for start, lines in blocks(page, "console"):
                where = "%s:%d" % (os.path.relpath(page, src), start)
                text = "\n".join(lines)
                if "../shared" in text and not have_shared:
                    skipped += 1
                    continue
                try:
                    steps = sessions(lines)
                except ValueError as e:
                    failures.append("%s: %s" % (where, e))
                    continue
                progs = {c.split()[0] for c, _ in steps}
                missing = [p for p in progs
                           if p not in ("summarize", "build/summarize") and
                           "/" not in p and not shutil.which(p)]
                if missing:
                    print("%s: skipped, %s not installed" % (where, ", ".join(missing)))
                    skipped += 1
                    continue
                for cmd, expect in steps:
                    real = binpat.sub(summarize, cmd)
                    p = subprocess.run(["bash", "-c", real], cwd=work,
                                       capture_output=True, text=True,
                                       timeout=300)
                    ran += 1
                    if p.returncode != 0:
                        failures.append("%s: '%s' exited %d: %s" % (
                            where, cmd, p.returncode, p.stderr.strip()[:300]))
                    elif expect and not matches(expect, p.stdout):
                        failures.append("%s: '%s' printed:\n%s\nnot:\n%s" % (
                            where, cmd, p.stdout, "\n".join(expect)))
                    elif not expect and p.stdout:
                        failures.append("%s: '%s' printed output the page "
                                        "does not show:\n%s" % (where, cmd, p.stdout[:300]))
        # The library example does what summarize does.
        article = os.path.join(src, "assets", "examples", "harbour-bridge.txt")
        a = subprocess.run([example, article], capture_output=True, text=True)
        b = subprocess.run([summarize, article], capture_output=True, text=True)
        ran += 1
        if a.returncode != 0 or a.stdout != b.stdout or not a.stdout:
            failures.append("the README's C example printed %r (exit %d), "
                            "summarize %r" % (a.stdout[:200], a.returncode,
                                              b.stdout[:200]))
    finally:
        shutil.rmtree(tmp)
    for f in failures:
        print("FAIL:", f)
    print("readme: %d commands run, %d blocks skipped, %d failures" %
          (ran, skipped, len(failures)))
    if ran < 5:
        print("FAIL: too few commands found")
        return 1
    return 1 if failures else 0


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--extract-c":
        found = blocks(sys.argv[2], "c")
        if not found:
            sys.exit("%s: no ```c block" % sys.argv[2])
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            f.write("\n".join(found[0][1]) + "\n")
        return 0
    args = sys.argv[1:]
    use_shared = True
    if args and args[0] == "--no-shared":
        use_shared = False
        args = args[1:]
    if len(args) < 4:
        sys.exit(__doc__)
    summarize, src, example = (os.path.abspath(args[0]), args[1],
                               os.path.abspath(args[2]))
    pages = []
    for arg in args[3:]:
        if os.path.isdir(arg):  # a folder: its pages, as they are today
            pages += sorted(os.path.join(arg, n) for n in os.listdir(arg)
                            if n.endswith(".md"))
        else:
            pages.append(arg)
    return run_pages(summarize, os.path.abspath(src), example,
                     [os.path.abspath(p) for p in pages], use_shared)


sys.exit(main())
