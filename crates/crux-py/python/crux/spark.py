"""crux in PySpark: pandas UDFs over a column of texts.

The recipe (docs/python.md): Spark hands each pandas UDF call a batch of texts as a pandas
Series; :func:`crux.analyze_many_json` analyses the batch in Rust and returns one JSON report
per text, in order. Spark already runs one task per core, so each call uses one thread.

    from pyspark.sql import functions as F
    import crux.spark

    reports = df.withColumn("crux", crux.spark.json_udf()("text"))        # the full JSON
    summary = df.withColumn("crux", crux.spark.summary_udf()("text"))     # a struct column
    summary.select("id", "crux.verdict", "crux.net", "crux.quotes").show()

A null text gives a null report (and a null summary); a text that cannot be analysed gives
the failure object ``{"source", "error"}`` as its JSON, and a summary whose ``error`` says why.
Lexicons are given as file paths, which every executor must be able to read; each Python
worker loads them once.

pyspark and pandas are imported only when a UDF is made, not with ``import crux.spark``.
"""

import json
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple, Union

import crux

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["SUMMARY_SCHEMA", "analyze_series", "json_udf", "summarize", "summary_udf"]

#: The Spark SQL type of :func:`summary_udf`'s struct column.
SUMMARY_SCHEMA = (
    "source string, format string, quotes int, caveats int, claims int, risks int, "
    "benefits int, risk double, benefit double, net double, verdict string, error string"
)

_FIELDS = [
    "source",
    "format",
    "quotes",
    "caveats",
    "claims",
    "risks",
    "benefits",
    "risk",
    "benefit",
    "net",
    "verdict",
    "error",
]

_lexicons: Dict[Tuple[str, ...], crux.Lexicon] = {}


def _lexicon(paths: Optional[Union[str, Sequence[str]]]) -> Optional[crux.Lexicon]:
    if paths is None:
        return None
    key = (paths,) if isinstance(paths, str) else tuple(paths)
    if key not in _lexicons:
        _lexicons[key] = crux.Lexicon(*key)
    return _lexicons[key]


def analyze_series(
    texts: "pandas.Series",
    *,
    format: Optional[str] = None,
    lexicon: Optional[Union[str, Sequence[str]]] = None,
    threads: int = 1,
) -> "pandas.Series":
    """One JSON report per text of a pandas Series, in order; None where the text is null."""
    import pandas

    values = texts.tolist()
    present = [i for i, t in enumerate(values) if t is not None and t == t]  # NaN != NaN
    out: List[Optional[str]] = [None] * len(values)
    lines = crux.analyze_many_json(
        [values[i] for i in present], threads, format=format, lexicon=_lexicon(lexicon)
    )
    for i, line in zip(present, lines):
        out[i] = line
    return pandas.Series(out, index=texts.index, dtype=object)


def summarize(report: Optional[Dict[str, Any]]) -> Dict[str, Any]:
    """The summary of one report (or failure object): counts, balance and error."""
    if report is None:
        return {name: None for name in _FIELDS}
    if "error" in report and "text" not in report:
        row: Dict[str, Any] = {name: None for name in _FIELDS}
        row.update(source=report.get("source"), error=str(report["error"]))
        return row
    kinds = [a.get("kind") for a in report.get("assessments", [])]
    balance = report["balance"]
    return {
        "source": report.get("source"),
        "format": report.get("format"),
        "quotes": len(report.get("quotes", [])),
        "caveats": len(report.get("caveats", [])),
        "claims": len(report.get("claims", [])),
        "risks": kinds.count("risk"),
        "benefits": kinds.count("benefit"),
        "risk": float(balance["risk"]),
        "benefit": float(balance["benefit"]),
        "net": float(balance["net"]),
        "verdict": balance["verdict"],
        "error": None,
    }


def json_udf(
    *,
    format: Optional[str] = None,
    lexicon: Optional[Union[str, Sequence[str]]] = None,
    threads: int = 1,
) -> Any:
    """A pandas UDF: a column of texts to a column of JSON reports (strings)."""
    import pandas
    from pyspark.sql.functions import pandas_udf  # type: ignore[attr-defined,unused-ignore]

    # pyspark reads the UDF's kind from these annotations, so they are real types, not strings.
    def crux_json(texts: pandas.Series) -> pandas.Series:
        return analyze_series(texts, format=format, lexicon=lexicon, threads=threads)

    return pandas_udf(crux_json, "string")


def summary_udf(
    *,
    format: Optional[str] = None,
    lexicon: Optional[Union[str, Sequence[str]]] = None,
    threads: int = 1,
) -> Any:
    """A pandas UDF: a column of texts to a struct column of :data:`SUMMARY_SCHEMA`."""
    import pandas
    from pyspark.sql.functions import pandas_udf  # type: ignore[attr-defined,unused-ignore]

    # Real types, not strings: pyspark reads the UDF's kind from them.
    def crux_summary(texts: pandas.Series) -> pandas.DataFrame:
        reports = analyze_series(texts, format=format, lexicon=lexicon, threads=threads)
        rows = [summarize(None if r is None else json.loads(r)) for r in reports]
        frame = pandas.DataFrame.from_records(rows, columns=_FIELDS)
        for name in ("quotes", "caveats", "claims", "risks", "benefits"):
            frame[name] = frame[name].astype("Int32")
        return frame

    return pandas_udf(crux_summary, SUMMARY_SCHEMA)
