#!/usr/bin/env python3
"""The man page stays true to --help.

Usage: man_test.py SUMMARIZE MANPAGE

Checks that src/summarize.1 renders through `man --warnings -l` with no
warning, that every long option --help names has an entry in the man page,
and that every default --help states ("(default 3)", "paragraph
(default)", "(default: one per processor)") is stated in that option's
entry too. Exits 77 (skipped) when man(1) is not installed."""
import os
import re
import shutil
import subprocess
import sys


def render(manpage):
    env = dict(os.environ, MANWIDTH="200", LC_ALL="C.UTF-8", MAN_KEEP_FORMATTING="")
    p = subprocess.run(["man", "--warnings", "-l", manpage], env=env,
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def help_entries(text):
    """--help's option entries: (long options, description) pairs."""
    entries, cur = [], None
    for line in text.splitlines():
        if re.match(r"^  (-\w, )?--?\w|^      --\w", line):
            cur = [line]
            entries.append(cur)
        elif cur is not None and line.startswith(" " * 20) and line.strip():
            cur.append(line)
        else:
            cur = None
    out = []
    for lines in entries:
        head = lines[0].strip()
        # The option part ends at the first two-space gap after the names.
        names_part = re.split(r"\s{2,}", head, maxsplit=1)[0]
        names = re.findall(r"--[a-z][a-z-]*", names_part)
        desc = " ".join(l.strip() for l in lines)
        out.append((names, desc))
    return out


def defaults_of(desc):
    """The defaults a description states, as phrases to find."""
    found = []
    for m in re.finditer(r"(\S+) \(default[;)]|\(default(:?) ([^);]+)[);]|"
                         r"\bdefault(:?) ([^);]+)[);]", desc):
        if m.group(1):
            found.append(m.group(1) + " (default")
        elif m.group(3):
            found.append("default" + m.group(2) + " " + m.group(3).strip())
        elif m.group(5):
            found.append("default" + m.group(4) + " " + m.group(5).strip())
    return found


def man_entries(text):
    """The man page's tagged entries: tag line -> the entry's text."""
    entries = {}
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = re.match(r"^ {5}(-\S.*?)(?: {2,}(.*))?$", lines[i])
        if not m:
            i += 1
            continue
        tag, body = m.group(1), [m.group(2) or ""]
        i += 1
        while i < len(lines) and (lines[i].startswith(" " * 13) or
                                  not lines[i].strip()):
            if lines[i].strip():
                body.append(lines[i].strip())
            i += 1
        for name in re.findall(r"--[a-z][a-z-]*", tag):
            entries.setdefault(name, []).append(" ".join(body))
    return entries


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    summarize, manpage = sys.argv[1:]
    if not shutil.which("man"):
        print("man is not installed: skipped")
        sys.exit(77)
    failures = []
    rc, text, warnings = render(manpage)
    if rc != 0 or warnings.strip():
        failures.append("man --warnings -l %s: exit %d, %s" %
                        (manpage, rc, warnings.strip()[:500]))
    help_text = subprocess.run([summarize, "--help"], capture_output=True,
                               text=True, check=True).stdout
    entries = man_entries(text)
    checked = 0
    for names, desc in help_entries(help_text):
        for name in names:
            checked += 1
            if name not in entries:
                failures.append("%s is in --help, not in the man page" % name)
                continue
            body = " ".join(entries[name])
            for phrase in defaults_of(desc):
                if " ".join(phrase.split()) not in " ".join(body.split()):
                    failures.append("%s: --help says '%s', the man page: %s"
                                    % (name, phrase, body[:200]))
    if checked < 30:
        failures.append("only %d options found in --help" % checked)
    for f in failures:
        print("FAIL:", f)
    print("man page: %d options checked, %d failures" % (checked, len(failures)))
    sys.exit(1 if failures else 0)


main()
