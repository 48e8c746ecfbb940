#!/usr/bin/env python3
"""Shows how crux's time and memory grow with its input: a benchmark, not a timed test.

    python3 scripts/bench-robustness.py [--quick] [--bin target/release/crux] [--out DIR]

Runs `crux analyze FILE --format jsonl --max-bytes 1G` under /usr/bin/time -v on generated
inputs of growing size and prints, for each, the wall and CPU time, the peak resident memory,
the JSON written, and the ratio of each to the previous size's (a linear cost gives the size
ratio; a quadratic one its square):

- one document of 1, 10 and 100 MB (article-like prose of invented sentences: quotes with
  speakers, hedges, risks and benefits, reported speech);
- one sentence of 2,000, 5,000, 10,000 and 20,000 "which might fail" clauses (issue 10,
  item 3: every hedge's scope is the sentence);
- 10,000, 30,000 and 100,000 distinct quoted speakers, each quoted again by surname (issue
  10, item 4: Names::canonical).

Each run is limited to TIMEOUT seconds (default 300) and 4 GB of address space, so that a
quadratic case ends as "timeout" or "out of memory" instead of taking the machine; it is run
at nice 10. --quick runs the smallest sizes only. Inputs are written to --out (default a
temporary folder) and deleted afterwards.
"""

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

SENTENCES = [
    "Officials in the capital met on Monday to weigh the new plan.",
    "\u201cThe plan may fail if rates rise,\u201d said the finance minister, Ana Rivas.",
    "According to the central bank\u2019s report, growth could slow to 1 percent next year.",
    "Critics warn that the reform would raise costs for small firms and cut jobs.",
    "Supporters argue it will lower prices and improve access to credit.",
    "Perhaps the greatest risk is that investors lose confidence.",
    "Although the benefits are real, they may take years to appear.",
    "The opposition leader, Tomas Berg, told reporters the vote was \u201ca mistake.\u201d",
    "Analysts said the outcome remains uncertain.",
    "If the economy weakens, the government should act quickly to protect savers.",
]

FIRST = ["Ana", "Bela", "Cato", "Dara", "Elio", "Fenna", "Goran", "Hana", "Ivo", "Jana",
         "Kiro", "Lena", "Mato", "Nora", "Oto", "Pia", "Rok", "Sara", "Teo", "Una",
         "Vid", "Zara", "Aldo", "Brina", "Cene", "Dita", "Emil", "Fran", "Gala", "Hugo"]
SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "de", "po", "ze", "li", "ma",
             "no", "sa", "ti", "ve", "ro", "bu", "ge"]


def surname(i):
    """A distinct invented surname for each i: capitalised syllables."""
    parts = []
    while True:
        parts.append(SYLLABLES[i % len(SYLLABLES)])
        i //= len(SYLLABLES)
        if i == 0:
            break
    word = "".join(parts) + "ski"
    return word[0].upper() + word[1:]


def document(path, size):
    with open(path, "w", encoding="utf-8") as f:
        written, n = 0, 0
        while written < size:
            para = " ".join(SENTENCES[(n + k) % len(SENTENCES)] for k in range(4)) + "\n\n"
            f.write(para)
            written += len(para.encode("utf-8"))
            n += 1


def clauses(path, n):
    with open(path, "w", encoding="utf-8") as f:
        f.write("The plan")
        for _ in range(n):
            f.write(", which might fail")
        f.write(", will cost jobs.\n")


def names(path, n):
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            last = surname(i)
            # The full name, then the surname alone: crux resolves the second to the first
            # (Names::canonical), the step issue 10 found quadratic.
            f.write("\u201cWe disagree,\u201d said %s %s. \u201cIt will fail,\u201d %s added.\n\n"
                    % (FIRST[i % len(FIRST)], last, last))


