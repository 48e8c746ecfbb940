#!/usr/bin/env python3
"""PolNeAR development-part misses of crux, by class: which gold attributions crux misses and
which speakers it gets wrong, to pick the largest classes first.

    python3 scripts/polnear_misses.py PATH/TO/polnear.jsonl target/release/crux [--show N]

Scores as `crux eval` does (first annotator of each dev article; a gold content piece is found
when a crux item other than a scare quote overlaps at least 0.3 of the shorter span), runs
`crux analyze --format json` on each text, and prints: the missed pieces counted by the head
of their gold cue (marked `listed` when crates/crux-lexicon/data/reporting_verbs.tsv has it,
so crux knew the cue and refused the attribution), and the matched attributions whose crux
speaker span does not overlap the gold source, with --show N examples of each.
"""
import collections
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crux_scripts import analyse_text, overlap, polnear_dev, touches  # noqa: E402
from polnear_cue_precision import WORD, head, listed  # noqa: E402


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 10
    known = listed()
    missed, examples, wrong = collections.Counter(), collections.defaultdict(list), []
    gold, found = 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for r in polnear_dev(args[0]):
            items = [q for q in analyse_text(args[1], r["text"], tmp)["quotes"] if q["kind"] != "scare"]
            data = r["text"].encode()
            for a in r["attributions"]:
                c = a.get("content")
                if not c:
                    continue
                cue = (a.get("cue") or {}).get("text", "")
                form = head([w.lower() for w in WORD.findall(cue)]) or ""
                best = None
                for p in c.get("fragments") or [c]:
                    piece = (p["start_byte"], p["end_byte"])
                    gold += 1
                    hits = [q for q in items if touches(piece, tuple(q["span"]))]
                    if not hits:
                        missed[form] += 1
                        examples[form].append(data[piece[0]:piece[1]][:90].decode(errors="replace"))
                        continue
                    found += 1
                    q = max(hits, key=lambda q: overlap(piece, tuple(q["span"])))
                    if best is None or overlap(piece, tuple(q["span"])) > best[1]:
                        best = (q, overlap(piece, tuple(q["span"])))
                source = a.get("source")
                if best and source:
                    sp = best[0].get("speaker") or {}
                    span = sp.get("span")
                    if not span or overlap((source["start_byte"], source["end_byte"]), tuple(span)) == 0:
                        wrong.append((source["text"], sp.get("text"), sp.get("canonical"), cue))
    print(f"# {gold} gold pieces, {found} found (recall {found / max(gold, 1):.3f})")
    print("## missed pieces by cue head (count, form, listed)")
    for form, n in missed.most_common():
        mark = "listed" if form in known or form.split(" ")[0] in known else ""
        print(f"{n}\t{form!r}\t{mark}\t{' | '.join(examples[form][:2]) if n >= 3 else ''}")
    print(f"## speakers not overlapping the gold source ({len(wrong)}; some name it right)")
    for w in wrong[:show]:
        print("\t".join(str(x) for x in w))


if __name__ == "__main__":
    main()
