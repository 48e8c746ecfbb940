#!/usr/bin/env python3
"""How far Webis-Editorials-16's testimony units and crux's own notion of a quotation or report
agree: the `testimony: any quote` row of `crux eval`, computed twice on the development editorials
that the hand-annotated gold folder also annotates (the same texts, byte for byte), once for
crux's output and once for the gold's own quotes, reports and block quotes (scare quotes left
out, as the row does).

    python3 scripts/webis_testimony_ceiling.py ../shared/corpora/webis_editorials16.jsonl \
        ../shared/gold ../shared/articles target/release/crux

The gold row is what a crux that matched its own annotation exactly would score on Webis:
where it stays far below the issue's goal, the gap is the two annotations' notions, not
crux's errors (docs/quality.md, "Titles, names and the testimony ceiling").
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crux_scripts import analyse, touches  # noqa: E402


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    webis, gold_dir, articles, crux = sys.argv[1:]
    by_text = {}
    with open(webis, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            by_text[r["text"]] = r
    totals = {"gold annotation": [0, 0, 0, 0], "crux": [0, 0, 0, 0]}
    n = 0
    for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        article = Path(articles) / f"{name}.txt"
        if not article.exists():
            continue
        record = by_text.get(article.read_text(encoding="utf-8"))
        if record is None:
            continue
        n += 1
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = analyse(crux, article)
        units = [(u["start_byte"], u["end_byte"]) for u in record["spans"] if u["label"] == "testimony"]
        preds = {
            "gold annotation": [tuple(q["span"]) for q in gold["quotes"] if q["kind"] != "scare"]
            + [tuple(r["span"]) for r in gold["reported_speech"]]
            + [tuple(b["span"]) for b in gold.get("block_quotes", [])],
            "crux": [tuple(q["span"]) for q in doc["quotes"] if q["kind"] != "scare"],
        }
        for who, spans in preds.items():
            t = totals[who]
            t[0] += len(units)
            t[1] += sum(any(touches(u, p) for p in spans) for u in units)
            t[2] += len(spans)
            t[3] += sum(any(touches(u, p) for u in units) for p in spans)
    print(f"{n} editorials in both the Webis development set and the gold folder")
    for who, (gold_units, found, predicted, right) in totals.items():
        p = right / predicted if predicted else 0.0
        r = found / gold_units if gold_units else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {who:16} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  (testimony units {gold_units}, items {predicted})")


if __name__ == "__main__":
    main()
