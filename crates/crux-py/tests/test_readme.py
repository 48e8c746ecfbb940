"""The README's Python example runs as a new user would run it, from the repository's root."""

from __future__ import annotations

import os
import re

import pytest

from conftest import ROOT

pytest.importorskip("pandas")


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 1, "the README's Python section has one Python example"
    return blocks[0]


def test_the_readme_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    code = readme_example()
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(code, "README.md", "exec"), {"__name__": "__readme__"})
    finally:
        os.chdir(here)
    out = capsys.readouterr().out
    assert out.strip(), "the example prints what it found"
    assert "score" in out


def test_the_readme_installs_with_one_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    assert "```sh\npip install ./crates/crux-py\n```" in section
    # And the README's first two commands are still the Rust ones.
    commands = [
        line
        for line in readme.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
        if line and not line.startswith("#")
    ]
    assert commands[:2] == [
        "cargo run --release -p crux-cli -- analyze tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.txt",
        "cargo test --workspace",
    ]
