"""The type stubs and annotations: mypy --strict on the package, and stubtest, which checks the
extension module's stub (crux/_crux.pyi) against the module as built."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "crates" / "crux-py" / "python"


@pytest.fixture(scope="module")
def mypy() -> None:
    try:
        import mypy  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("the type checks need mypy (tests/requirements.txt)")
        pytest.skip("needs mypy")


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_the_package_type_checks_strictly(mypy: None, tmp_path: Path) -> None:
    done = run(tmp_path, "mypy", "--strict", "--no-incremental", str(PACKAGE / "crux"))
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_stub_matches_the_extension_module(mypy: None, tmp_path: Path) -> None:
    # From another folder, so that the installed package is the one imported and checked.
    done = run(tmp_path, "mypy.stubtest", "crux._crux")
    assert done.returncode == 0, done.stdout + done.stderr
