#!/usr/bin/env python3
"""segscore: sentence-boundary F1 of `summarize split` on a segmentation set.

    tools/segscore/segscore.py [--summarize build/summarize] [--lang en]
        [--errors N] [--min-f1 F] [DATA_DIR]

DATA_DIR (default ../shared/data/segmentation/gum-dev) holds DOC.txt (raw
text) and DOC.sents (gold sentences, one a line), and optionally meta.tsv
(doc<TAB>genre...). The metric is the one the set's README defines:

  - a boundary is the whitespace-free character offset at which a sentence
    ends; the end of the document is not one;
  - the system's output lines give its boundaries the same way;
  - precision, recall and F1 are micro-averaged over all boundaries of all
    documents; the share of documents segmented perfectly is reported;
  - text the system drops (a title, boilerplate) is reported as a share of
    characters, and boundaries next to dropped text are left out.

The system's text is aligned to the gold text with difflib, so characters it
drops (or rewrites) are found wherever they are. Errors are listed with their
context in the raw text: `FALSE` for a split the gold does not have, `MISS`
for a gold boundary the system did not find; `|` marks the place.

Exit status: 0, or 1 when --min-f1 is given and F1 falls below it, 77 when
DATA_DIR is absent (a test skip), 2 on a usage or run error. Only the
Python 3 standard library is used.
"""
import argparse
import collections
import concurrent.futures
import difflib
import os
import subprocess
import sys
import tempfile


def squeeze(s):
    """The whitespace-free form of s."""
    return "".join(s.split())


def boundaries(lines):
    """Whitespace-free end offsets of each line but the last; and the text."""
    out, pos, parts = [], 0, []
    for line in lines:
        sq = squeeze(line)
        if not sq:
            continue
        parts.append(sq)
        pos += len(sq)
        out.append(pos)
    return out[:-1], "".join(parts)


def align(gold, system):
    """Maps each system character to its gold index (-1 when it is not in
    the gold text) and marks each gold character the system dropped.
    difflib finds the longest matching blocks first, so a dropped title
    whose words open the body too ("Jerome" over "Jerome was ...") is
    told apart from the body."""
    s2g = [-1] * len(system)
    kept = [False] * len(gold)
    sm = difflib.SequenceMatcher(None, gold, system, autojunk=False)
    for a, b, n in sm.get_matching_blocks():
        for k in range(n):
            s2g[b + k] = a + k
            kept[a + k] = True
    return s2g, kept


