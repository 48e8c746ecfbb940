"""crux.to_pandas: tables of findings; pandas imported only when asked for."""

from __future__ import annotations

import subprocess
import sys

import pytest

import crux
from conftest import ARTICLES, HTML, MARKDOWN

pandas = pytest.importorskip("pandas")

TEXTS = [*ARTICLES.values(), MARKDOWN, HTML]


def test_importing_crux_does_not_import_pandas() -> None:
    code = "import sys, crux, crux.spark; crux.analyze('It may rain.'); print('pandas' in sys.modules, 'pyspark' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.parametrize(
    ("what", "key"),
    [
        ("assessments", "assessments"),
        ("quotes", "quotes"),
        ("caveats", "caveats"),
        ("claims", "claims"),
        ("sentences", "sentences"),
        ("paragraphs", "paragraphs"),
    ],
)
def test_one_row_per_finding(what: str, key: str) -> None:
    reports = crux.analyze_many(TEXTS, 2, sources=[f"t{i}" for i in range(len(TEXTS))])
    table = crux.to_pandas(reports, what=what)
    assert len(table) == sum(len(r[key]) for r in reports)
    assert list(table.columns[:2]) == ["doc", "source"]
    for row in table.itertuples(index=False):
        text = reports[row.doc]["text"]
        assert row.source == f"t{row.doc}"
        assert text[row.str_start : row.str_end] == row.text
        assert text.encode("utf-8")[row.start : row.end].decode("utf-8") == row.text


def test_cues_and_documents() -> None:
    reports = crux.analyze_many(TEXTS)
    cues = crux.to_pandas(reports, "cues")
    assert len(cues) == sum(len(a["cues"]) for r in reports for a in r["assessments"])
    docs = crux.to_pandas(reports, "documents")
    assert len(docs) == len(reports)
    assert docs["verdict"].tolist() == [r["balance"]["verdict"] for r in reports]
    assert docs["quotes"].tolist() == [len(r["quotes"]) for r in reports]
    assert docs["error"].isna().all()


def test_default_is_assessments_and_single_reports_work() -> None:
    report = crux.analyze(ARTICLES["plain-ascii"])
    one = crux.to_pandas(report)
    assert len(one) == len(report["assessments"])
    assert one.equals(crux.to_pandas([crux.Analysis(report)], "assessments"))


def test_empty_tables_keep_their_columns() -> None:
    table = crux.to_pandas([crux.analyze("")], "quotes")
    assert len(table) == 0
    assert "speaker" in table.columns and "str_start" in table.columns


def test_unknown_table() -> None:
    with pytest.raises(ValueError, match="what must be one of"):
        crux.to_pandas([], "verbs")
