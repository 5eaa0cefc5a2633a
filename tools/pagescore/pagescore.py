#!/usr/bin/env python3
"""pagescore: how well summarize finds the article in real pages.

Scores main-content extraction on a page set laid out as
../shared/data/pages (html/ID.html, text/ID.txt, truth/ID.txt) with the
metric its README defines: tokens are the matches of \\w+ (Unicode, case
kept), a text's shingles are its token 4-grams (a text of 1-3 tokens is one
shingle) counted as a multiset; per page tp, fp, fn are the clipped
multiset overlaps, normalised by tp+fp+fn; precision is the mean of
tp/(tp+fp) over pages with a non-empty prediction, recall the mean of
tp/(tp+fn), F1 = 2PR/(P+R). The prediction is `summarize split PAGE`.

It also runs `summarize -n 3 PAGE` and reports the share of summary lines
that come from the article body (most of the line's shingles are in the
truth) and the share of pages whose whole summary does.

Usage: pagescore.py [--summarize BIN] [--kind html|text|both] [--jobs N]
                    [--check FILE] [--per-page] [--misses] PAGES_DIR
--check FILE reads "kind metric minimum" lines and exits 1 when a figure
is more than 0.01 below its minimum. Standard library only.
"""
import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys
import time

WORD = re.compile(r"\w+")


def shingles(text):
    toks = WORD.findall(text)
    if not toks:
        return collections.Counter()
    if len(toks) < 4:
        return collections.Counter([tuple(toks)])
    return collections.Counter(tuple(toks[i:i + 4])
                               for i in range(len(toks) - 3))


def overlap(pred, truth):
    """tp, fp, fn of two shingle multisets, normalised to sum to 1."""
    tp = sum((pred & truth).values())
    fp = sum(pred.values()) - tp
    fn = sum(truth.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def run(cmd):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return r.stdout.decode("utf-8", "replace")


def score_page(bin_, path, truth_text):
    truth = shingles(truth_text)
    pred_text = run([bin_, "split", path])
    tp, fp, fn = overlap(shingles(pred_text), truth)
    summary = [l for l in run([bin_, "-n", "3", path]).splitlines()
               if l.strip()]
    from_body = 0
    misses = []
    for line in summary:
        sh = shingles(line)
        n = sum(sh.values())
        if n and sum((sh & truth).values()) * 2 >= n:
            from_body += 1
        else:
            misses.append(line)
    return {"tp": tp, "fp": fp, "fn": fn, "empty": not pred_text.strip(),
            "lines": len(summary), "from_body": from_body, "misses": misses}


def score_kind(args, kind):
    folder = os.path.join(args.pages, kind)
    ext = ".html" if kind == "html" else ".txt"
    ids = sorted(f[:-len(ext)] for f in os.listdir(folder) if f.endswith(ext))
    jobs = {}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for i in ids:
            with open(os.path.join(args.pages, "truth", i + ".txt"),
                      encoding="utf-8") as f:
                truth = f.read()
            jobs[i] = pool.submit(score_page, args.summarize,
                                  os.path.join(folder, i + ext), truth)
    pages = {i: j.result() for i, j in jobs.items()}
    nonempty = [p for p in pages.values() if not p["empty"]]
    prec = sum(p["tp"] / (p["tp"] + p["fp"]) for p in nonempty
               if p["tp"] + p["fp"] > 0) / max(len(nonempty), 1)
    prec0 = sum(p["tp"] / (p["tp"] + p["fp"]) for p in nonempty
                if p["tp"] + p["fp"] > 0) / max(len(pages), 1)
    rec = sum(p["tp"] / (p["tp"] + p["fn"]) for p in pages.values()
              if p["tp"] + p["fn"] > 0) / max(len(pages), 1)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    lines = sum(p["lines"] for p in pages.values())
    body = sum(p["from_body"] for p in pages.values())
    clean = sum(1 for p in pages.values()
                if p["lines"] and p["from_body"] == p["lines"])
    # One process over every page, as a user would run a folder.
    files = [os.path.join(folder, i + ext) for i in ids]
    t0 = time.perf_counter()
    subprocess.run([args.summarize, "split"] + files, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    secs = time.perf_counter() - t0
    if args.per_page:
        for i, p in sorted(pages.items()):
            den_p = p["tp"] + p["fp"]
            den_r = p["tp"] + p["fn"]
            print("%s\t%s\tP %.3f\tR %.3f\tbody %d/%d" % (
                kind, i[:12], p["tp"] / den_p if den_p else 0,
                p["tp"] / den_r if den_r else 0, p["from_body"], p["lines"]))
    if args.misses:
        for i, p in sorted(pages.items()):
            for line in p["misses"]:
                print("%s\t%s\tnot body: %s" % (kind, i[:12], line[:160]))
    return {"precision": prec, "precision0": prec0, "recall": rec, "f1": f1,
            "body_lines": body / lines if lines else 0.0,
            "clean_pages": clean / len(pages) if pages else 0.0,
            "pages": len(pages), "empty": len(pages) - len(nonempty),
            "seconds": secs}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pages")
    ap.add_argument("--summarize", default="build/summarize")
    ap.add_argument("--kind", choices=["html", "text", "both"], default="both")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--check")
    ap.add_argument("--per-page", action="store_true")
    ap.add_argument("--misses", action="store_true",
                    help="print each summary line that is not from the body")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.pages, "truth")):
        print("pagescore: no page set in %s" % args.pages, file=sys.stderr)
        return 77
    kinds = ["html", "text"] if args.kind == "both" else [args.kind]
    results = {}
    print("kind  pages  P      P(0)   R      F1     body-lines clean-pages  "
          "one-process")
    for k in kinds:
        r = score_kind(args, k)
        results[k] = r
        print("%-5s %5d  %.3f  %.3f  %.3f  %.3f  %.3f      %.3f        %.2f s"
              % (k, r["pages"], r["precision"], r["precision0"], r["recall"],
                 r["f1"], r["body_lines"], r["clean_pages"], r["seconds"]))
    if args.check:
        bad = 0
        with open(args.check, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) != 3 or line.startswith("#"):
                    continue
                kind, metric, minimum = parts[0], parts[1], float(parts[2])
                if kind in results and results[kind][metric] < minimum - 0.01:
                    print("FAIL: %s %s %.3f < %.3f - 0.01" % (
                        kind, metric, results[kind][metric], minimum))
                    bad += 1
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
