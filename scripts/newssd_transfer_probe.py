#!/usr/bin/env python3
"""Whether a word-level model learned from a larger opinion corpus carries over to NewsSD-ENG
subjectivity: the check behind docs/quality.md's reading of the NewsSD goal.

A logistic regression over a sentence's words and word pairs (plus "ends in ? / !"), trained by
stochastic gradient descent with classes weighed alike, on
- Webis-Editorials-16's units (development file): "assumption" (the writer's own claim) against
  anecdote, testimony, statistics and common ground (title and other left out);
- NewsSD-ENG's train split;
- both together;
and scored as macro-F1 on NewsSD's train and val splits (the test split is held back).

    python3 scripts/newssd_transfer_probe.py ../shared/corpora

Deterministic (fixed shuffling seed). Standard library only. Nothing it learns enters crux: it
measures how far word statistics reach on this task.
"""
import collections
import json
import math
import random
import re
import sys
from pathlib import Path

WORD = re.compile(r"[a-z][a-z'’-]*")


def features(sentence):
    words = WORD.findall(sentence.lower())
    out = set(words)
    out |= {a + "_" + b for a, b in zip(words, words[1:])}
    end = sentence.strip()
    if end.endswith("?"):
        out.add("<question>")
    if end.endswith("!"):
        out.add("<exclamation>")
    return out


def fit(examples, epochs=8, l2=1e-4, rate=0.1, min_df=2):
    data = [(features(s), y) for s, y in examples]
    df = collections.Counter()
    for f, _ in data:
        df.update(f)
    pos = sum(y for _, y in data)
    neg = len(data) - pos
    weight = {True: len(data) / (2 * pos), False: len(data) / (2 * neg)}
    w = collections.defaultdict(float)
    b = 0.0
    rng = random.Random(1)
    for _ in range(epochs):
        rng.shuffle(data)
        for f, y in data:
            f = [x for x in f if df[x] >= min_df]
            z = b + sum(w[x] for x in f)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * weight[y]
            b -= rate * g
            for x in f:
                w[x] -= rate * (g + l2 * w[x])
    return w, b


def macro_f1(pairs):
    f1s = []
    for cls in (True, False):
        tp = sum(1 for p, y in pairs if p == cls and y == cls)
        fp = sum(1 for p, y in pairs if p == cls and y != cls)
        fn = sum(1 for p, y in pairs if p != cls and y == cls)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / 2


def score(model, examples):
    w, b = model
    return macro_f1(
        [(b + sum(w.get(x, 0.0) for x in features(s)) > 0, y) for s, y in examples]
    )


def main():
    corpora = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora")
    webis = []
    with open(corpora / "webis_editorials16.jsonl", encoding="utf-8") as f:
        for line in f:
            for span in json.loads(line)["spans"]:
                if span["label"] not in ("title", "other"):
                    webis.append((span["text"], span["label"] == "assumption"))
    newssd = {"train": [], "val": []}
    with open(corpora / "newssd_eng.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["split"] in newssd:
                newssd[r["split"]].append((r["text"], r["subjective"]))
    print(f"Webis units {len(webis)}, NewsSD train {len(newssd['train'])}, val {len(newssd['val'])}")
    for name, examples in [
        ("Webis units", webis),
        ("NewsSD train", newssd["train"]),
        ("both", webis + newssd["train"]),
    ]:
        model = fit(examples)
        print(
            f"trained on {name:12}  NewsSD train {score(model, newssd['train']):.3f}"
            f"  val {score(model, newssd['val']):.3f}"
        )


if __name__ == "__main__":
    main()
