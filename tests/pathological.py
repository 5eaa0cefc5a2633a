#!/usr/bin/env python3
"""Pathological inputs for the summarize command (cmark's idea): each case
generates its input at test time in a temporary folder (nothing big is
committed), runs summarize on it, and checks the exit status, that the
output is sane, and that time and memory stay within the bounds stated
below, roughly linear in the input.

    pathological.py SUMMARIZE CASE      run one case (meson runs each one
                                        as its own test, with a timeout)
    pathological.py SUMMARIZE --list    list the cases and their bounds
    pathological.py SUMMARIZE --measure run every case, print time and
                                        memory, check nothing
    pathological.py --articles DIR COUNT BYTES
                                        write COUNT generated articles

Bounds. Each case states a wall-clock limit in seconds and a peak-memory
limit (maximum resident set size of the summarize process, from
getrusage) as a multiple of the input plus a constant. They hold for the
plain build (debugoptimized) with room to spare on a busy 2-core machine.
A sanitizer build (the binary holds __asan_init) is several times slower
and keeps freed memory in quarantine, so there the time limit is
multiplied by SAN_TIME and the memory limit by SAN_MEM_FACTOR, plus
SAN_MEM_MB.

Measured on the 2-core development machine (plain debugoptimized / gcc
ASan+UBSan debug with -Darena_malloc=true), peak RSS in brackets: the 50
MB article 4-9 s (380-525 MB, up to 10.5 x input) / 17-28 s (790-960
MB); a 40 MB JSONL line 5.4 s (430-520 MB) / 18 s (730-890 MB); 200,000
one-word sentences 0.3 s (68 MB) / 1.2 s (173 MB); the 10 MB word 0.6-1.7
s (44-67 MB) / 2.7 s (214 MB); the 100 MB refusal 0.1 s (102 MB) / 0.3 s
(273 MB); everything else under 0.5 s (34 MB) / 1.4 s (74 MB). RSS grows
linearly: 6, 12 and 25 MB articles took 69, 135 and 272 MB.
PRECIS_PATHO_SCALE (a number, default 1) multiplies every time limit, for
slower machines.
"""
import os
import random
import subprocess
import sys
import tempfile
import time

MB = 1 << 20
SAN_TIME = 8
SAN_MEM_FACTOR = 2
SAN_MEM_MB = 256

# ---- inputs -----------------------------------------------------------------

WORDS = (
    "council harbour bridge storm engineers repair deck inspection traffic "
    "vehicles shops trade bakery quay customers detour budget mayor "
    "libraries buses river flood warning rain valley farmers crops market "
    "prices energy winter heating school teachers pupils exam hospital "
    "doctors nurses patients ward minister election vote party campaign "
    "police station court judge trial witness museum gallery painting "
    "festival music crowd stadium match goal season coach players railway "
    "station timetable delay strike union talks agreement wages pension"
).split()
NAMES = "Kelmouth Bremen Price Jones Okafor Lindqvist Moreau Tanaka".split()


def sentence(rng, n_words):
    words = [rng.choice(WORDS) for _ in range(n_words)]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(NAMES))
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice(".....!?")


