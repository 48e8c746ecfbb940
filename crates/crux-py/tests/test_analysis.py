"""crux.Analysis: typed accessors, byte spans and Python string spans."""

from __future__ import annotations

from typing import Any, List

import pytest

import crux
from conftest import ARTICLES, HTML, MARKDOWN

TEXTS = [*ARTICLES.values(), MARKDOWN, HTML]


def findings(a: crux.Analysis) -> List[Any]:
    out: List[Any] = [*a.paragraphs, *a.sentences, *a.quotes, *a.caveats, *a.claims]
    out += a.assessments
    out.append(a.balance)
    for q in a.quotes:
        out += [p for p in (q.speaker, q.source, q.cue) if p is not None]
    for x in a.assessments:
        out += x.cues
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_every_finding_has_both_spans_of_its_text(text: str) -> None:
    a = crux.Analysis.from_text(text)
    data = a.text.encode("utf-8")
    for f in findings(a):
        start, end = f.str_span
        assert a.text[start:end] == f.text, f
        assert data[f.span[0] : f.span[1]].decode("utf-8") == f.text, f
        # The documented mapping: characters before the byte offset.
        assert start == len(data[: f.span[0]].decode("utf-8"))
        assert end == len(data[: f.span[1]].decode("utf-8"))
    for c in a.caveats:
        assert a.text[slice(*c.str_scope)] == data[slice(*c.scope)].decode("utf-8")


def test_string_spans_index_the_input_for_plain_text() -> None:
    text = ARTICLES["curly-unicode"]
    a = crux.Analysis.from_text(text, format="text")
    assert a.text == text
    assert a.quotes, "the article has a quotation"
    for q in a.quotes:
        assert text[slice(*q.str_span)] == q.text
        # Not ASCII: here the byte offsets are not string indices.
        assert q.span != q.str_span or text[: q.span[1]].isascii()


def test_ascii_spans_are_equal() -> None:
    a = crux.Analysis.from_text(ARTICLES["plain-ascii"])
    assert all(f.span == f.str_span for f in findings(a))


def test_accessors_follow_the_report() -> None:
    report = crux.analyze(ARTICLES["plain-ascii"])
    a = crux.Analysis(report)
    assert a.report is report
    assert (a.version, a.source, a.format, a.text) == ("1", "-", "text", report["text"])
    assert a.meta == report["meta"]
    assert [q.id for q in a.quotes] == [q["id"] for q in report["quotes"]]
    assert [c.id for c in a.caveats] == [c["id"] for c in report["caveats"]]
    assert [c.id for c in a.claims] == [c["id"] for c in report["claims"]]
    assert [x.id for x in a.assessments] == [x["id"] for x in report["assessments"]]
    assert len(a.paragraphs) == len(report["paragraphs"])
    assert len(a.sentences) == len(report["sentences"])
    for x, raw in zip(a.assessments, report["assessments"]):
        assert x.raw is raw
        assert (x.kind, x.score, x.holder) == (raw["kind"], raw["score"], raw["holder"])
        assert [c.role for c in x.cues] == [c["role"] for c in raw["cues"]]
    for q, raw in zip(a.quotes, report["quotes"]):
        assert (q.speaker is None) == (raw["speaker"] is None)
        if q.speaker is not None:
            assert q.speaker.text == raw["speaker"]["text"]
            assert q.speaker.canonical == raw["speaker"]["canonical"]
    b = a.balance
    assert (b.risk, b.benefit, b.net, b.verdict) == tuple(
        report["balance"][k] for k in ("risk", "benefit", "net", "verdict")
    )
    assert b.span == (0, len(a.text.encode("utf-8"))) and b.text == a.text
    assert "crux.Analysis" in repr(a)


def test_a_failure_object_is_an_error() -> None:
    failed = crux.analyze_many([b"\xff"])[0]
    with pytest.raises(crux.CruxError, match="invalid UTF-8 at byte 0"):
        crux.Analysis(failed)


def test_str_spans_maps_offsets_and_rejects_bad_ones() -> None:
    text = "a “b” 🌊 c"
    data = text.encode("utf-8")
    spans = [(0, 1), (2, 9), (10, 14), (0, len(data)), (len(data), len(data))]
    for (s, e), (bs, be) in zip(crux.str_spans(text, spans), spans):
        assert text[s:e] == data[bs:be].decode("utf-8")
    with pytest.raises(crux.CruxError, match="inside a character"):
        crux.str_spans(text, [(3, 4)])
    with pytest.raises(crux.CruxError, match="past the end"):
        crux.str_spans(text, [(0, len(data) + 1)])
    with pytest.raises(crux.CruxError, match="past the end"):
        crux.str_spans("ascii", [(0, 6)])
