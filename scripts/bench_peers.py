"""One peer of scripts/bench-peers.sh over a JSON Lines corpus, single-threaded, one process.

    python bench_peers.py PEER CORPUS.jsonl

Reads every {"id", "text"} record, does the peer's job on every text, and prints one line,
`articles=N <unit>=N`, so that a run can be seen to have done the work. The caller times the
whole process (interpreter, imports and model loading included) and measures start-up apart by
running the same command on an empty corpus.

Peers:
  vader              vaderSentiment: polarity_scores() of every sentence; sentences come from
                     SENTENCE_RE below (a plain regex, no NLTK), each paragraph split apart
  spacy-sentencizer  spacy.blank("en") + the rule "sentencizer", nlp.pipe() over the texts
  pysbd              pysbd.Segmenter(language="en", clean=False).segment() of every text
  spacy-full         en_core_web_sm, every component, nlp.pipe() over the texts
  textacy            en_core_web_sm as above, then textacy.extract.triples.direct_quotations()
                     on every doc; a text with an odd number of quotation marks makes textacy
                     raise ValueError and give up on it (counted, the parse is still done)

The spaCy model's package name comes from CRUX_PEERS_MODEL (default en_core_web_sm).
"""

import json
import os
import re
import sys

# A sentence ends at . ! or ? (and any closing quotes or brackets after it) followed by white
# space and then an opening quote or bracket, a capital letter or a digit; blank lines and line
# breaks end a sentence too. Abbreviations ("Mr. Smith") are split wrongly, as a plain regex does.
SENTENCE_RE = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|\n+")


def texts(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)["text"]


def vader(corpus):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    articles = sentences = 0
    for text in texts(corpus):
        articles += 1
        for sentence in SENTENCE_RE.split(text):
            if sentence.strip():
                analyzer.polarity_scores(sentence)
                sentences += 1
    return f"articles={articles} sentences={sentences}"


def spacy_sentencizer(corpus):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    articles = sentences = 0
    for doc in nlp.pipe(texts(corpus)):
        articles += 1
        sentences += sum(1 for _ in doc.sents)
    return f"articles={articles} sentences={sentences}"


def pysbd_split(corpus):
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    articles = sentences = 0
    for text in texts(corpus):
        articles += 1
        sentences += len(segmenter.segment(text))
    return f"articles={articles} sentences={sentences}"


def load_model():
    import spacy

    return spacy.load(os.environ.get("CRUX_PEERS_MODEL", "en_core_web_sm"))


def spacy_full(corpus):
    nlp = load_model()
    articles = sentences = 0
    for doc in nlp.pipe(texts(corpus)):
        articles += 1
        sentences += sum(1 for _ in doc.sents)
    return f"articles={articles} sentences={sentences}"


def textacy_quotes(corpus):
    from textacy.extract.triples import direct_quotations

    nlp = load_model()
    articles = quotations = bailed = 0
    for doc in nlp.pipe(texts(corpus)):
        articles += 1
        try:
            quotations += sum(1 for _ in direct_quotations(doc))
        except ValueError:  # an odd number of quotation marks: textacy gives up on the text
            bailed += 1
    return f"articles={articles} quotations={quotations} gave_up_on={bailed}"


PEERS = {
    "vader": vader,
    "spacy-sentencizer": spacy_sentencizer,
    "pysbd": pysbd_split,
    "spacy-full": spacy_full,
    "textacy": textacy_quotes,
}

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in PEERS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(PEERS)}}} CORPUS.jsonl")
    print(PEERS[sys.argv[1]](sys.argv[2]))
