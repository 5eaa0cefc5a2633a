#!/usr/bin/env python3
"""The dev-set briefing's headlines (issue 17, item 2), from its JSON.

Usage: brief_headlines.py SUMMARIZE SHARED_DIR

Runs `summarize brief -f json` on ../shared/data/dev (the default briefing
and every story, --top 1000000) and on its articles/ alone, and checks
each story's headline:

  - it is not empty and at most 120 bytes (UTF-8);
  - it does not say the story's first summary sentence again: after
    lower-casing and keeping letters and digits only, and without a
    closing ellipsis, the headline is not the start of that sentence;
  - it is not a photo caption: no caption opening ("Pictured:",
    "Photo:"), no agency credit at its end ("(Manu Fernandez/AP)"), no
    picture pointer ("(pictured)"), no "Image copyright";
  - a headline cut short (ending in an ellipsis) does not end on an
    article, preposition or conjunction ("... Ibe about...").

Prints the counts and every failing headline; exit 1 on any failure, 77
(skipped) without the shared data.
"""
import json
import os
import re
import subprocess
import sys

MAX_BYTES = 120

CAPTION_OPENING = re.compile(
    r"^\s*(pictured|picture|photo|photograph|image|above|below|left|right|"
    r"inset|file photo|credit)\s*[:\-\u2013\u2014]", re.I)
CAPTION_MARKS = re.compile(
    r"image copyright|image caption|getty images|ap photo|photograph:|"
    r"\(pictured\b|\((left|right|centre|center|above|below|inset)\)", re.I)
CREDIT_AT_END = re.compile(
    r"\((?:[^()]*/)?\s*(AP|AFP|Getty(?: Images)?|Reuters|PA|EPA|Rex|"
    r"Shutterstock|Alamy)\)\W*$")
DANGLING = {
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "about",
    "and", "or", "but", "from", "by", "as", "that", "which", "who", "than",
    "into", "over", "after", "before"}


def norm(text):
    return re.sub(r"[^0-9a-z]+", " ", text.lower()).strip()


def problems(story):
    head = story["headline"]
    found = []
    if not head.strip():
        found.append("empty")
    if len(head.encode("utf-8")) > MAX_BYTES:
        found.append("over %d bytes" % MAX_BYTES)
    bare = norm(head.rstrip("\u2026."))
    sents = story["sentences"]
    if bare and sents and norm(sents[0]).startswith(bare):
        found.append("repeats the first sentence")
    if (CAPTION_OPENING.search(head) or CAPTION_MARKS.search(head)
            or CREDIT_AT_END.search(head)):
        found.append("a photo caption")
    if head.endswith("\u2026"):
        words = head.rstrip("\u2026").split()
        if words and words[-1].lower() in DANGLING:
            found.append("ends on '%s'" % words[-1])
    return found


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    summarize, shared = sys.argv[1], sys.argv[2]
    dev = os.path.join(shared, "data", "dev")
    if not os.path.isdir(os.path.join(dev, "articles")):
        print("skipped: %s not found" % dev)
        sys.exit(77)
    runs = [("dev", [dev]), ("dev, all stories", ["--top", "1000000", dev]),
            ("dev/articles, all stories",
             ["--top", "1000000", os.path.join(dev, "articles")])]
    failed = 0
    for label, args in runs:
        out = subprocess.run([summarize, "brief", "-f", "json"] + args,
                             capture_output=True, check=True).stdout
        stories = json.loads(out)["stories"]
        counts = {}
        for story in stories:
            for p in problems(story):
                key = p.split(" '")[0]
                counts[key] = counts.get(key, 0) + 1
                failed += 1
                print("FAIL (%s): %s: %r" % (label, p, story["headline"]))
        longest = max((len(s["headline"].encode()) for s in stories),
                      default=0)
        print("%s: %d stories, longest headline %d bytes, %s" %
              (label, len(stories), longest,
               ", ".join("%s %d" % kv for kv in sorted(counts.items()))
               or "no problems"))
        if len(stories) < 10:
            print("FAIL (%s): only %d stories" % (label, len(stories)))
            failed += 1
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
