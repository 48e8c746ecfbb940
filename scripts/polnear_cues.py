#!/usr/bin/env python3
"""Count PolNeAR development-part attribution cues and source heads, to grow crux's lexicons.

    python3 scripts/polnear_cues.py PATH/TO/polnear.jsonl [--min 2]

Reads the `dev` split only (first annotator of each article, as `crux eval` scores it) and
prints, for each cue word form and each lower-case source head noun, how many attributions
use it, marking those already in crates/crux-lexicon/data/reporting_verbs.tsv or
speaker_nouns.tsv. Cue forms drop leading auxiliaries ("has said" -> "said") and trailing
punctuation; multi-word cues keep two words ("according to", "pointed to"). The counts are the
provenance written beside each entry added to the data files ("# polnear-dev N").
"""
import collections
import json
import sys
from pathlib import Path

AUX = {"has", "have", "had", "also", "is", "are", "was", "were", "will", "would", "did", "does",
       "do", "not", "been", "be", "then", "later", "earlier", "repeatedly", "previously"}
DATA = Path(__file__).resolve().parent.parent / "crates/crux-lexicon/data"


def listed(name):
    out = set()
    for line in (DATA / name).read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            out.add(line.split("\t")[0].lower())
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    minimum = int(sys.argv[sys.argv.index("--min") + 1]) if "--min" in sys.argv else 2
    cues, heads, seen = collections.Counter(), collections.Counter(), set()
    for line in open(args[0], encoding="utf-8"):
        r = json.loads(line)
        if r.get("split") != "dev" or r["article"] in seen:
            continue
        seen.add(r["article"])
        for a in r["attributions"]:
            cue = (a.get("cue") or {}).get("text", "")
            words = [w.strip(".,:;\"'") for w in cue.lower().split()]
            words = [w for w in words if w and w not in AUX]
            if words and words[0].isalpha():
                cues[" ".join(words[:2]) if words[0] == "according" else words[0]] += 1
            source = (a.get("source") or {}).get("text", "")
            last = source.split()[-1].strip(".,:;\"'") if source.split() else ""
            if last.isalpha() and last.islower():
                heads[last] += 1
    verbs, nouns = listed("reporting_verbs.tsv"), listed("speaker_nouns.tsv")
    print(f"# {len(seen)} dev articles")
    print("## cues (count, form, listed)")
    for w, n in cues.most_common():
        if n >= minimum:
            print(f"{n}\t{w}\t{'listed' if w in verbs else 'NEW'}")
    print("## source heads (count, noun, listed)")
    for w, n in heads.most_common():
        if n >= minimum:
            print(f"{n}\t{w}\t{'listed' if w in nouns else 'NEW'}")


if __name__ == "__main__":
    main()
