#!/usr/bin/env python3
"""Wrong speakers of crux, one line each, to count them by class before writing a rule.

    python3 scripts/speaker_errors.py articles GOLD_DIR ARTICLES_DIR target/release/crux
    python3 scripts/speaker_errors.py polnear PATH/TO/polnear.jsonl target/release/crux

`articles` scores as ../shared/eval/score.py does: for each gold quote (direct, partial) and
each reported statement with a speaker, it prints `missed` when no crux item of that kind lies
close to it, else `wrong` with crux's speaker text and canonical name when none of the close
items names the gold speaker (at least half its content words).

`polnear` scores the development split as `crux eval` does (first annotator of each article;
the best-overlapping crux item but scare quotes at 0.3 of the shorter span; right by span
overlap, by the same name, by a pronoun's last named source, or a relative pronoun's
antecedent) and prints each matched attribution whose crux speaker is wrong: gold source,
crux speaker, canonical, cue, and the sentence start around the gold source.
"""
import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crux_scripts import analyse, analyse_text, overlap, polnear_dev, touches  # noqa: E402

STOP = {"the", "a", "an", "of", "one", "some", "several", "former"}
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "we", "i", "his", "their", "its"}


def words(s):
    return {w for w in re.findall(r"[a-z0-9]+", (s or "").lower().replace(".", "")) if w not in STOP}


def same_speaker(gold, pred):
    g, p = words(gold), words(pred)
    return bool(g) and len(g & p) / len(g) >= 0.5


def named(sp):
    sp = sp or {}
    return " ".join(filter(None, [sp.get("text"), sp.get("canonical")]))


def articles(gold_dir, articles_dir, crux):
    counts = {"quote": [0, 0, 0], "reported": [0, 0, 0]}
    for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        gold = json.load(open(gold_path, encoding="utf-8"))
        doc = analyse(crux, Path(articles_dir) / f"{name}.txt")
        inline = [q for q in doc["quotes"] if q.get("kind") in ("direct", "partial", "scare")]
        reported = [q for q in doc["quotes"] if q.get("kind") == "reported"]
        for kind, items, preds, share in (
            ("quote", gold["quotes"], inline, 0.5),
            ("reported", gold["reported_speech"], reported, 0.3),
        ):
            for g in items:
                if not g.get("speaker") or g.get("optional"):
                    continue
                close = [p for p in preds if touches(g["span"], p["span"], share)]
                counts[kind][0] += 1
                if any(same_speaker(g["speaker"], named(p.get("speaker"))) for p in close):
                    counts[kind][1] += 1
                    continue
                text = g.get("text", "")[:100].replace("\n", " ")
                if not close:
                    print(f"{name}\t{kind}\tmissed\tgold={g['speaker']!r}\t{text}")
                    continue
                counts[kind][2] += 1
                sp = close[0].get("speaker") or {}
                print(f"{name}\t{kind}\twrong\tgold={g['speaker']!r}\tcrux={sp.get('text')!r}"
                      f" canonical={sp.get('canonical')!r} how={sp.get('resolution')!r}\t{text}")
    for kind, (n, right, wrong) in counts.items():
        print(f"# {kind}: {right}/{n} right, {wrong} wrong speaker, {n - right - wrong} missed")


def antecedents(data, attributions):
    named_sources = sorted(
        (s["start_byte"], data[s["start_byte"]:s["end_byte"]].decode(errors="replace"))
        for s in (a.get("source") for a in attributions) if s
        if s["text"].strip().lower() not in PRONOUNS and any(w[:1].isupper() for w in s["text"].split(" "))
    )
    out = []
    for a in attributions:
        s = a.get("source")
        if not s or s["text"].strip().lower() not in PRONOUNS:
            out.append(None)
            continue
        before = [w for at, w in named_sources if at < s["start_byte"]]
        out.append(before[-1] if before else None)
    return out


def polnear(path, crux):
    sources, right = 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for r in polnear_dev(path):
            data = r["text"].encode()
            items = [q for q in analyse_text(crux, r["text"], tmp)["quotes"] if q["kind"] != "scare"]
            ante = antecedents(data, r["attributions"])
            for a, antecedent in zip(r["attributions"], ante):
                c, source = a.get("content"), a.get("source")
                if not c or not source:
                    continue
                best = None
                for p in c.get("fragments") or [c]:
                    piece = (p["start_byte"], p["end_byte"])
                    hits = [q for q in items if touches(piece, tuple(q["span"]), 0.3)]
                    if hits:
                        q = max(hits, key=lambda q: overlap(piece, tuple(q["span"])))
                        o = overlap(piece, tuple(q["span"]))
                        if best is None or o > best[1]:
                            best = (q, o)
                if not best:
                    continue
                sources += 1
                gsrc = (source["start_byte"], source["end_byte"])
                gold_words = data[gsrc[0]:gsrc[1]].decode()
                sp = best[0].get("speaker")
                ok = False
                if sp:
                    span = tuple(sp["span"])
                    gap = data[span[1]:gsrc[0]].decode(errors="replace") if span[1] <= gsrc[0] else "x"
                    ok = (overlap(gsrc, span) > 0 or same_speaker(gold_words, named(sp))
                          or (gold_words.strip().lower() in ("who", "which", "that") and not gap.strip(" ,")))
                if not ok and antecedent and sp:
                    ok = same_speaker(antecedent, named(sp))
                if ok:
                    right += 1
                    continue
                sp = sp or {}
                start = max(0, min(gsrc[0], best[0]["span"][0]) - 40)
                context = data[start:min(len(data), max(gsrc[1], start + 160))].decode(errors="replace")
                cue = (a.get("cue") or {}).get("text", "")
                print(f"{r['article']}\tgold={gold_words!r} ante={antecedent!r}\tcrux={sp.get('text')!r}"
                      f" canonical={sp.get('canonical')!r} kind={best[0]['kind']}\tcue={cue!r}\t"
                      + context.replace("\n", " "))
    print(f"# {right}/{sources} right ({right / max(sources, 1):.3f})")


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "articles":
        articles(*args)
    elif mode == "polnear":
        polnear(*args)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
