"""crux for Python: the analysis of the ``crux`` command, in process.

crux reads an opinion or analysis article and lays its argument bare: who is quoted and from
where, which statements are hedged or conceded, what the author claims, and which risks and
benefits the article states, weighed into one balance. Every finding carries a span into the
analysed text.

- :func:`analyze` gives the report as a ``dict``: the object ``crux analyze --format json``
  prints (output contract version 1, ``docs/output.md``), parsed.
- :class:`Analysis` wraps a report with typed accessors (``quotes``, ``caveats``, ``claims``,
  ``assessments``, ``balance``, ``paragraphs``, ``sentences``), each finding with ``.span``
  (byte offsets, as in the JSON), ``.str_span`` (Python string indices) and ``.text``.
- :func:`analyze_many` analyses many texts on several threads with the GIL released, results
  in input order; a text that fails gets ``{"source": ..., "error": ...}`` in its place.
- :func:`to_pandas` turns reports into a table (pandas is imported only then); the
  :mod:`crux.spark` module holds pandas UDFs for PySpark.

Spans. The JSON's spans are ``[start, end)`` **byte** offsets into the UTF-8 encoding of the
report's ``text``: ``text.encode()[start:end].decode() == finding["text"]``. A Python ``str``
is indexed by code points, so for text that is not ASCII the two differ (a curly quote is 3
bytes and 1 character). The string index of byte offset ``b`` is the number of characters
before it, ``len(text.encode()[:b].decode())``; :func:`str_spans` and every finding's
``.str_span`` compute it in one pass, so ``text[slice(*f.str_span)] == f.text``. For ASCII text
the two spans are equal. For plain-text input ``text`` is the input string itself, so
``.str_span`` indexes what you passed in; for Markdown and HTML it is the extracted text.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
from dataclasses import dataclass, field
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Union,
)

from . import _crux
from ._crux import CruxError, Lexicon, __version__

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "Analysis",
    "Assessment",
    "Balance",
    "Caveat",
    "Claim",
    "CruxError",
    "Cue",
    "Lexicon",
    "Paragraph",
    "Part",
    "Quote",
    "Sentence",
    "Speaker",
    "Span",
    "__version__",
    "analyze",
    "analyze_json",
    "analyze_many",
    "analyze_many_json",
    "json_schema",
    "str_spans",
    "to_pandas",
]

#: A ``(start, end)`` pair of offsets, end excluded.
Span = Tuple[int, int]

#: What ``lexicon=`` takes: a loaded :class:`Lexicon`, one lexicon file's path, or several.
LexiconLike = Union[Lexicon, str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]]

#: Text to analyse: ``str``, or ``bytes`` holding UTF-8.
TextLike = Union[str, bytes]


def _lexicon(lexicon: Optional[LexiconLike]) -> Optional[Lexicon]:
    if lexicon is None or isinstance(lexicon, Lexicon):
        return lexicon
    if isinstance(lexicon, (str, os.PathLike)):
        return Lexicon(lexicon)
    return Lexicon(*lexicon)


def analyze_json(
    text: TextLike,
    *,
    format: Optional[str] = None,
    lexicon: Optional[LexiconLike] = None,
    source: str = "-",
) -> str:
    """Analyse one article and return its report as one line of JSON.

    The same object as ``crux analyze --format json`` (which indents it) and one line of
    ``--format jsonl``. See :func:`analyze` for the arguments.
    """
    return _crux.analyze_json(text, format=format, lexicon=_lexicon(lexicon), source=source)


def analyze(
    text: TextLike,
    *,
    format: Optional[str] = None,
    lexicon: Optional[LexiconLike] = None,
    source: str = "-",
) -> Dict[str, Any]:
    """Analyse one article and return its report: the contract's JSON object, parsed.

    :param text: the article, a ``str`` or UTF-8 ``bytes``.
    :param format: ``"text"``, ``"markdown"`` or ``"html"``; ``None`` guesses from the
        content, as the command line does for standard input.
    :param lexicon: risk and benefit terms to add to or override in the built-in lexicon: a
        :class:`Lexicon`, or the path of a lexicon file (``phrase<TAB>role<TAB>weight`` lines,
        see ``docs/scoring.md``), or a list of paths merged in order (``--lexicon`` given
        once per path). Load a :class:`Lexicon` once to analyse many texts with it.
    :param source: the report's ``source`` field; ``"-"`` as for standard input.
    :raises CruxError: invalid UTF-8 (in bytes, or a lone surrogate in a str), an unknown
        format or a lexicon file that cannot be used; the message is the command line's.
    :raises TypeError: ``text`` is neither str nor bytes.
    """
    # json.loads is as fast as making the objects from the Rust values directly (pythonize
    # was tried), and gives the command's JSON by construction.
    report: Dict[str, Any] = json.loads(
        analyze_json(text, format=format, lexicon=lexicon, source=source)
    )
    return report


def analyze_many_json(
    texts: Iterable[Optional[TextLike]],
    threads: Optional[int] = None,
    *,
    format: Optional[str] = None,
    lexicon: Optional[LexiconLike] = None,
    sources: Optional[Iterable[Any]] = None,
) -> List[str]:
    """Analyse many articles; one line of JSON each, in input order.

    See :func:`analyze_many`.
    """
    return _crux.analyze_many_json(
        texts, threads, format=format, lexicon=_lexicon(lexicon), sources=sources
    )


def analyze_many(
    texts: Iterable[Optional[TextLike]],
    threads: Optional[int] = None,
    *,
    format: Optional[str] = None,
    lexicon: Optional[LexiconLike] = None,
    sources: Optional[Iterable[Any]] = None,
) -> List[Dict[str, Any]]:
    """Analyse many articles on ``threads`` threads, with the GIL released.

    Results come in input order, one per text, each what :func:`analyze` gives for that text
    alone. A text that cannot be analysed (not str or bytes, invalid UTF-8) gets the output
    contract's failure object ``{"source": ..., "error": "..."}`` in its place, and the others
    are analysed all the same.

    :param texts: any iterable of str or bytes (a list, a pandas Series, a generator); it is
        read whole, and every text copied, before the analysis starts.
    :param threads: worker threads; ``None`` is one per core, ``1`` runs on this thread.
    :param sources: the ``source`` of each report, in order (str() of each); default ``"-"``.
    :raises CruxError: an unknown format, a lexicon that cannot be used, ``threads=0``, or a
        number of sources different from the number of texts.
    """
    lines = analyze_many_json(texts, threads, format=format, lexicon=lexicon, sources=sources)
    with _no_gc():
        return [json.loads(line) for line in lines]


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pauses Python's cyclic garbage collector while many reports are made.

    Reports hold no reference cycles, but the collector, counting the dicts and lists as they
    are made, would scan every report made so far again and again: with it running, parsing
    a corpus's reports took 0.54 s of CPU instead of 0.32 s (2.9 MB of text, 17 MB of JSON).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def json_schema() -> Dict[str, Any]:
    """The JSON Schema of a report, as ``crux schema`` prints it, parsed."""
    schema: Dict[str, Any] = json.loads(_crux.json_schema())
    return schema


def str_spans(text: str, spans: Iterable[Sequence[int]]) -> List[Span]:
    """Python string spans for byte spans into ``text`` (its UTF-8 encoding).

    ``text[s:e] == text.encode()[bs:be].decode()`` for each ``(bs, be)`` and its ``(s, e)``.
    One pass over the text for all spans.

    :raises CruxError: an offset past the end of the text or inside a character.
    """
    spans = [(int(s[0]), int(s[1])) for s in spans]
    flat = _crux.byte_to_str_offsets(text, [o for span in spans for o in span])
    return [(flat[2 * i], flat[2 * i + 1]) for i in range(len(spans))]


# --- typed accessors ---------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """A piece of a finding: a quote's source or cue, a word that moved a score."""

    text: str
    #: Byte offsets into the report's text.
    span: Span
    #: Python string indices into the report's text.
    str_span: Span


