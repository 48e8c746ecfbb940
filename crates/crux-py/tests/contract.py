"""Checks of the output contract (docs/output.md) that hold whatever crux finds."""

from __future__ import annotations

import math
from typing import Any, Dict, Iterator, List, Tuple

TOP_LEVEL = [
    "version",
    "source",
    "format",
    "text",
    "meta",
    "paragraphs",
    "sentences",
    "quotes",
    "caveats",
    "claims",
    "assessments",
    "balance",
]
QUOTE_KINDS = {"direct", "partial", "scare", "block", "reported"}
CAVEAT_KINDS = {"hedge", "concession", "condition", "limitation"}
CLAIM_TYPES = {"evaluation", "prediction", "causal", "normative", "factual"}
VERDICTS = {"positive", "mostly positive", "mixed", "mostly negative", "negative", "neutral"}


def spanned(value: Any, path: str = "") -> Iterator[Tuple[str, Dict[str, Any]]]:
    """Every object in the report that has a span, with where it is."""
    if isinstance(value, dict):
        if "span" in value:
            yield path, value
        for key, item in value.items():
            if key != "text":
                yield from spanned(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from spanned(item, f"{path}[{i}]")


def check_span(data: bytes, span: List[int], where: str) -> str:
    assert isinstance(span, list) and len(span) == 2, where
    start, end = span
    assert 0 <= start <= end <= len(data), f"{where}: {span} outside 0..{len(data)}"
    # A strict decode fails when either end is inside a character.
    return data[start:end].decode("utf-8")


def check_report(report: Dict[str, Any]) -> None:
    """The contract's shape and every span invariant."""
    for key in TOP_LEVEL:
        assert key in report, f"missing {key}"
    assert report["version"] == "1"
    assert report["format"] in {"text", "markdown", "html"}
    text = report["text"]
    data = text.encode("utf-8")
    for where, item in spanned({k: v for k, v in report.items() if k != "text"}):
        piece = check_span(data, item["span"], where)
        if "text" in item:
            assert piece == item["text"], f"{where}: span gives {piece!r}, text is {item['text']!r}"
        if "scope" in item:
            check_span(data, item["scope"], where + ".scope")
    for q in report["quotes"]:
        assert q["kind"] in QUOTE_KINDS
    ids = set()
    for c in report["caveats"]:
        assert c["kind"] in CAVEAT_KINDS
        assert 0.0 <= c["strength"] <= 1.0
        ids.add(c["id"])
    for c in report["claims"]:
        assert c["type"] in CLAIM_TYPES
        assert set(c["caveats"]) <= ids
    for a in report["assessments"]:
        assert a["kind"] in {"risk", "benefit"}
        for name in ("magnitude", "likelihood", "confidence", "score"):
            assert 0.0 <= a[name] <= 1.0, name
        assert math.isclose(
            a["score"], a["magnitude"] * a["likelihood"] * a["confidence"], abs_tol=0.01
        )
    balance = report["balance"]
    assert balance["verdict"] in VERDICTS
    assert -1.0 <= balance["net"] <= 1.0
    assert balance["risk"] >= 0 and balance["benefit"] >= 0
    for s in report["sentences"]:
        assert 0 <= s["paragraph"] < len(report["paragraphs"])
