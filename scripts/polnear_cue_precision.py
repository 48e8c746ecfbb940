#!/usr/bin/env python3
"""Cue precision on PolNeAR's development part: how often a word form heads a gold cue.

    python3 scripts/polnear_cue_precision.py PATH/TO/polnear.jsonl [--min 3] [--precision 0.5]
        [--split dev]

Reads one split (`dev` unless --split says `train`; first annotator of each article, as `crux
eval` scores it). Both are PolNeAR's development part (the test split is held back); growing
cues from `train` leaves `dev` for measuring them. A gold
cue's *head* is its first word after auxiliaries and adverbs ("has also said" -> "said"); a
two-word head is kept for phrasal cues ("called for", "pointed out"). For every head form the
script counts how many attributions it heads (`cue`) and how many times the form occurs in the
dev texts at all, lower-cased (`seen`); precision = cue / seen. It prints the forms with at
least --min cues and precision at least --precision, marking those already in
crates/crux-parser/data/reporting_verbs.tsv. The figures are the provenance written beside
each entry added to that file ("# polnear-dev cue N of M").
"""
import collections
import json
import re
import sys
from pathlib import Path

AUX = {"has", "have", "had", "also", "is", "are", "was", "were", "will", "would", "did", "does",
       "do", "not", "been", "be", "being", "then", "later", "earlier", "repeatedly",
       "previously", "never", "once", "still", "now", "first", "often", "long", "again",
       "just", "n't", "could", "can", "may", "might", "should", "must", "shall", "already"}
PARTICLES = {"for", "on", "out", "up", "to", "about", "of", "with", "into"}
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
DATA = Path(__file__).resolve().parent.parent / "crates/crux-lexicon/data"


def listed():
    out = set()
    for line in (DATA / "reporting_verbs.tsv").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            out.add(line.split("\t")[0].lower())
    return out


def head(words):
    """The head form of a cue's words (lower-cased): one word, or two for a phrasal cue."""
    words = [w for w in words if w not in AUX and not (w.endswith("ly") and len(w) > 4)]
    if not words:
        return None
    if len(words) > 1 and words[1] in PARTICLES:
        return f"{words[0]} {words[1]}"
    return words[0]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flag = lambda name, default: type(default)(sys.argv[sys.argv.index(name) + 1]) \
        if name in sys.argv else default
    minimum, precision = flag("--min", 3), flag("--precision", 0.5)
    split = flag("--split", "dev")
    cues, seen, articles = collections.Counter(), collections.Counter(), set()
    for line in open(args[0], encoding="utf-8"):
        r = json.loads(line)
        if r.get("split") != split or r["article"] in articles:
            continue
        articles.add(r["article"])
        text = r["text"]
        words = [w.lower() for w in WORD.findall(text)]
        for i, w in enumerate(words):
            seen[w] += 1
            if i + 1 < len(words) and words[i + 1] in PARTICLES:
                seen[f"{w} {words[i + 1]}"] += 1
        for a in r["attributions"]:
            cue = a.get("cue")
            if not cue:
                continue
            h = head([w.lower() for w in WORD.findall(cue["text"])])
            if h:
                cues[h] += 1
    known = listed()
    print(f"# {len(articles)} {split} articles; cue\tseen\tprecision\tform\tlisted")
    for form, n in sorted(cues.items(), key=lambda kv: (-kv[1], kv[0])):
        p = n / max(seen[form], 1)
        if n >= minimum and p >= precision:
            print(f"{n}\t{seen[form]}\t{p:.2f}\t{form}\t{'listed' if form in known else 'NEW'}")


if __name__ == "__main__":
    main()
