"""The command-line recipe for Spark from docs/cli.md, run for real: `RDD.pipe` feeds JSON
Lines records to `crux analyze` in PySpark's local mode, and every id comes back exactly once,
the blank and broken lines answered by error lines, with exit status 0 (issue 15).

CI installs pyspark and Java (.ci/run) and must run this; elsewhere it skips without them.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sys
from pathlib import Path
from typing import Iterator

import pytest

try:
    from pyspark.sql import SparkSession
except ImportError:  # pragma: no cover
    SparkSession = None  # type: ignore[assignment,misc]


def _need(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"the Spark pipe test needs {what} (.ci/run installs it)")
    pytest.skip(f"needs {what}")


@pytest.fixture(scope="module")
def spark() -> Iterator["SparkSession"]:
    if SparkSession is None:
        _need("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        _need("Java")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("crux-pipe-test")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


SENTENCES = [
    "The council approved the plan, which may cut costs.",
    "“It will fail,” said Ana Ruiz, a local engineer.",
    "Critics warned that the dam could threaten farms downstream.",
    "Perhaps the new bridge will improve safety and create jobs.",
]


def test_rdd_pipe_returns_every_id_once(spark: "SparkSession", crux_cli: Path) -> None:
    records = [
        json.dumps({"id": f"r{i}", "text": SENTENCES[i % len(SENTENCES)] + f" Item {i}."})
        for i in range(300)
    ]
    # A blank and a broken line among them: each must still be answered, by an error line.
    records[17] = ""
    records[250] = "{not json"
    rdd = spark.sparkContext.parallelize(records, 6)
    # The recipe of docs/cli.md: --input-format jsonl (a partition may begin with any line),
    # --errors-as-records (a bad record must not fail the task), -q and -j 1 (Spark runs
    # several tasks at once already).
    command = [
        str(crux_cli),
        "analyze",
        "-",
        "--input-format",
        "jsonl",
        "--format",
        "jsonl",
        "--errors-as-records",
        "-q",
        "-j",
        "1",
    ]
    lines = rdd.pipe(shlex.join(command), checkCode=True).collect()
    assert len(lines) == len(records), "one line out per line in"
    answers = [json.loads(line) for line in lines]
    ids = [a["source"] for a in answers if "error" not in a]
    expected = {f"r{i}" for i in range(300)} - {"r17", "r250"}
    assert sorted(ids) == sorted(expected), "every id exactly once"
    errors = [a for a in answers if "error" in a]
    assert len(errors) == 2
    assert any("blank line" in e["error"] for e in errors)
    assert any("not JSON" in e["error"] for e in errors)
    for a in answers:
        if "error" not in a:
            assert a["version"] == "1" and a["sentences"], a["source"]
