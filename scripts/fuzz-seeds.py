#!/usr/bin/env python3
"""Writes the fuzzers' dictionary and seed corpora from crux's own lexicons and typography.

    python3 scripts/fuzz-seeds.py        # writes fuzz/crux.dict and fuzz/seeds/<target>/

The dictionary holds every cue phrase of crux's lexicons (caveats, claim cues, reporting
verbs, speaker nouns, risk and benefit terms, byline roles, name particles, abbreviations),
the typography real articles use (curly quotes and apostrophes, NBSP, dashes, ellipsis,
byte-order mark, CR line ends), possessives, and the syntax of the Markdown and HTML readers,
so that the fuzzer reaches the paths real text reaches. The seeds are short invented
sentences that combine them, plus the bundled fixture article cut into pieces. Deterministic:
the same lexicons give the same files.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = [
    ("crates/crux-lexicon/data/caveats.tsv", True),
    ("crates/crux-lexicon/data/claim_cues.tsv", True),
    ("crates/crux-lexicon/data/reporting_verbs.tsv", True),
    ("crates/crux-lexicon/data/speaker_nouns.tsv", True),
    ("crates/crux-lexicon/data/byline-roles.txt", False),
    ("crates/crux-lexicon/data/name-particles.txt", False),
    ("crates/crux-lexicon/data/abbreviations.txt", False),
    ("crates/crux-lexicon/data/sentence_starters.txt", False),
    ("crates/crux-lexicon/data/risk_benefit.tsv", True),
]

TYPOGRAPHY = [
    "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u2039", "\u203a",
    "\u00a0", "\u2009", "\u202f", "\u2013", "\u2014", "\u2026", "\ufeff", "\u200b",
    "\r", "\r\n", "\n\n", "\t", '"', "'", "`", "--", "...",
    "\u2019s", "'s", "s\u2019", "s'", "n\u2019t", "n't",
    "according to", "According to", "Fox News\u2019s", "said", "says", "told", "wrote",
    "\u201cWe will,\u201d she said.", "He said, \u201cno.\u201d", " \u2014 ", "Mr.", "Dr.", "U.S.",
    "By ", "Updated ", "January 1, 2020", "7:24 PM", "2011-08-07",
    "might", "may", "could", "perhaps", "although", "if", "unless", "will", "should",
    "risk", "benefit", "harm", "gain", "which might fail, ",
]

MARKUP = [
    "---\n", "+++\n", "title: ", "title = ", "# ", "## ", "> ", "* ", "- ", "1. ", "```", "~~~",
    "[", "](", ")", "![", "**", "_", "<br>", "\\", "|", "&amp;", "&nbsp;", "&#8217;", "&#x201C;",
    "<!DOCTYPE html>", "<!DOCTYPE x [<!ENTITY e \"v\">]>", "]>", "<html>", "<head>", "<title>",
    "</title>", "<meta name=\"author\" content=\"", "<meta property=\"article:published_time\" content=\"",
    "<body>", "<article>", "</article>", "<p>", "</p>", "<h1>", "<blockquote>", "</blockquote>",
    "<q>", "</q>", "<li>", "<a href=\"", "</a>", "<script>", "</script>", "<style>", "<!--",
    "-->", "<![CDATA[", "]]>", "<pre>", "<br/>", "<div>", "</div>", "<time datetime=\"",
    "<span>", "<nav>", "<footer>", "<figure>", "<figcaption>",
]


def phrases():
    out = []
    for rel, tsv in DATA:
        with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                word = line.split("\t")[0].strip() if tsv else line.strip()
                if word:
                    out.append(word)
    return out


def dict_entry(s):
    b = s.encode("utf-8")
    body = "".join(
        chr(c) if 0x20 <= c < 0x7F and chr(c) not in '"\\' else "\\x%02X" % c for c in b
    )
    return '"%s"' % body


SEEDS = [
    "According to Fox News\u2019s Ed Henry, the plan will fail.",
    "\u201cThe plan may fail,\u201d said the minister. \u201cWe could lose jobs.\u201d",
    "Officials met on Monday. They agreed, although the risks remain high.",
    "If the rates rise, the economy might slow; yet the benefits are real.",
    "The senator\u2019s aides said the bill would cut costs \u2014 perhaps by half.",
    "He told reporters: \u2018It\u2019s over.\u2019 She disagreed.",
    "Line one.\rLine two.\r\rA new paragraph after a lone CR.",
    "By Jane Doe\nAugust 7, 2011, 7:24 PM\n\nCartels expand. Violence could spread.",
    "Dr. Smith, the U.S. envoy, warned of \u201ca grave threat\u201d to growth.",
    "It is likely that the policy, which might fail, which might fail, will harm exports.",
    "\u00a0\u00a0Indented\u00a0text with NBSP \u2013 and dashes\u2026",
]
MD_SEEDS = [
    "---\ntitle: A Title\nauthor: Jane Doe\ndate: 2020-01-02\n---\n\n# Heading\n\nBody text. It may fail.\n",
    "+++\ntitle = \"TOML\"\ndate = 2020-01-02\n+++\n\nBody \u201cquoted\u201d text.\n",
    "> \u201cA block quote,\u201d said someone.\n\n* a list item\n* another\n\n```\ncode\n```\n",
    "[link](http://example.com) and ![img](x.png) and **bold** _it_.\n",
]
HTML_SEEDS = [
    "<!DOCTYPE html><html><head><title>T</title><meta name=\"author\" content=\"Jane Doe\"></head>"
    "<body><article><h1>T</h1><p>Officials said the plan &#8220;may fail&#8221;.</p>"
    "<blockquote><p>Quoted text.</p></blockquote></article></body></html>",
    "<!DOCTYPE html [<!ENTITY x \"y\">]><html><body><p>After the internal subset.</p></body></html>",
    "<p>One<br>two &amp; three<script>var x = \"<p>\";</script></p><!-- c --><p>Four.</p>",
]


def main():
    fuzz = os.path.join(ROOT, "fuzz")
    words = sorted(set(phrases()))
    entries = []
    for w in words + TYPOGRAPHY + MARKUP:
        e = dict_entry(w)
        if e not in entries:
            entries.append(e)
    with open(os.path.join(fuzz, "crux.dict"), "w", encoding="ascii") as f:
        f.write("# Written by scripts/fuzz-seeds.py from crux's lexicons and typography.\n")
        for e in entries:
            f.write(e + "\n")
    fixture = os.path.join(ROOT, "tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels")
    pieces = {}
    for ext in ("txt", "md", "html"):
        with open(fixture + "." + ext, encoding="utf-8") as f:
            whole = f.read()
        # Pieces of at most 4 KiB, cut at paragraph ends: the fuzzers run with -max_len 8192.
        cut, start = [], 0
        while start < len(whole):
            end = whole.rfind("\n\n", start, start + 4000)
            end = len(whole) if end <= start or len(whole) - start <= 4000 else end
            cut.append(whole[start:end])
            start = end
        pieces[ext] = cut[:6]
    targets = {
        "read_text": SEEDS + pieces["txt"],
        "read_markdown": SEEDS + MD_SEEDS + pieces["md"],
        "read_html": HTML_SEEDS + pieces["html"],
        "pipeline": SEEDS + MD_SEEDS + HTML_SEEDS + pieces["txt"][:3] + pieces["html"][:2],
    }
    for target, seeds in targets.items():
        d = os.path.join(fuzz, "seeds", target)
        os.makedirs(d, exist_ok=True)
        for old in os.listdir(d):
            os.remove(os.path.join(d, old))
        for i, s in enumerate(seeds):
            with open(os.path.join(d, "seed-%03d" % i), "w", encoding="utf-8", newline="") as f:
                f.write(s)
    print("%d dictionary entries; seeds: %s" % (
        len(entries), ", ".join("%s %d" % (t, len(s)) for t, s in targets.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