def article(size, seed=1):
    """About size bytes of news-like text: a title, then paragraphs of
    three to six sentences of 8 to 25 words."""
    rng = random.Random(seed)
    parts = ["Storm damage closes the harbour bridge\n\n"]
    total = len(parts[0])
    while total < size:
        para = " ".join(sentence(rng, rng.randint(8, 25))
                        for _ in range(rng.randint(3, 6))) + "\n\n"
        parts.append(para)
        total += len(para)
    return "".join(parts).encode()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def repeat_to(path, chunk, size):
    """Writes chunk over and over until the file holds size bytes."""
    with open(path, "wb") as f:
        whole, rest = divmod(size, len(chunk))
        block = chunk * max(1, (1 << 20) // len(chunk))
        left = whole
        per = len(block) // len(chunk)
        while left >= per:
            f.write(block)
            left -= per
        f.write(chunk * left)
        f.write(chunk[:rest])
    return size


def utf8_valid(b):
    try:
        b.decode("utf-8", "strict")
        return True
    except UnicodeDecodeError:
        return False


# ---- cases ------------------------------------------------------------------
# Each case: make(tmp) -> (args, stdin file or None, input bytes); check(rc,
# out, err, input path) -> None or a failure message; time limit (s);
# memory limit as (factor, constant MB): at most factor * input + constant.


def lines_of(out):
    return [l for l in out.split(b"\n") if l]


def expect_summary(n_lines):
    def check(rc, out, err, _inp):
        if rc != 0:
            return "exit %d, want 0; stderr: %r" % (rc, err[:300])
        got = lines_of(out)
        if len(got) != n_lines:
            return "%d summary lines, want %d" % (len(got), n_lines)
        if not utf8_valid(out):
            return "the summary is not valid UTF-8"
        return None
    return check


def expect_failure(*words):
    """Exit 1, nothing on stdout, one clear message naming the input."""
    def check(rc, out, err, _inp):
        if rc != 1:
            return "exit %d, want 1; stderr: %r" % (rc, err[:300])
        if out:
            return "stdout not empty on failure: %r" % out[:200]
        text = err.decode("utf-8", "replace").lower()
        if not text.startswith("summarize: "):
            return "message does not start with 'summarize: ': %r" % text
        for w in words:
            if w not in text:
                return "message %r does not mention %r" % (text, w)
        return None
    return check


def expect_sane(rc, out, err, inp):
    """Either a summary (exit 0, each line a stretch of the input's words)
    or a clean refusal (exit 1 with a message): never a crash."""
    if rc == 0:
        if not out or not utf8_valid(out):
            return "exit 0 with an empty or invalid summary"
        return None
    if rc == 1 and err.startswith(b"summarize: ") and not out:
        return None
    return "exit %d; stdout %r; stderr %r" % (rc, out[:200], err[:300])


def case_big_article(tmp):
    p = os.path.join(tmp, "big.txt")
    return [p], None, write(p, article(50 * MB))


def case_too_big(tmp):
    # 100 MB of text against the default --max-input (64M): refused
    # before it is summarised, reading no further than the limit.
    p = os.path.join(tmp, "huge.txt")
    return [p], None, repeat_to(p, article(MB, seed=2), 100 * MB)


def case_too_big_stdin(tmp):
    p = os.path.join(tmp, "huge.txt")
    return ["--max-input=8M"], p, repeat_to(p, article(MB, seed=3), 20 * MB)


def case_long_word(tmp):
    p = os.path.join(tmp, "word.txt")
    return [p], None, repeat_to(p, b"abcdefghij", 10 * MB)


def case_long_word_utf8(tmp):
    # 10 MB of one word in two-byte letters, then one normal sentence.
    p = os.path.join(tmp, "word.txt")
    n = repeat_to(p, "\u00e9\u00df\u0434\u0436\u03b1".encode(), 10 * MB)
    with open(p, "ab") as f:
        tail = b" and then the council met to vote on the budget.\n"
        f.write(tail)
    return [p], None, n + len(tail)


def case_many_sentences(tmp):
    rng = random.Random(4)
    words = [rng.choice(WORDS).capitalize() + ". " for _ in range(200000)]
    p = os.path.join(tmp, "sentences.txt")
    return [p], None, write(p, "".join(words).encode())


def case_many_lines(tmp):
    # 200,000 one-word sentences, each on its own line (each a paragraph).
    rng = random.Random(5)
    words = [rng.choice(WORDS).capitalize() + ".\n" for _ in range(200000)]
    p = os.path.join(tmp, "lines.txt")
    return [p], None, write(p, "".join(words).encode())


def case_nul_bytes(tmp):
    p = os.path.join(tmp, "nul.bin")
    return [p], None, write(p, bytes(MB))


def case_invalid_utf8(tmp):
    # Text interleaved with every kind of bad UTF-8: stray continuation
    # bytes, truncated sequences, overlong forms (of '/', NUL and U+FFFF),
    # surrogates, code points above U+10FFFF, 0xFE/0xFF.
    bad = [b"\x80", b"\xbf\xbf", b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98",
           b"\xc0\xaf", b"\xe0\x80\xaf", b"\xf0\x80\x80\xaf", b"\xc0\x80",
           b"\xef\xbf\xbf", b"\xed\xa0\x80", b"\xed\xbf\xbf",
           b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80", b"\xfe", b"\xff",
           b"\xfc\x80\x80\x80\x80\xaf"]
    rng = random.Random(6)
    text = article(2 * MB, seed=6).split(b" ")
    out = []
    for w in text:
        out.append(w)
        if rng.random() < 0.2:
            out.append(rng.choice(bad))
    p = os.path.join(tmp, "bad.txt")
    return [p], None, write(p, b" ".join(out))


def case_invalid_only(tmp):
    # Nothing but invalid and overlong sequences.
    p = os.path.join(tmp, "bad.txt")
    return [p], None, repeat_to(
        p, b"\xc0\xaf\xe0\x80\xaf\xf8\x88\x80\x80\x80\xed\xa0\x80\xff ",
        4 * MB)


def case_full_stops(tmp):
    p = os.path.join(tmp, "dots.txt")
    n = repeat_to(p, b".", 1000000)
    with open(p, "ab") as f:
        f.write(b"\n")
    return [p], None, n + 1


def case_full_stops_words(tmp):
    # A real sentence, a million full stops, another sentence.
    p = os.path.join(tmp, "dots.txt")
    head = b"The council met on Monday to vote on the budget for next year."
    tail = b" The mayor said the libraries and the buses will stay open.\n"
    data = head + b"." * 1000000 + tail
    return [p], None, write(p, data)


def case_nested(tmp):
    # 100,000 levels of quotes and brackets of every kind around a
    # sentence, opened and closed, ASCII and typographic.
    opens = ["(", "[", "{", "\"", "'", "\u201c", "\u2018", "\u00ab", "<"]
    closes = [")", "]", "}", "\"", "'", "\u201d", "\u2019", "\u00bb", ">"]
    depth = 100000
    seq = [i % len(opens) for i in range(depth)]
    body = ("".join(opens[i] for i in seq) +
            "The council voted on the budget. The mayor spoke." +
            "".join(closes[i] for i in reversed(seq)) + "\n")
    p = os.path.join(tmp, "nested.txt")
    return [p], None, write(p, body.encode())


def case_nested_unclosed(tmp):
    # Only opening quotes and brackets, 100,000 of them, between words.
    p = os.path.join(tmp, "open.txt")
    return [p], None, repeat_to(p, "word (\u201c[\"' ".encode(), 100000 * 8)


def case_empty(tmp):
    p = os.path.join(tmp, "empty.txt")
    return [p], None, write(p, b"")


def case_empty_stdin(tmp):
    p = os.path.join(tmp, "empty.txt")
    return [], p, write(p, b"")


def case_whitespace(tmp):
    p = os.path.join(tmp, "blank.txt")
    return [p], None, repeat_to(p, b" \t\r\n\n\xc2\xa0", 1 * MB)


# ---- HTML --------------------------------------------------------------------

def html_page(size, seed=7):
    """About size bytes of a page: a menu, then an article of paragraphs
    in wrappers, then a footer."""
    body = article(size, seed=seed).decode().split("\n\n")
    parts = ["<!doctype html><html lang=en><head><meta charset=utf-8>"
             "<title>Storm damage - The Kelmouth Courier</title></head><body>"
             "<nav><a href=/>Home</a> <a href=/news>News</a></nav><article>"
             "<h1>" + body[0] + "</h1>"]
    for para in body[1:]:
        parts.append("<div class=section><p>" + para + "</p></div>\n")
    parts.append("</article><footer>Contact us</footer></body></html>\n")
    return "".join(parts).encode()


def case_html_big(tmp):
    # A 40 MB page, read with no --max-input: summarised.
    p = os.path.join(tmp, "big.html")
    return ["--max-input=0", p], None, write(p, html_page(40 * MB))


def case_html_huge(tmp):
    # 100 MB of markup against the default --max-input: refused.
    p = os.path.join(tmp, "huge.html")
    return [p], None, repeat_to(p, html_page(MB, seed=8), 100 * MB)


def case_html_nested(tmp):
    # 100,000 nested elements of every kind around the article; libxml2
    # stops building the tree at its depth limit: a page without article,
    # or a summary, never a crash or a deep recursion.
    tags = ["div", "span", "section", "b", "li", "td", "blockquote", "a"]
    depth = 100000
    seq = [tags[i % len(tags)] for i in range(depth)]
    data = ("<html><body>" + "".join("<%s>" % t for t in seq) +
            "<p>The council voted on the budget. The mayor spoke.</p>" +
            "".join("</%s>" % t for t in reversed(seq)) + "</body></html>")
    p = os.path.join(tmp, "nested.html")
    return [p], None, write(p, data.encode())


def case_html_unclosed(tmp):
    # 200,000 elements opened and never closed, with words between them.
    unit = ("<div><p><span><a href=x><b><i><table><tr><td>word "
            "council harbour bridge. ")
    p = os.path.join(tmp, "open.html")
    n = repeat_to(p, unit.encode(), 200000 * len(unit) // 8)
    return [p], None, n


def case_html_scripts(tmp):
    # A page of nothing but scripts and styles: no article, a clear error.
    unit = ("<script>var council = 'The council voted on the budget.';"
            "</script><style>p { color: red }</style>\n")
    p = os.path.join(tmp, "scripts.html")
    with open(p, "wb") as f:
        f.write(b"<!doctype html><html><head></head><body>")
        n = 0
        while n < 5 * MB:
            f.write(unit.encode())
            n += len(unit)
        f.write(b"</body></html>")
    return [p], None, n


def case_html_nul(tmp):
    # A page with NUL bytes inside the markup and the text.
    data = html_page(MB, seed=9)
    rng = random.Random(9)
    out = bytearray()
    for i in range(0, len(data), 64):
        out += data[i:i + 64]
        if rng.random() < 0.3:
            out += b"\x00"
    p = os.path.join(tmp, "nul.html")
    return [p], None, write(p, bytes(out))


def case_html_bad_encoding(tmp):
    # A page that declares one charset and holds bytes of no charset at
    # all: a legacy charset, then invalid UTF-8 and a stray UTF-16 BOM.
    body = html_page(MB, seed=10).replace(b"charset=utf-8",
                                          b"charset=windows-1252")
    rng = random.Random(10)
    bad = [b"\x80", b"\xc3", b"\xff\xfe", b"\xed\xa0\x80", b"\x9d"]
    parts = body.split(b" ")
    out = []
    for w in parts:
        out.append(w)
        if rng.random() < 0.1:
            out.append(rng.choice(bad))
    p = os.path.join(tmp, "bad.html")
    return ["--input=html", p], None, write(p, b"\xfe\xff" + b" ".join(out))


def jsonl_line(text_bytes):
    # A JSON string of plain ASCII text: no escaping needed.
    return b'{"id":"big","text":"' + text_bytes + b'"}\n'


def case_jsonl_huge_line(tmp):
    # One JSONL line of 100 MB, then a small record: the long line is
    # refused with a clear error (default --max-input 64M) without
    # holding it in memory, and the next record is still summarised.
    p = os.path.join(tmp, "big.jsonl")
    body = article(MB, seed=7).replace(b"\n", b" ")
    with open(p, "wb") as f:
        f.write(b'{"id":"big","text":"')
        for _ in range(100):
            f.write(body)
        f.write(b'"}\n')
        f.write(jsonl_line(b"The council met on Monday. It voted on the "
                           b"budget. The mayor spoke after the vote."))
    return ["--jsonl", "-j", "1"], p, os.path.getsize(p)


def check_jsonl_huge(rc, out, err, _inp):
    import json
    lines = lines_of(out)
    if len(lines) != 2:
        return "%d output lines, want 2 (an error, a result)" % len(lines)
    try:
        first, second = json.loads(lines[0]), json.loads(lines[1])
    except ValueError as e:
        return "output is not JSON Lines: %s" % e
    msg = json.dumps(first).lower()
    if "max-input" not in msg:
        return "the first line does not name --max-input: %s" % msg[:300]
    if not second.get("sentences"):
        return "the second record was not summarised: %s" % lines[1][:300]
    if rc not in (0, 1):
        return "exit %d" % rc
    return None


def case_jsonl_big_line(tmp):
    # One JSONL line of 40 MB within the limit: summarised.
    p = os.path.join(tmp, "big.jsonl")
    body = article(40 * MB, seed=8).replace(b"\n", b" ")
    return ["--jsonl", "-j", "1"], p, write(p, jsonl_line(body))


def check_jsonl_big(rc, out, err, _inp):
    import json
    if rc != 0:
        return "exit %d; stderr %r" % (rc, err[:300])
    lines = lines_of(out)
    if len(lines) != 1:
        return "%d output lines, want 1" % len(lines)
    rec = json.loads(lines[0])
    if len(rec.get("sentences", [])) != 3:
        return "want 3 sentences: %s" % lines[0][:300]
    return None


# name: (make, check, seconds, (factor, MB), description)
CASES = {
    "big-article": (case_big_article, expect_summary(3), 60, (12, 64),
                    "a 50 MB article is summarised"),
    "too-big": (case_too_big, expect_failure("max-input"), 10, (0, 200),
                "a 100 MB file is refused by the default --max-input "
                "(64M), reading no more than the limit"),
    "too-big-stdin": (case_too_big_stdin, expect_failure("max-input"), 10,
                      (0, 100), "20 MB on stdin with --max-input=8M: refused"),
    "long-word": (case_long_word, expect_sane, 20, (6, 64),
                  "one 10 MB word, no spaces"),
    "long-word-utf8": (case_long_word_utf8, expect_sane, 20, (6, 64),
                       "one 10 MB word of 2-byte letters, then a sentence"),
    "many-sentences": (case_many_sentences, expect_summary(3), 10, (40, 64),
                       "200,000 one-word sentences on one line"),
    "many-lines": (case_many_lines, expect_summary(3), 10, (40, 64),
                   "200,000 one-word sentences, one a line"),
    "nul-bytes": (case_nul_bytes, expect_failure("binary"), 10, (8, 64),
                  "1 MB of NUL bytes: refused as binary"),
    "invalid-utf8": (case_invalid_utf8, expect_summary(3), 20, (10, 64),
                     "2 MB of text with bad UTF-8 sequences every few "
                     "words: summarised, output valid UTF-8"),
    "invalid-only": (case_invalid_only, expect_sane, 20, (10, 64),
                     "4 MB of nothing but invalid and overlong UTF-8"),
    "full-stops": (case_full_stops, expect_sane, 10, (20, 64),
                   "a line of 1,000,000 full stops"),
    "full-stops-words": (case_full_stops_words, expect_sane, 10, (20, 64),
                         "a sentence, 1,000,000 full stops, a sentence"),
    "nested": (case_nested, expect_sane, 10, (20, 64),
               "a sentence inside 100,000 levels of quotes and brackets"),
    "nested-unclosed": (case_nested_unclosed, expect_sane, 10, (20, 64),
                        "100,000 opening quotes and brackets, never closed"),
    "empty": (case_empty, expect_failure("empty"), 5, (0, 64),
              "an empty file: refused, 'input is empty'"),
    "empty-stdin": (case_empty_stdin, expect_failure("empty"), 5, (0, 64),
                    "empty standard input: refused"),
    "whitespace": (case_whitespace, expect_failure(), 10, (8, 64),
                   "1 MB of blanks and line ends: refused"),
    "jsonl-huge-line": (case_jsonl_huge_line, check_jsonl_huge, 10, (0, 200),
                        "a 100 MB JSONL line: refused (--max-input), the "
                        "next record still summarised"),
    "jsonl-big-line": (case_jsonl_big_line, check_jsonl_big, 60, (14, 64),
                       "a 40 MB JSONL line: summarised"),
    "html-big": (case_html_big, expect_summary(3), 60, (12, 64),
                 "a 40 MB HTML page: summarised"),
    "html-huge": (case_html_huge, expect_failure("max-input"), 10, (0, 200),
                  "100 MB of markup: refused by the default --max-input"),
    "html-nested": (case_html_nested, expect_sane, 10, (20, 64),
                    "the article inside 100,000 nested elements"),
    "html-unclosed": (case_html_unclosed, expect_sane, 30, (30, 64),
                      "200,000 elements opened and never closed"),
    "html-scripts": (case_html_scripts, expect_failure("no article"), 10,
                     (12, 64), "5 MB of scripts and styles, no text: "
                     "refused"),
    "html-nul": (case_html_nul, expect_sane, 10, (20, 64),
                 "a 1 MB page with NUL bytes in markup and text"),
    "html-bad-encoding": (case_html_bad_encoding, expect_sane, 10, (20, 64),
                          "a page with a UTF-16 BOM, a windows-1252 meta "
                          "charset and invalid bytes"),
}


def is_sanitized(binary):
    with open(binary, "rb") as f:
        return b"__asan_init" in f.read()


def measured(argv, stdin_path, out_path, err_path, timeout):
    """Runs argv with its peak RSS measured, returning (exit status or
    None on timeout, seconds, peak RSS in KB). Linux carries the RSS peak
    of the process that calls exec into the new program's ru_maxrss, so
    the program is started from a fresh, small Python (this file with
    --exec), not from this one, which may hold a 50 MB input."""
    cmd = [sys.executable, os.path.abspath(__file__), "--exec",
           stdin_path or os.devnull, out_path, err_path] + argv
    t0 = time.monotonic()
    try:
        res = subprocess.run(cmd, stdout=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - t0, 0
    elapsed = time.monotonic() - t0
    rc, rss = res.stdout.split()
    return int(rc), elapsed, int(rss)


def exec_measured(args):
    """--exec STDIN OUT ERR PROGRAM ARGS...: runs the program with its
    standard streams on those files; prints its exit status (negative for
    a signal) and peak RSS in KB."""
    stdin_path, out_path, err_path = args[:3]
    prog = args[3:]
    pid = os.fork()
    if pid == 0:
        try:
            for fd, path, mode in ((0, stdin_path, os.O_RDONLY),
                                   (1, out_path, os.O_WRONLY | os.O_CREAT |
                                    os.O_TRUNC),
                                   (2, err_path, os.O_WRONLY | os.O_CREAT |
                                    os.O_TRUNC)):
                f = os.open(path, mode, 0o644)
                os.dup2(f, fd)
                os.close(f)
            os.execv(prog[0], prog)
        finally:
            os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    rc = (os.WEXITSTATUS(status) if os.WIFEXITED(status)
          else -os.WTERMSIG(status))
    print(rc, ru.ru_maxrss)
    return 0


def run_case(binary, name, check=True):
    make, verify, secs, (factor, const_mb), _ = CASES[name]
    san = is_sanitized(binary)
    scale = float(os.environ.get("PRECIS_PATHO_SCALE", "1"))
    time_limit = secs * scale * (SAN_TIME if san else 1)
    with tempfile.TemporaryDirectory(prefix="precis-patho-") as tmp:
        args, stdin_path, size = make(tmp)
        out_path = os.path.join(tmp, "out")
        err_path = os.path.join(tmp, "err")
        rc, elapsed, rss_kb = measured([os.path.abspath(binary)] + args,
                                       stdin_path, out_path, err_path,
                                       time_limit * 2 + 10)
        with open(out_path, "rb") as f:
            outb = f.read()
        with open(err_path, "rb") as f:
            errb = f.read()
        rss_mb = rss_kb / 1024.0
        mem_limit = factor * size / MB + const_mb
        if san:
            mem_limit = mem_limit * SAN_MEM_FACTOR + SAN_MEM_MB
        print("%s: input %.1f MB, exit %s, %.2f s (limit %.0f s), "
              "peak RSS %.0f MB (limit %.0f MB = %s(%g x input + %d MB)%s)"
              % (name, size / MB, rc, elapsed, time_limit, rss_mb,
                 mem_limit, "%d x " % SAN_MEM_FACTOR if san else "",
                 factor, const_mb,
                 " + %d MB for the sanitizer" % SAN_MEM_MB if san else ""))
        sys.stdout.flush()
        if not check:
            if rc != 0:
                print("  stderr: %r" % errb[:300])
            return 0
        problems = []
        if rc is None:
            problems.append("killed after %.0f s" % elapsed)
        elif rc < 0:
            problems.append("killed by signal %d" % -rc)
        else:
            msg = verify(rc, outb, errb, stdin_path or args[-1])
            if msg:
                problems.append(msg)
        if elapsed > time_limit:
            problems.append("took %.2f s, limit %.0f s" % (elapsed,
                                                           time_limit))
        if rss_mb > mem_limit:
            problems.append("peak RSS %.0f MB, limit %.0f MB" % (rss_mb,
                                                                mem_limit))
        if b"runtime error" in errb or b"Sanitizer" in errb:
            problems.append("sanitizer report: %r" % errb[:500])
        for p in problems:
            print("FAIL: %s: %s" % (name, p))
        return 1 if problems else 0


def main(argv):
    if len(argv) > 2 and argv[1] == "--exec":
        return exec_measured(argv[2:])
    if len(argv) == 5 and argv[1] == "--articles":
        # --articles DIR COUNT BYTES: COUNT different articles of about
        # BYTES each, DIR/a000.txt ... (for cli_outfile_test.sh).
        for i in range(int(argv[3])):
            write(os.path.join(argv[2], "a%03d.txt" % i),
                  article(int(argv[4]), seed=100 + i))
        return 0
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    binary, what = argv[1], argv[2]
    if what == "--list":
        for name, c in CASES.items():
            print("%-18s %3d s  %2g x input + %3d MB  %s"
                  % (name, c[2], c[3][0], c[3][1], c[4]))
        return 0
    if what == "--measure":
        for name in CASES:
            run_case(binary, name, check=False)
        return 0
    if what not in CASES:
        print("unknown case %s" % what, file=sys.stderr)
        return 2
    if what.startswith("jsonl") and b"--jsonl" not in subprocess.run(
            [binary, "--help"], stdout=subprocess.PIPE).stdout:
        print("%s: summarize has no --jsonl: skipped" % what)
        return 77
    return run_case(binary, what)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
