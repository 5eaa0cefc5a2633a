#!/usr/bin/env python3
"""The HTML pages in a real browser (issue 17, item 5).

Usage: html_page_test.py brief|article SUMMARIZE PNGSTAT TESTDATA SHARED_DIR

brief:   `summarize brief -f html` of the dev set (../shared/data/dev; the
         test's own articles in TESTDATA without it), and a briefing of
         JSON Lines records with hostile URLs and names;
article: `summarize -f html` of one article (TESTDATA/river.txt).

Each page must pass `tidy -e` (errors and warnings both fail), then is
opened in headless Chromium: a desktop, a phone (390 px wide) and a
dark-mode phone screenshot must not be blank (PNGSTAT counts the pixels
that differ from the page's background) and the dark one must be dark;
the DOM Chromium built (--dump-dom) must hold the first headline and its
sources (the article's title and first summary sentence), have no script
and no link but to http(s). The briefing also prints to a PDF.

Exit 77 (skipped) when chromium is not installed (Debian: chromium) or
tidy is not (Debian: tidy); tools/bootstrap installs both. The three
Chromium runs (the desktop one also dumps the DOM and prints) run at once,
so the test stays under 30 s on a loaded machine.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--no-default-browser-check", "--disable-extensions",
    "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-sync", "--hide-scrollbars", "--mute-audio"]

failures = []


def check(ok, what):
    print("%s: %s" % ("ok" if ok else "FAIL", what))
    if not ok:
        failures.append(what)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, timeout=120, **kw)


def find_chromium():
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser",
                 "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def chromium(browser, tmp, tag, page, extra):
    """Runs one headless Chromium with its own profile; returns stdout."""
    profile = os.path.join(tmp, "profile-" + tag)
    res = run([browser] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile] +
              extra + ["file://" + os.path.abspath(page)])
    if res.returncode != 0:
        print(res.stderr.decode(errors="replace")[-2000:], file=sys.stderr)
    return res.stdout.decode("utf-8", errors="replace")


def tidy_ok(path):
    res = run(["tidy", "-q", "-e", "-utf8", path])
    msg = res.stderr.decode(errors="replace").strip()
    check(res.returncode == 0,
          "tidy finds no error or warning in %s%s" %
          (os.path.basename(path), (":\n" + msg) if msg else ""))


def pngstat(tool, path):
    if not os.path.exists(path):
        return None
    res = run([tool, path])
    if res.returncode != 0:
        return None
    w, h, ink, luma = res.stdout.split()
    return int(w), int(h), float(ink), float(luma)


def in_dom(dom, text):
    """Whether text (as the page shows it) is in the serialised DOM."""
    return html.escape(text, quote=False) in dom or text in html.unescape(dom)


def browse(browser, stat, tmp, page, tag, pdf=False):
    """Screenshots (desktop with the DOM, phone, dark phone) of page, two
    Chromium at a time; returns the DOM and the three pictures' stats."""
    shots = {k: os.path.join(tmp, "%s-%s.png" % (tag, k))
             for k in ("desktop", "phone", "dark")}
    desktop = ["--window-size=1000,1400", "--dump-dom",
               "--screenshot=" + shots["desktop"]]
    if pdf:
        desktop += ["--no-pdf-header-footer",
                    "--print-to-pdf=" + os.path.join(tmp, tag + ".pdf")]
    jobs = [("desktop", desktop),
            ("phone", ["--window-size=390,844",
                       "--screenshot=" + shots["phone"]]),
            ("dark", ["--window-size=390,844", "--force-dark-mode",
                      "--screenshot=" + shots["dark"]])]
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        outs = dict(zip([j[0] for j in jobs], pool.map(
            lambda j: chromium(browser, tmp, tag + "-" + j[0], page, j[1]),
            jobs)))
    stats = {k: pngstat(stat, p) for k, p in shots.items()}
    for kind, st in stats.items():
        check(st is not None, "%s: the %s screenshot was written" % (tag, kind))
        if st:
            print("   %s %s: %dx%d, ink %.4f, luma %.1f" % ((tag, kind) + st))
            check(st[2] > 0.01,
                  "%s: the %s screenshot is not blank" % (tag, kind))
    if stats["desktop"] and stats["dark"]:
        check(stats["desktop"][3] > 200, "%s: the page is light" % tag)
        check(stats["dark"][3] < 80, "%s: the page is dark in dark mode" % tag)
    dom = outs["desktop"]
    check("</html>" in dom, "%s: Chromium dumped the DOM" % tag)
    check(not re.search(r"<script|<iframe|<object|<embed|<img", dom, re.I),
          "%s: no script, frame, object or image" % tag)
    hrefs = re.findall(r'href="([^"]*)"', dom)
    check(all(re.match(r"https?://", html.unescape(h)) for h in hrefs),
          "%s: every link is http(s) (%d links)" % (tag, len(hrefs)))
    if pdf:
        path = os.path.join(tmp, tag + ".pdf")
        data = open(path, "rb").read() if os.path.exists(path) else b""
        check(data.startswith(b"%PDF") and len(data) > 2000,
              "%s: prints to a PDF (%d bytes)" % (tag, len(data)))
    return dom


