"""crux.analyze_many: input order on any number of threads, per-item errors, the GIL."""

from __future__ import annotations

import threading

import pytest

import crux
from conftest import ARTICLES, HTML, MARKDOWN
from contract import check_report

TEXTS = [*ARTICLES.values(), MARKDOWN, HTML]


@pytest.mark.parametrize("threads", [None, 1, 2, 3, 8])
def test_results_in_input_order(threads: object) -> None:
    texts = TEXTS * 5
    many = crux.analyze_many(texts, threads)
    assert many == [crux.analyze(t) for t in texts]
    for report in many:
        check_report(report)


def test_any_iterable_and_sources() -> None:
    texts = list(ARTICLES.values())
    names = [f"doc-{i}" for i in range(len(texts))]
    many = crux.analyze_many((t for t in texts), 2, sources=iter(names))
    assert [r["source"] for r in many] == names
    assert many == [crux.analyze(t, source=n) for t, n in zip(texts, names)]
    assert crux.analyze_many([]) == []
    with pytest.raises(crux.CruxError, match="fewer names"):
        crux.analyze_many(texts, sources=names[:-1])
    with pytest.raises(crux.CruxError, match="more names"):
        crux.analyze_many(texts, sources=names + ["extra"])


def test_a_failed_item_loses_no_other() -> None:
    good = ARTICLES["curly-unicode"]
    items = [good, b"caf\xe9", None, 42, "lone \ud800 surrogate", good.encode("utf-8"), good]
    names = [str(i) for i in range(len(items))]
    many = crux.analyze_many(items, 2, sources=names)
    expected = crux.analyze(good)
    for i in (0, 5, 6):
        assert many[i] == dict(expected, source=str(i))
    # The output contract's failure object, as on a failed JSON Lines record.
    hint = ' (decode other encodings to str first, as data.decode("windows-1252"))'
    assert many[1] == {"source": "1", "error": "reading 1: invalid UTF-8 at byte 3; crux reads UTF-8 text" + hint}
    assert many[2] == {"source": "2", "error": "reading 2: crux analyses str or bytes, not NoneType"}
    assert many[3] == {"source": "3", "error": "reading 3: crux analyses str or bytes, not int"}
    # A lone surrogate is counted in the str's surrogatepass encoding: 5 bytes of "lone ".
    assert many[4] == {"source": "4", "error": "reading 4: invalid UTF-8 at byte 5; crux reads UTF-8 text" + hint}
    table = crux.to_pandas(many, "documents")
    assert table["error"].notna().tolist() == [False, True, True, True, True, False, False]


def test_threads_must_be_positive() -> None:
    with pytest.raises(crux.CruxError, match="at least 1"):
        crux.analyze_many(["a"], threads=0)
    with pytest.raises(OverflowError):
        crux.analyze_many(["a"], threads=-1)


def test_the_gil_is_released_while_analysing() -> None:
    """Another Python thread runs while the texts are analysed.

    While Rust code holds the GIL no Python bytecode runs anywhere else, so the counting
    thread could not move during the call; the extension function is called directly, so
    the whole call is Rust (no json.loads, which would let the thread in).
    """
    texts = [ARTICLES["plain-ascii"] * 40] * 24  # about 1 MB
    stop = threading.Event()
    counts = [0]

    def count() -> None:
        while not stop.is_set():
            counts[0] += 1

    counter = threading.Thread(target=count)
    counter.start()
    try:
        before = counts[0]
        crux._crux.analyze_many_json(texts, 1)
        during = counts[0] - before
    finally:
        stop.set()
        counter.join()
    assert during > 1000, f"the counting thread ran {during} times during the call"


def test_one_text_releases_the_gil_too() -> None:
    text = ARTICLES["plain-ascii"] * 400  # about 400 kB
    stop = threading.Event()
    counts = [0]

    def count() -> None:
        while not stop.is_set():
            counts[0] += 1

    counter = threading.Thread(target=count)
    counter.start()
    try:
        before = counts[0]
        crux._crux.analyze_json(text)
        during = counts[0] - before
    finally:
        stop.set()
        counter.join()
    assert during > 1000, f"the counting thread ran {during} times during the call"


def test_python_threads_share_one_lexicon(tmp_path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("flurbishment\trisk\t0.9\n", "utf-8")
    lexicon = crux.Lexicon(path)
    text = "The flurbishment will ruin the harbour."
    expected = crux.analyze(text, lexicon=lexicon)
    results = [None] * 8

    def work(i: int) -> None:
        results[i] = crux.analyze_many([text] * 4, 2, lexicon=lexicon)

    workers = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert all(r == [expected] * 4 for r in results)


def test_the_garbage_collector_is_left_as_it_was() -> None:
    import gc

    assert gc.isenabled()
    crux.analyze_many(TEXTS)
    assert gc.isenabled()
    gc.disable()
    try:
        crux.analyze_many(TEXTS)
        assert not gc.isenabled()
    finally:
        gc.enable()