def score_doc(summarize, lang, extra, txt_path, sents_path):
    with open(sents_path, encoding="utf-8") as f:
        gold_b, gold = boundaries(f.read().split("\n"))
    proc = subprocess.run([summarize, "split", "-l", lang] + extra +
                          [txt_path],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        raise RuntimeError("%s: summarize failed: %s" %
                           (txt_path, proc.stderr.decode(errors="replace")))
    sys_lines = proc.stdout.decode("utf-8", errors="replace").split("\n")
    sys_b, system = boundaries(sys_lines)
    s2g, kept = align(gold, system)

    def near_drop(p):
        return not kept[p - 1] or (p < len(gold) and not kept[p])

    gold_set = {p for p in gold_b if not near_drop(p)}
    sys_set = set()
    for b in sys_b:
        g = s2g[b - 1] + 1 if s2g[b - 1] >= 0 else s2g[b]
        if g > 0 and g < len(gold) and not near_drop(g):
            sys_set.add(g)
    drops, i = [], 0
    while i < len(gold):
        if kept[i]:
            i += 1
            continue
        j = i
        while j < len(gold) and not kept[j]:
            j += 1
        drops.append((i, j))
        i = j
    return {
        "drops": drops,
        "tp": len(gold_set & sys_set),
        "fp": sorted(sys_set - gold_set),
        "fn": sorted(gold_set - sys_set),
        "chars": len(gold),
        "dropped": kept.count(False),
    }


def untitle(src, dst, doc):
    """Writes doc to dst without its first paragraph, and its gold
    sentences without those that paragraph holds."""
    with open(os.path.join(src, doc + ".txt"), encoding="utf-8") as f:
        raw = f.read()
    with open(os.path.join(src, doc + ".sents"), encoding="utf-8") as f:
        sents = [l for l in f.read().split("\n") if l.strip()]
    paras = raw.lstrip().split("\n\n", 1)
    rest = paras[1] if len(paras) > 1 else ""
    cut, pos, k = len(squeeze(paras[0])), 0, 0
    while k < len(sents) and pos + len(squeeze(sents[k])) <= cut:
        pos += len(squeeze(sents[k]))
        k += 1
    with open(os.path.join(dst, doc + ".txt"), "w", encoding="utf-8") as f:
        f.write(rest)
    with open(os.path.join(dst, doc + ".sents"), "w", encoding="utf-8") as f:
        f.write("\n".join(sents[k:]) + "\n")
    meta = os.path.join(src, "meta.tsv")
    if os.path.exists(meta) and not os.path.exists(
            os.path.join(dst, "meta.tsv")):
        with open(meta, encoding="utf-8") as f, \
                open(os.path.join(dst, "meta.tsv"), "w",
                     encoding="utf-8") as g:
            g.write(f.read())


def context(raw, idx, p, width=45):
    """Raw text around whitespace-free offset p, with '|' at it."""
    if p >= len(idx):
        at = len(raw)
    else:
        at = idx[p]
        # A boundary sits after the previous character and its spaces.
        back = idx[p - 1] + 1 if p > 0 else 0
        at = back if raw[back:at].strip() == "" else at
    left = raw[max(0, at - width):at].replace("\n", "¶")
    right = raw[at:at + width].replace("\n", "¶")
    return left + "|" + right


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", default=os.path.join(
        root, "..", "shared", "data", "segmentation", "gum-dev"))
    ap.add_argument("--summarize", default=os.path.join(root, "build",
                                                        "summarize"))
    ap.add_argument("--lang", default="en")
    ap.add_argument("--extra", action="append", default=[], metavar="ARG",
                    help="pass ARG to summarize split (repeatable), e.g. "
                    "--extra=--keep-boilerplate")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="list up to N false and N missed splits")
    ap.add_argument("--min-f1", type=float, default=None,
                    help="exit 1 when F1 is below this")
    ap.add_argument("--max-dropped", type=float, default=None,
                    help="exit 1 when the dropped share (%%) is above this")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--untitled", action="store_true",
                    help="score each document without its first paragraph "
                    "(its title): a set of title-less texts, where nothing "
                    "should be dropped")
    args = ap.parse_args()

    if not os.path.isdir(args.data):
        print("segscore: %s: no data set, skipped" % args.data)
        return 77
    docs = sorted(n[:-4] for n in os.listdir(args.data) if n.endswith(".txt")
                  and os.path.exists(os.path.join(args.data, n[:-4] + ".sents")))
    if not docs:
        print("segscore: %s: no DOC.txt with DOC.sents" % args.data,
              file=sys.stderr)
        return 2
    genre = {}
    meta = os.path.join(args.data, "meta.tsv")
    if os.path.exists(meta):
        with open(meta, encoding="utf-8") as f:
            for row in f.read().split("\n")[1:]:
                cols = row.split("\t")
                if len(cols) >= 2:
                    genre[cols[0]] = cols[1]

    tmp = None
    if args.untitled:
        tmp = tempfile.TemporaryDirectory(prefix="segscore-")
        for d in docs:
            untitle(args.data, tmp.name, d)
        args.data = tmp.name
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        futures = {d: pool.submit(score_doc, args.summarize, args.lang,
                                  args.extra,
                                  os.path.join(args.data, d + ".txt"),
                                  os.path.join(args.data, d + ".sents"))
                   for d in docs}
        try:
            results = {d: f.result() for d, f in futures.items()}
        except (RuntimeError, OSError) as e:
            print("segscore: %s" % e, file=sys.stderr)
            return 2

    groups = collections.OrderedDict()
    for d in docs:
        groups.setdefault(genre.get(d, "all"), []).append(d)
    rows = [(g, ds) for g, ds in sorted(groups.items())]
    if len(rows) > 1:
        rows.append(("overall", docs))
    print("%-10s %5s %6s %6s %6s %6s %6s %8s" %
          ("genre", "docs", "P", "R", "F1", "FP", "FN", "dropped%"))
    total = None
    for name, ds in rows:
        tp = sum(results[d]["tp"] for d in ds)
        fp = sum(len(results[d]["fp"]) for d in ds)
        fn = sum(len(results[d]["fn"]) for d in ds)
        chars = sum(results[d]["chars"] for d in ds)
        dropped = sum(results[d]["dropped"] for d in ds)
        perfect = sum(1 for d in ds
                      if not results[d]["fp"] and not results[d]["fn"])
        p, r, f = f1(tp, fp, fn)
        print("%-10s %5d %6.4f %6.4f %6.4f %6d %6d %8.2f  perfect %d/%d" %
              (name, len(ds), p, r, f, fp, fn,
               100.0 * dropped / chars if chars else 0.0, perfect, len(ds)))
        total = (f, 100.0 * dropped / chars if chars else 0.0)

    if args.errors:
        for kind, key in (("FALSE", "fp"), ("MISS", "fn")):
            shown = 0
            for d in docs:
                with open(os.path.join(args.data, d + ".txt"),
                          encoding="utf-8") as fh:
                    raw = fh.read()
                idx = [i for i, c in enumerate(raw) if not c.isspace()]
                for p in results[d][key]:
                    if shown >= args.errors:
                        break
                    print("%s %s: %s" % (kind, d, context(raw, idx, p)))
                    shown += 1
        for d in docs:
            with open(os.path.join(args.data, d + ".txt"),
                      encoding="utf-8") as fh:
                raw = fh.read()
            idx = [i for i, c in enumerate(raw) if not c.isspace()]
            for a, b in results[d]["drops"]:
                print("DROP %s: %s" % (d, raw[idx[a]:idx[b - 1] + 1]
                                       .replace("\n", "¶")[:100]))

    status = 0
    if args.min_f1 is not None and total[0] < args.min_f1:
        print("segscore: F1 %.4f is below %.4f" % (total[0], args.min_f1))
        status = 1
    if args.max_dropped is not None and total[1] > args.max_dropped:
        print("segscore: %.2f%% dropped is above %.2f%%" %
              (total[1], args.max_dropped))
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
