"""Errors: Python exceptions carrying the crux command's messages; no panic reaches Python."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import crux

HINT = ' (decode other encodings to str first, as data.decode("windows-1252"))'


def cli_error(crux_cli: Path, *args: object, stdin: bytes = b"") -> str:
    done = subprocess.run(
        [str(crux_cli), *map(str, args)], input=stdin, capture_output=True, check=False
    )
    assert done.returncode != 0
    message = done.stderr.decode("utf-8").strip().splitlines()[0]
    assert message.startswith("crux: error: ")
    return message[len("crux: error: ") :]


def test_missing_lexicon_file(crux_cli: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such.tsv"
    expected = cli_error(crux_cli, "lexicon", "--lexicon", missing)
    with pytest.raises(crux.CruxError) as caught:
        crux.Lexicon(missing)
    assert str(caught.value) == expected
    with pytest.raises(crux.CruxError) as caught:
        crux.analyze("It may rain.", lexicon=str(missing))
    assert str(caught.value) == expected


def test_malformed_lexicon_file(crux_cli: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("# mine\nflurbishment\trisk\n", "utf-8")
    expected = cli_error(crux_cli, "lexicon", "--lexicon", bad)
    assert expected.startswith(f"{bad}:2: ")
    with pytest.raises(crux.CruxError) as caught:
        crux.Lexicon(bad)
    assert str(caught.value) == expected
    with pytest.raises(crux.CruxError) as caught:
        crux.Lexicon.from_tsv("# mine\nflurbishment\trisk\n", str(bad))
    assert str(caught.value) == expected


def test_lexicon_not_utf8(crux_cli: Path, tmp_path: Path) -> None:
    bad = tmp_path / "latin1.tsv"
    bad.write_bytes(b"caf\xe9\trisk\t0.5\n")
    expected = cli_error(crux_cli, "lexicon", "--lexicon", bad)
    with pytest.raises(crux.CruxError) as caught:
        crux.Lexicon(bad)
    assert str(caught.value) == expected


def test_text_not_utf8(crux_cli: Path) -> None:
    data = "Calderón said “no”.".encode("utf-8")[:-4] + b"\xff\xfe."
    expected = cli_error(crux_cli, "analyze", "-", "--format", "json", stdin=data)
    with pytest.raises(crux.CruxError) as caught:
        crux.analyze(data)
    # The same message up to the way out, which names the command's --encoding flag there and
    # bytes.decode here.
    stem = "crux reads UTF-8 text"
    assert stem in expected
    assert str(caught.value).split(stem)[0] == expected.split(stem)[0]
    assert str(caught.value) == expected.split(stem)[0] + stem + HINT


def test_lone_surrogate_in_a_str() -> None:
    with pytest.raises(crux.CruxError) as caught:
        crux.analyze("ab\udc80cd")
    assert str(caught.value) == "reading -: invalid UTF-8 at byte 2; crux reads UTF-8 text" + HINT


def test_not_text() -> None:
    with pytest.raises(TypeError, match="str or bytes, not int"):
        crux.analyze(3)  # type: ignore[arg-type]


def test_unknown_format() -> None:
    with pytest.raises(crux.CruxError, match="unknown input format 'pdf'"):
        crux.analyze("x", format="pdf")
    with pytest.raises(crux.CruxError, match="unknown input format"):
        crux.analyze_many(["x"], format="jsonl")


def test_crux_error_is_a_value_error() -> None:
    assert issubclass(crux.CruxError, ValueError)


def test_a_panic_becomes_a_crux_error() -> None:
    # The guard every analysis runs under, made to panic: the caller gets an ordinary
    # exception, not pyo3's PanicException (a BaseException that `except Exception` misses).
    with pytest.raises(crux.CruxError, match="internal error: crux panicked: a test of the panic guard"):
        crux._crux._panic_for_tests()