def run(binary, path, timeout):
    cmd = ["nice", "-n", "10", "/usr/bin/time", "-v", binary, "analyze", path,
           "--format", "jsonl", "--max-bytes", "1G", "--threads", "1"]
    start = time.monotonic()
    counter = subprocess.Popen(["wc", "-c"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    p = subprocess.Popen(cmd, stdout=counter.stdin, stderr=subprocess.PIPE,
                         preexec_fn=lambda: resource.setrlimit(
                             resource.RLIMIT_AS, (4 << 30, 4 << 30)))
    try:
        _, err = p.communicate(timeout=timeout)
        status = p.returncode
    except subprocess.TimeoutExpired:
        # `nice` became /usr/bin/time (p.pid); crux is its child. Killing crux, not time,
        # lets time report the CPU time and peak memory reached so far.
        subprocess.run(["pkill", "-KILL", "-P", str(p.pid)], check=False)
        _, err = p.communicate()
        status = "timeout"
    err = err.decode("utf-8", "replace")
    counter.stdin.close()
    out_bytes = int(counter.stdout.read().strip() or 0)
    counter.wait()
    wall = time.monotonic() - start

    def field(name):
        m = re.search(re.escape(name) + r": ([0-9.:]+)", err)
        return m.group(1) if m else None

    user, sys_ = field("User time (seconds)"), field("System time (seconds)")
    rss = field("Maximum resident set size (kbytes)")
    if status == "timeout":
        state = "killed at %d s" % timeout
    elif "memory allocation" in err or "out of memory" in err.lower():
        state = "out of memory"
    elif status not in (0,):
        state = "exit %s" % status
    else:
        state = "ok"
    return {
        "state": state,
        "wall": wall,
        "cpu": (float(user) + float(sys_)) if user and sys_ else None,
        "rss_mb": int(rss) / 1024 if rss else None,
        "out_mb": out_bytes / 1e6,
    }


def ratio(a, b):
    if a is None or b is None or a <= 0:
        return "-"
    return "%.1f\u00d7" % (b / a)


def series(title, unit, cases, make, binary, outdir, timeout):
    print("\n## %s\n" % title)
    print("| %s | input MB | state | wall s | CPU s | peak RSS MB | JSON MB | size \u00d7 | CPU \u00d7 | RSS \u00d7 |" % unit)
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    previous = None
    for n in cases:
        path = os.path.join(outdir, "input-%s.txt" % n)
        make(path, n)
        size = os.path.getsize(path)
        r = run(binary, path, timeout)
        os.remove(path)
        row = [str(n), "%.2f" % (size / 1e6), r["state"], "%.2f" % r["wall"],
               "%.2f" % r["cpu"] if r["cpu"] is not None else "-",
               "%.0f" % r["rss_mb"] if r["rss_mb"] is not None else "-",
               "%.1f" % r["out_mb"]]
        if previous:
            row += [ratio(previous[0], size), ratio(previous[1]["cpu"], r["cpu"]),
                    ratio(previous[1]["rss_mb"], r["rss_mb"])]
        else:
            row += ["", "", ""]
        print("| " + " | ".join(row) + " |")
        sys.stdout.flush()
        previous = (size, r)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="target/release/crux")
    ap.add_argument("--out", default=None)
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", choices=["document", "clauses", "names"], action="append",
                    help="run only these series (repeatable)")
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.chdir(root)
    if not os.path.exists(args.bin):
        sys.exit("build first: cargo build --release -p crux-cli")
    outdir = args.out or tempfile.mkdtemp(prefix="crux-bench-")
    os.makedirs(outdir, exist_ok=True)
    try:
        mb = 1_000_000
        docs = [1 * mb, 10 * mb] if args.quick else [1 * mb, 10 * mb, 100 * mb]
        wanted = set(args.only or ["document", "clauses", "names"])
        if "document" in wanted:
            series("One document", "bytes", docs, document, args.bin, outdir, args.timeout)
        cl = [2000, 5000] if args.quick else [2000, 5000, 10000, 20000]
        if "clauses" in wanted:
            series("One sentence of hedged clauses", "clauses", cl, clauses, args.bin, outdir,
                   args.timeout)
        nm = [10000, 30000] if args.quick else [10000, 30000, 100000]
        if "names" in wanted:
            series("Many quoted speakers", "names", nm, names, args.bin, outdir, args.timeout)
    finally:
        if args.out is None:
            shutil.rmtree(outdir, ignore_errors=True)


if __name__ == "__main__":
    main()
