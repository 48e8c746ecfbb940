#!/usr/bin/env python3
"""What a published subjectivity lexicon adds to crux's NewsSD-ENG rule, measured before any
word goes into crux's lexicon (docs/quality.md, "Subjectivity in sentence form").

The lexicon is Pattern's English adjective lexicon, en-sentiment.xml (CLiPS Pattern 2.6, Tom De
Smedt and Walter Daelemans, PDDL; shipped by TextBlob, MIT, as src/textblob/en/en-sentiment.xml):
about 2,900 word senses with polarity (-1 to 1) and subjectivity (0 to 1). The file is not in
this repository; pass its path.

    python3 scripts/newssd_lexicon_probe.py ../shared/corpora/newssd_eng.jsonl \
        path/to/en-sentiment.xml target/release/crux

Prints macro-F1 on the train and val splits (the test split is held back) for:
- the lexicon alone, TextBlob's reading of it: the mean subjectivity of the lexicon's words in
  the sentence (each word's senses averaged) above 0.5; negation and intensifiers, which TextBlob
  also reads, are left out here;
- crux's main rule (an author claim typed evaluation, prediction or normative), as `crux eval`;
- crux's rule or a lexicon adjective of subjectivity >= t (and |polarity| >= p) in an author
  claim, for several t and p, anywhere in the claim or only after a copula ("is slim",
  "seems paltry").
Thresholds are to be chosen on train; val is printed to check, not to choose. Standard library
only.
"""
import json
import re
import subprocess
import sys
from collections import defaultdict

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Forms of "be" and linking verbs, and the degree words and determiners that may stand between
# one and its complement: the probe's reading of a predicate position.
COPULA = set("is are was were be been being seems seem seemed looks look looked remains remain "
             "remained becomes become became sounds appears appear appeared".split())
BETWEEN = set("very so too quite rather really more most less least pretty fairly extremely also "
              "not never still just a an the truly utterly simply hardly all even deeply".split())


def lexicon(path):
    """Adjective -> (mean polarity, mean subjectivity) over its senses."""
    senses = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for m in re.finditer(r"<word ([^>]*)/>", f.read()):
            a = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
            if a.get("pos") == "JJ":
                senses[a["form"].lower()].append(
                    (float(a["polarity"]), float(a["subjectivity"])))
    return {w: (sum(p for p, _ in v) / len(v), sum(s for _, s in v) / len(v))
            for w, v in senses.items()}


def macro_f1(pairs):
    """Macro-F1 over the two classes of (gold, predicted) booleans."""
    def f1(tp, fp, fn):
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    tp = sum(g and p for g, p in pairs)
    tn = sum(not g and not p for g, p in pairs)
    fp = sum(not g and p for g, p in pairs)
    fn = sum(g and not p for g, p in pairs)
    return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    corpus, xml, crux = sys.argv[1:]
    records = []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("split") in ("train", "val"):
                records.append(r)
    stdin = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in records)
    out = subprocess.run([crux, "-q", "analyze", "-", "--format", "jsonl"], input=stdin,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    reports = [json.loads(line) for line in out]
    assert len(reports) == len(records)
    lex = lexicon(xml)

    rows = []
    for r, d in zip(records, reports):
        author = [c for c in d["claims"] if c["holder"] == "author"]
        words = [w.lower() for c in author for w in WORD.findall(c["text"])]
        predicative = [w for k, w in enumerate(words) if any(
            words[j] in COPULA and all(x in BETWEEN for x in words[j + 1:k])
            for j in range(max(0, k - 3), k))]
        found = [lex[w][1] for w in WORD.findall(r["text"].lower()) if w in lex]
        rows.append({
            "split": r["split"], "gold": r["subjective"],
            "crux": any(c["type"] in ("evaluation", "prediction", "normative") for c in author),
            "words": words, "predicative": predicative,
            "textblob": bool(found) and sum(found) / len(found) > 0.5,
        })

    def line(name, pred):
        cells = [f"{s} {macro_f1([(x['gold'], pred(x)) for x in rows if x['split'] == s]):.3f}"
                 for s in ("train", "val")]
        print(f"{name:52} {'  '.join(cells)}")

    line("lexicon alone (mean subjectivity > 0.5)", lambda x: x["textblob"])
    line("crux main rule", lambda x: x["crux"])
    for where in ("words", "predicative"):
        for t in (0.5, 0.7, 0.9, 1.0):
            for p in (0.0, 0.3):
                chosen = {w for w, (pol, subj) in lex.items() if subj >= t and abs(pol) >= p}
                line(f"crux or {where} adjective, subj >= {t}, |pol| >= {p} ({len(chosen)})",
                     lambda x, c=chosen, k=where: x["crux"] or any(w in c for w in x[k]))


if __name__ == "__main__":
    main()
