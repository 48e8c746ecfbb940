"""Type stubs of the extension module ``crux._crux`` (Rust, PyO3). Use the ``crux`` package."""

import os
from typing import Any, Iterable, List, Optional, Union, final

__all__ = [
    "CruxError",
    "__version__",
    "Lexicon",
    "analyze_json",
    "analyze_many_json",
    "byte_to_str_offsets",
    "json_schema",
    "_panic_for_tests",
]

__version__: str

class CruxError(ValueError):
    """An input, option or lexicon that crux cannot use.

    The message is the one the ``crux`` command prints after ``crux: error: ``.
    """

@final
class Lexicon:
    """A risk and benefit lexicon: the built-in one with users' files merged in, loaded once."""

    def __new__(cls, *paths: Union[str, "os.PathLike[str]"]) -> "Lexicon":
        """The built-in lexicon with the files at ``paths`` merged in, in order.

        :raises CruxError: a file that cannot be read, is not UTF-8, or has a malformed line.
        """
    @staticmethod
    def from_tsv(text: str, name: str = "<string>") -> "Lexicon":
        """The built-in lexicon with a lexicon file's text merged in.

        :raises CruxError: a malformed line, named ``name:LINE``.
        """
    def to_tsv(self) -> str:
        """The lexicon in its file format, as ``crux lexicon`` prints it."""
    def __len__(self) -> int: ...

def analyze_json(
    text: Union[str, bytes],
    *,
    format: Optional[str] = None,
    lexicon: Optional[Lexicon] = None,
    source: str = "-",
) -> str:
    """One text's report as one line of JSON."""

def analyze_many_json(
    texts: Iterable[Any],
    threads: Optional[int] = None,
    *,
    format: Optional[str] = None,
    lexicon: Optional[Lexicon] = None,
    sources: Optional[Iterable[Any]] = None,
) -> List[str]:
    """Many texts' reports, one line of JSON each, in input order, with the GIL released."""

def byte_to_str_offsets(text: str, offsets: List[int]) -> List[int]:
    """Python string indices of byte offsets into ``text``."""

def json_schema() -> str:
    """The JSON Schema of a report."""

def _panic_for_tests() -> None: ...