def brief_inputs(testdata, shared):
    dev = os.path.join(shared, "data", "dev")
    if os.path.isdir(os.path.join(dev, "articles")):
        return [dev]
    print("no %s: the briefing of the test's own articles" % dev)
    return [os.path.join(testdata, n) for n in ("river.txt", "market.txt",
                                                "sidebar.txt")]


# Records for the links page: names and URLs that try to leave their
# attribute or element, and a javascript: URL that must not be a link.
HOSTILE = [
    {"id": "courier-1", "site": "Courier <b>&amp; \"Post\"",
     "url": "https://courier.example/a?b=1&c=\"x\"'y'<z>",
     "title": "Harbour bridge reopens early",
     "text": "The Kettleby harbour bridge reopened to traffic on Monday "
             "morning, two weeks ahead of schedule. Engineers closed the "
             "steel bridge in May when an inspection found corrosion."},
    {"id": "Gazette",
     "url": "javascript:alert(document.cookie)",
     "title": "Market moves to the fish hall",
     "text": "The weekly harbour market will move into the old fish hall "
             "from next month, the town council said. Stallholders "
             "welcomed the move before the winter."},
]


def test_brief(summarize, stat, testdata, shared, browser, tmp):
    inputs = brief_inputs(testdata, shared)
    page = os.path.join(tmp, "brief.html")
    res = run([summarize, "brief", "-o", page] + inputs)
    check(res.returncode == 0, "brief -o brief.html exits 0")
    data = json.loads(run([summarize, "brief", "-f", "json"] + inputs).stdout)
    links = os.path.join(tmp, "links.jsonl")
    with open(links, "w", encoding="utf-8") as f:
        for rec in HOSTILE:
            f.write(json.dumps(rec) + "\n")
    linked = os.path.join(tmp, "links.html")
    check(run([summarize, "brief", "-o", linked, links]).returncode == 0,
          "brief of JSON Lines with URLs exits 0")
    text = open(linked, encoding="utf-8").read()
    check('<a href="https://courier.example/a?b=1&amp;c=%22x%22%27y%27%3Cz%3E">'
          'Courier &lt;b&gt;&amp;amp; &quot;Post&quot;</a>' in text,
          "the source links to its URL, both escaped")
    check("javascript" not in text, "a javascript: URL is no link")
    tidy_ok(page)
    tidy_ok(linked)
    if not browser:
        return
    dom = browse(browser, stat, tmp, page, "brief", pdf=True)
    first = data["stories"][0]
    check(in_dom(dom, first["headline"]),
          "the DOM holds the first headline %r" % first["headline"])
    names = [s["name"] for s in first["sources"]][:8]
    check(all(in_dom(dom, n) for n in names),
          "the DOM holds the first story's sources %s" % names)
    check(in_dom(dom, first["sentences"][0]),
          "the DOM holds the first story's first sentence")


def test_article(summarize, stat, testdata, browser, tmp):
    src = os.path.join(testdata, "river.txt")
    page = os.path.join(tmp, "article.html")
    check(run([summarize, "-o", page, src]).returncode == 0,
          "summarize -o article.html exits 0")
    data = json.loads(run([summarize, "-f", "json", src]).stdout)
    tidy_ok(page)
    if not browser:
        return
    dom = browse(browser, stat, tmp, page, "article")
    check(in_dom(dom, data["title"]), "the DOM holds the title")
    check(in_dom(dom, data["sentences"][0]["text"]),
          "the DOM holds the first summary sentence")


def main():
    if len(sys.argv) != 6 or sys.argv[1] not in ("brief", "article"):
        sys.exit(__doc__)
    which, summarize, stat, testdata, shared = sys.argv[1:]
    if not shutil.which("tidy"):
        print("skipped: tidy not found (Debian package tidy; "
              "tools/bootstrap installs it)")
        sys.exit(77)
    browser = find_chromium()
    with tempfile.TemporaryDirectory(prefix="precis-html-") as tmp:
        if which == "brief":
            test_brief(summarize, stat, testdata, shared, browser, tmp)
        else:
            test_article(summarize, stat, testdata, browser, tmp)
    if failures:
        print("%d check(s) failed" % len(failures))
        sys.exit(1)
    if not browser:
        print("skipped: chromium not found (Debian package chromium; "
              "tools/bootstrap installs it); only the HTML validity and "
              "escaping were checked")
        sys.exit(77)
    sys.exit(0)


if __name__ == "__main__":
    main()