@dataclass(frozen=True)
class Speaker(Part):
    """Who said or wrote a quote."""

    #: The fullest name the article gives that speaker, or None.
    canonical: Optional[str]


@dataclass(frozen=True)
class Cue(Part):
    """A word or phrase that moved an assessment's numbers, with what it did."""

    #: ``risk_term``, ``benefit_term``, ``intensifier``, ``downtoner``, ``hedge``, ...
    role: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: ``meta``, ``heading``, ``body`` or ``list``."""

    span: Span
    str_span: Span
    text: str
    kind: str
    #: ``author``, or ``quoted`` when reproduced from another text.
    voice: str
    #: The id of the block quote it belongs to, or None.
    quote: Optional[str]
    raw: Mapping[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a non-meta paragraph."""

    span: Span
    str_span: Span
    text: str
    #: Its paragraph's index in :attr:`Analysis.paragraphs`.
    paragraph: int
    raw: Mapping[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Quote:
    """Quoted or reported speech: ``direct``, ``partial``, ``scare``, ``block``, ``reported``."""

    id: str
    kind: str
    span: Span
    str_span: Span
    text: str
    speaker: Optional[Speaker]
    #: The publication or document it comes from.
    source: Optional[Part]
    #: The verb or phrase that ties speaker to words.
    cue: Optional[Part]
    raw: Mapping[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Caveat:
    """A hedge, concession, condition or limitation: the cue, its scope and strength."""

    id: str
    kind: str
    #: The cue itself.
    span: Span
    str_span: Span
    text: str
    #: What it qualifies, in bytes and in string indices.
    scope: Span
    str_scope: Span
    #: How much it weakens what it qualifies, in [0, 1].
    strength: float
    raw: Mapping[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Claim:
    """An assertion: ``evaluation``, ``prediction``, ``causal``, ``normative``, ``factual``."""

    id: str
    span: Span
    str_span: Span
    text: str
    #: ``"author"`` or the speaker's text.
    holder: str
    type: str
    #: Ids of the caveats whose scope overlaps it.
    caveats: Tuple[str, ...]
    raw: Mapping[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Assessment:
    """A stated risk or benefit, scored: ``score = magnitude * likelihood * confidence``."""

    id: str
    kind: str
    span: Span
    str_span: Span
    text: str
    holder: str
    target: Optional[str]
    magnitude: float
    likelihood: float
    confidence: float
    score: float
    #: Every word that moved the numbers.
    cues: Tuple[Cue, ...]
    raw: Mapping[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Balance:
    """The summed scores of the author's assessments and the verdict.

    It weighs the whole document, so its span is the whole text.
    """

    risk: float
    benefit: float
    #: ``(benefit - risk) / (benefit + risk)``, 0 when both are 0.
    net: float
    #: ``positive``, ``mostly positive``, ``mixed``, ``mostly negative``, ``negative``,
    #: ``neutral``.
    verdict: str
    span: Span
    str_span: Span
    text: str
    raw: Mapping[str, Any] = field(repr=False, compare=False)


def _span(value: Sequence[int]) -> Span:
    return (int(value[0]), int(value[1]))


class Analysis:
    """A report with typed accessors.

    ``Analysis(crux.analyze(text))`` or ``Analysis.from_text(text)``. The report stays
    available as :attr:`report`; fields the accessors do not name are in each finding's
    ``raw`` dict.
    """

    def __init__(self, report: Mapping[str, Any]) -> None:
        """Wrap a report as :func:`analyze` gives it.

        :raises CruxError: the report is a failure object (``{"source", "error"}``).
        """
        if "error" in report and "text" not in report:
            raise CruxError(str(report["error"]))
        self.report: Mapping[str, Any] = report
        self._str: Optional[Dict[int, int]] = None
        self._cache: Dict[str, Any] = {}

    @classmethod
    def from_text(
        cls,
        text: TextLike,
        *,
        format: Optional[str] = None,
        lexicon: Optional[LexiconLike] = None,
        source: str = "-",
    ) -> "Analysis":
        """Analyse ``text`` (see :func:`analyze`) and wrap its report."""
        return cls(analyze(text, format=format, lexicon=lexicon, source=source))

    def __repr__(self) -> str:
        return (
            f"<crux.Analysis of {self.source!r}: {len(self.text)} characters, "
            f"{len(self.report.get('quotes', []))} quotes, "
            f"{len(self.report.get('assessments', []))} assessments, "
            f"{self.balance.verdict}>"
        )

    @property
    def version(self) -> str:
        """The output contract version, ``"1"``."""
        return str(self.report["version"])

    @property
    def source(self) -> str:
        return str(self.report["source"])

    @property
    def format(self) -> str:
        """How the input was read: ``text``, ``markdown`` or ``html``."""
        return str(self.report["format"])

    @property
    def text(self) -> str:
        """The analysed text: every span indexes it."""
        return str(self.report["text"])

    @property
    def meta(self) -> Mapping[str, Any]:
        """``title``, ``authors``, ``date``, ``time``, ``section``."""
        meta: Mapping[str, Any] = self.report["meta"]
        return meta

    @property
    def diagnostics(self) -> List[Mapping[str, Any]]:
        return list(self.report.get("diagnostics", []))

    def str_span(self, span: Sequence[int]) -> Span:
        """The Python string span of a byte span of this report's text."""
        table = self._table()
        if table is None:
            return _span(span)
        try:
            return (table[int(span[0])], table[int(span[1])])
        except KeyError:
            return str_spans(self.text, [span])[0]

    def _table(self) -> Optional[Dict[int, int]]:
        """Byte offset to string index, for every offset in the report; None when ASCII."""
        text = self.text
        if text.isascii():
            return None
        if self._str is None:
            offsets: List[int] = []

            def walk(value: Any) -> None:
                if isinstance(value, dict):
                    for key, item in value.items():
                        if key in ("span", "scope") and isinstance(item, list) and len(item) == 2:
                            offsets.extend(int(o) for o in item)
                        else:
                            walk(item)
                elif isinstance(value, list):
                    for item in value:
                        walk(item)

            walk({k: v for k, v in self.report.items() if k != "text"})
            offsets.append(len(text.encode("utf-8")))
            self._str = dict(zip(offsets, _crux.byte_to_str_offsets(text, offsets)))
        return self._str

    def _part(self, value: Optional[Mapping[str, Any]]) -> Optional[Part]:
        if not value:
            return None
        span = _span(value["span"])
        return Part(text=value["text"], span=span, str_span=self.str_span(span))

    def _cached(self, name: str, build: Any) -> Any:
        if name not in self._cache:
            self._cache[name] = build()
        return self._cache[name]

    def _slice(self, span: Span) -> str:
        start, end = self.str_span(span)
        return self.text[start:end]

    @property
    def paragraphs(self) -> List[Paragraph]:
        def build() -> List[Paragraph]:
            out = []
            for p in self.report.get("paragraphs", []):
                span = _span(p["span"])
                out.append(
                    Paragraph(
                        span=span,
                        str_span=self.str_span(span),
                        text=self._slice(span),
                        kind=p["kind"],
                        voice=p.get("voice", "author"),
                        quote=p.get("quote"),
                        raw=p,
                    )
                )
            return out

        return list(self._cached("paragraphs", build))

    @property
    def sentences(self) -> List[Sentence]:
        def build() -> List[Sentence]:
            out = []
            for s in self.report.get("sentences", []):
                span = _span(s["span"])
                out.append(
                    Sentence(
                        span=span,
                        str_span=self.str_span(span),
                        text=self._slice(span),
                        paragraph=int(s["paragraph"]),
                        raw=s,
                    )
                )
            return out

        return list(self._cached("sentences", build))

    @property
    def quotes(self) -> List[Quote]:
        def build() -> List[Quote]:
            out = []
            for q in self.report.get("quotes", []):
                span = _span(q["span"])
                speaker = q.get("speaker")
                out.append(
                    Quote(
                        id=q["id"],
                        kind=q["kind"],
                        span=span,
                        str_span=self.str_span(span),
                        text=q["text"],
                        speaker=None
                        if not speaker
                        else Speaker(
                            text=speaker["text"],
                            span=_span(speaker["span"]),
                            str_span=self.str_span(speaker["span"]),
                            canonical=speaker.get("canonical"),
                        ),
                        source=self._part(q.get("source")),
                        cue=self._part(q.get("cue")),
                        raw=q,
                    )
                )
            return out

        return list(self._cached("quotes", build))

    @property
    def caveats(self) -> List[Caveat]:
        def build() -> List[Caveat]:
            out = []
            for c in self.report.get("caveats", []):
                span = _span(c["span"])
                scope = _span(c["scope"])
                out.append(
                    Caveat(
                        id=c["id"],
                        kind=c["kind"],
                        span=span,
                        str_span=self.str_span(span),
                        text=c["text"],
                        scope=scope,
                        str_scope=self.str_span(scope),
                        strength=float(c["strength"]),
                        raw=c,
                    )
                )
            return out

        return list(self._cached("caveats", build))

    @property
    def claims(self) -> List[Claim]:
        def build() -> List[Claim]:
            out = []
            for c in self.report.get("claims", []):
                span = _span(c["span"])
                out.append(
                    Claim(
                        id=c["id"],
                        span=span,
                        str_span=self.str_span(span),
                        text=c["text"],
                        holder=c["holder"],
                        type=c["type"],
                        caveats=tuple(c.get("caveats", [])),
                        raw=c,
                    )
                )
            return out

        return list(self._cached("claims", build))

    @property
    def assessments(self) -> List[Assessment]:
        def build() -> List[Assessment]:
            out = []
            for a in self.report.get("assessments", []):
                span = _span(a["span"])
                cues = tuple(
                    Cue(
                        text=c["text"],
                        span=_span(c["span"]),
                        str_span=self.str_span(c["span"]),
                        role=c["role"],
                    )
                    for c in a.get("cues", [])
                )
                out.append(
                    Assessment(
                        id=a["id"],
                        kind=a["kind"],
                        span=span,
                        str_span=self.str_span(span),
                        text=a["text"],
                        holder=a["holder"],
                        target=a.get("target"),
                        magnitude=float(a["magnitude"]),
                        likelihood=float(a["likelihood"]),
                        confidence=float(a["confidence"]),
                        score=float(a["score"]),
                        cues=cues,
                        raw=a,
                    )
                )
            return out

        return list(self._cached("assessments", build))

    @property
    def balance(self) -> Balance:
        def build() -> Balance:
            b = self.report["balance"]
            span = (0, len(self.text.encode("utf-8")))
            return Balance(
                risk=float(b["risk"]),
                benefit=float(b["benefit"]),
                net=float(b["net"]),
                verdict=b["verdict"],
                span=span,
                str_span=(0, len(self.text)),
                text=self.text,
                raw=b,
            )

        return self._cached("balance", build)  # type: ignore[no-any-return]


# --- pandas ------------------------------------------------------------------------------

_COMMON = ["doc", "source"]
_SPAN = ["start", "end", "str_start", "str_end", "text"]
_COLUMNS: Dict[str, List[str]] = {
    "documents": _COMMON
    + [
        "format",
        "bytes",
        "chars",
        "title",
        "date",
        "paragraphs",
        "sentences",
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
    ],
    "paragraphs": _COMMON + ["index", "kind", "voice", "quote"] + _SPAN,
    "sentences": _COMMON + ["index", "paragraph"] + _SPAN,
    "quotes": _COMMON
    + ["id", "kind"]
    + _SPAN
    + ["speaker", "speaker_canonical", "quote_source", "cue"],
    "caveats": _COMMON
    + ["id", "kind"]
    + _SPAN
    + ["scope_start", "scope_end", "str_scope_start", "str_scope_end", "strength"],
    "claims": _COMMON + ["id", "type", "holder"] + _SPAN + ["caveats"],
    "assessments": _COMMON
    + ["id", "kind", "holder", "target"]
    + _SPAN
    + ["magnitude", "likelihood", "confidence", "score", "cues"],
    "cues": _COMMON + ["assessment", "role"] + _SPAN,
}


def _spanned(f: Any) -> Dict[str, Any]:
    return {
        "start": f.span[0],
        "end": f.span[1],
        "str_start": f.str_span[0],
        "str_end": f.str_span[1],
        "text": f.text,
    }


def _rows(what: str, doc: int, item: Any) -> List[Dict[str, Any]]:
    if isinstance(item, Analysis):
        a: Optional[Analysis] = item
        report = item.report
    else:
        report = item
        a = None if ("error" in report and "text" not in report) else Analysis(report)
    base = {"doc": doc, "source": report.get("source")}
    if what == "documents":
        if a is None:
            return [dict(base, error=report.get("error"))]
        kinds = [x.get("kind") for x in report.get("assessments", [])]
        balance = a.balance
        return [
            dict(
                base,
                format=a.format,
                bytes=len(a.text.encode("utf-8")),
                chars=len(a.text),
                title=a.meta.get("title"),
                date=a.meta.get("date"),
                paragraphs=len(report.get("paragraphs", [])),
                sentences=len(report.get("sentences", [])),
                quotes=len(report.get("quotes", [])),
                caveats=len(report.get("caveats", [])),
                claims=len(report.get("claims", [])),
                risks=kinds.count("risk"),
                benefits=kinds.count("benefit"),
                risk=balance.risk,
                benefit=balance.benefit,
                net=balance.net,
                verdict=balance.verdict,
                error=None,
            )
        ]
    if a is None:
        return []
    if what == "paragraphs":
        return [
            dict(base, index=i, kind=p.kind, voice=p.voice, quote=p.quote, **_spanned(p))
            for i, p in enumerate(a.paragraphs)
        ]
    if what == "sentences":
        return [
            dict(base, index=i, paragraph=s.paragraph, **_spanned(s))
            for i, s in enumerate(a.sentences)
        ]
    if what == "quotes":
        return [
            dict(
                base,
                id=q.id,
                kind=q.kind,
                speaker=q.speaker.text if q.speaker else None,
                speaker_canonical=q.speaker.canonical if q.speaker else None,
                quote_source=q.source.text if q.source else None,
                cue=q.cue.text if q.cue else None,
                **_spanned(q),
            )
            for q in a.quotes
        ]
    if what == "caveats":
        return [
            dict(
                base,
                id=c.id,
                kind=c.kind,
                scope_start=c.scope[0],
                scope_end=c.scope[1],
                str_scope_start=c.str_scope[0],
                str_scope_end=c.str_scope[1],
                strength=c.strength,
                **_spanned(c),
            )
            for c in a.caveats
        ]
    if what == "claims":
        return [
            dict(base, id=c.id, type=c.type, holder=c.holder, caveats=list(c.caveats), **_spanned(c))
            for c in a.claims
        ]
    if what == "assessments":
        return [
            dict(
                base,
                id=x.id,
                kind=x.kind,
                holder=x.holder,
                target=x.target,
                magnitude=x.magnitude,
                likelihood=x.likelihood,
                confidence=x.confidence,
                score=x.score,
                cues=[c.text for c in x.cues],
                **_spanned(x),
            )
            for x in a.assessments
        ]
    # cues
    return [
        dict(base, assessment=x.id, role=c.role, **_spanned(c))
        for x in a.assessments
        for c in x.cues
    ]


def to_pandas(
    results: Union[Mapping[str, Any], Analysis, Iterable[Union[Mapping[str, Any], Analysis]]],
    what: str = "assessments",
) -> "pandas.DataFrame":
    """A table of one kind of finding over many reports; pandas is imported only here.

    :param results: what :func:`analyze_many` returns (reports and failure objects), or one
        report, or :class:`Analysis` objects.
    :param what: ``"assessments"`` (one row each), ``"cues"`` (one row per cue of each
        assessment), ``"quotes"``, ``"caveats"``, ``"claims"``, ``"sentences"``,
        ``"paragraphs"``, or ``"documents"`` (one row per report: counts, balance, and
        ``error`` for a failure object, which the other tables skip).

    Every table starts with ``doc`` (the report's position in ``results``) and ``source``;
    findings have ``start``/``end`` (byte offsets), ``str_start``/``str_end`` (Python string
    indices into the report's text) and ``text``.

    :raises ValueError: an unknown ``what``.
    :raises ImportError: pandas is not installed.
    """
    if what not in _COLUMNS:
        raise ValueError(f"what must be one of {', '.join(sorted(_COLUMNS))}, not {what!r}")
    import pandas

    if isinstance(results, (Mapping, Analysis)):
        results = [results]
    rows: List[Dict[str, Any]] = []
    with _no_gc():
        for doc, item in enumerate(results):
            rows.extend(_rows(what, doc, item))
    return pandas.DataFrame.from_records(rows, columns=_COLUMNS[what])
