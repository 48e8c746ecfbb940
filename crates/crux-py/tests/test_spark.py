"""The Spark recipe: pandas UDFs over a column of texts, in PySpark's local mode.

CI installs pyspark and Java (.ci/run) and must run these; elsewhere they skip without them.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from typing import Iterator

import pytest

import crux
from conftest import ARTICLES, HTML, MARKDOWN


def _need(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"the Spark tests need {what} (.ci/run installs it)")
    pytest.skip(f"needs {what}")


try:
    import pyspark  # noqa: F401
    from pyspark.sql import SparkSession
except ImportError:  # pragma: no cover
    SparkSession = None  # type: ignore[assignment,misc]

import crux.spark  # noqa: E402

ROWS = [(i, text) for i, text in enumerate([*ARTICLES.values(), MARKDOWN, HTML, None])]


@pytest.fixture(scope="module")
def spark() -> Iterator["SparkSession"]:
    if SparkSession is None:
        _need("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        _need("Java")
    # The Python workers must be this interpreter, which has crux installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("crux-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "3")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def frame(spark: "SparkSession"):  # type: ignore[no-untyped-def]
    # Three partitions and batches of three rows: several UDF calls, each a pandas Series.
    return spark.createDataFrame(ROWS, "id long, text string").repartition(3, "id")


def test_json_udf_gives_each_row_its_report(spark: "SparkSession") -> None:
    out = frame(spark).withColumn("crux", crux.spark.json_udf()("text")).collect()
    assert sorted(r["id"] for r in out) == [i for i, _ in ROWS]
    for row in out:
        text = dict(ROWS)[row["id"]]
        if text is None:
            assert row["crux"] is None
        else:
            assert json.loads(row["crux"]) == crux.analyze(text)


def test_summary_udf_is_a_struct_column(spark: "SparkSession") -> None:
    df = frame(spark).withColumn("crux", crux.spark.summary_udf(format="text")("text"))
    out = {r["id"]: r for r in df.select("id", "crux.*").collect()}
    assert len(out) == len(ROWS)
    for i, text in ROWS:
        row = out[i].asDict()
        del row["id"]
        expected = crux.spark.summarize(
            None if text is None else crux.analyze(text, format="text")
        )
        assert row == expected


def test_a_lexicon_file_reaches_the_workers(spark: "SparkSession", tmp_path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("flurbishment\trisk\t0.9\n", "utf-8")
    text = "The flurbishment will ruin the harbour."
    df = spark.createDataFrame([(0, text)], "id long, text string")
    got = df.select(crux.spark.json_udf(lexicon=str(path))("text").alias("j")).first()["j"]
    assert json.loads(got) == crux.analyze(text, lexicon=str(path))
    assert json.loads(got) != crux.analyze(text)
