"""crux.analyze: the contract, and the same object as the crux command prints."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import crux
from conftest import ARTICLES, HTML, MARKDOWN
from contract import check_report


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_reports_keep_the_contract(name: str) -> None:
    text = ARTICLES[name]
    report = crux.analyze(text)
    check_report(report)
    assert report["source"] == "-"
    assert report["format"] == "text"
    # Plain text is analysed as it is: the report's text is the input itself.
    assert report["text"] == text


def test_the_articles_find_something() -> None:
    # Not the findings themselves (the analysis changes), only that it ran on each stage.
    report = crux.analyze(ARTICLES["plain-ascii"])
    assert report["sentences"] and report["claims"]
    assert report["quotes"] or report["caveats"] or report["assessments"]


@pytest.mark.parametrize(
    ("text", "format"), [(MARKDOWN, "markdown"), (HTML, "html"), (ARTICLES["one-line"], "text")]
)
def test_formats_given_and_guessed(text: str, format: str) -> None:
    given = crux.analyze(text, format=format)
    check_report(given)
    assert given["format"] == format
    # With no format the content decides, as for standard input on the command line.
    assert crux.analyze(text) == given
    assert crux.analyze(text, format=format.upper()) == given


def test_markup_is_analysed_as_its_extracted_text() -> None:
    report = crux.analyze(HTML, format="html")
    assert "<" not in report["text"] and "&nbsp;" not in report["text"]
    assert "grave threat" in report["text"]


def test_bytes_are_read_as_utf8() -> None:
    text = ARTICLES["curly-unicode"]
    assert crux.analyze(text.encode("utf-8")) == crux.analyze(text)


def test_source_names_the_report() -> None:
    assert crux.analyze("It may rain.", source="notes/a.txt")["source"] == "notes/a.txt"


def test_analyze_json_is_analyze_unparsed() -> None:
    text = ARTICLES["curly-unicode"]
    line = crux.analyze_json(text)
    assert "\n" not in line
    assert json.loads(line) == crux.analyze(text)


def test_json_schema_is_the_commands(crux_cli: Path) -> None:
    printed = subprocess.run([crux_cli, "schema"], capture_output=True, check=True).stdout
    assert crux.json_schema() == json.loads(printed)


def run_cli(crux_cli: Path, *args: object, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(crux_cli), *map(str, args)], input=stdin, capture_output=True, check=False
    )


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_same_object_as_the_command_on_a_file(crux_cli: Path, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(ARTICLES[name].encode("utf-8"))
    done = run_cli(crux_cli, "analyze", path, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert crux.analyze(ARTICLES[name], format="text", source=str(path)) == json.loads(done.stdout)


@pytest.mark.parametrize("text", [MARKDOWN, HTML, ARTICLES["curly-unicode"]])
def test_same_object_as_the_command_on_standard_input(crux_cli: Path, text: str) -> None:
    done = run_cli(crux_cli, "analyze", "-", "--format", "json", stdin=text.encode("utf-8"))
    assert done.returncode == 0, done.stderr
    assert crux.analyze(text) == json.loads(done.stdout)


def test_same_lines_as_the_command_on_json_lines(crux_cli: Path, tmp_path: Path) -> None:
    names = sorted(ARTICLES)
    path = tmp_path / "records.jsonl"
    path.write_text(
        "".join(json.dumps({"id": n, "text": ARTICLES[n]}) + "\n" for n in names), "utf-8"
    )
    done = run_cli(crux_cli, "analyze", path, "--format", "jsonl", "--threads", "2")
    assert done.returncode == 0, done.stderr
    ours = crux.analyze_many_json([ARTICLES[n] for n in names], 2, format="text", sources=names)
    # Byte for byte: the same serialisation as the command's JSON Lines.
    assert done.stdout.decode("utf-8").splitlines() == ours


def test_same_object_with_a_lexicon_file(crux_cli: Path, tmp_path: Path) -> None:
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("# invented for this test\nflurbishment\trisk\t0.7\n", "utf-8")
    text = "The flurbishment of the port will ruin the town."
    path = tmp_path / "a.txt"
    path.write_text(text, "utf-8")
    done = run_cli(crux_cli, "analyze", path, "--format", "json", "--lexicon", lexicon)
    assert done.returncode == 0, done.stderr
    expected = json.loads(done.stdout)
    assert crux.analyze(text, source=str(path), lexicon=str(lexicon)) == expected
    assert crux.analyze(text, source=str(path), lexicon=[lexicon]) == expected
    assert crux.analyze(text, source=str(path), lexicon=crux.Lexicon(lexicon)) == expected
    cues = [c["text"] for a in expected["assessments"] for c in a["cues"]]
    assert "flurbishment" in cues
    assert "flurbishment" not in [
        c["text"] for a in crux.analyze(text)["assessments"] for c in a["cues"]
    ]


def test_lexicon_round_trips_through_its_file_format(crux_cli: Path) -> None:
    printed = run_cli(crux_cli, "lexicon").stdout.decode("utf-8")
    builtin = crux.Lexicon()
    assert builtin.to_tsv() == printed
    mine = crux.Lexicon.from_tsv("flurbishment\tbenefit\t0.5\n", "mine.tsv")
    assert len(mine) == len(builtin) + 1
    assert "flurbishment" in mine.to_tsv()
