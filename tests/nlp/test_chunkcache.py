from __future__ import annotations

from pathlib import Path

import spacy

from contentlint.nlp import pipeline
from contentlint.nlp.chunkcache import ChunkCachedTokenizer
from contentlint.nlp.corpus import read_corpora

REPO = Path(__file__).resolve().parents[2]
ATTRS = ["ORTH", "SPACY", "NORM", "LOWER", "SHAPE", "IS_PUNCT", "LIKE_URL", "LIKE_NUM"]
EDGES = [
    "",
    " ",
    "Don't wait: it's U.S. teams' e-mail at $4.99/mo. (see https://example.com/a?b=1) — 10x faster!",
    "(it's) \"don't\" can't. can't, e.g. i.e.: etc. :) <3 :-) ^_^ O.K. o.O",
    "  two  spaces\tand\ttabs\n\nand lines\u00a0no-break\u2003em space ",
    "don't " * 50 + "tokenise tokenise. tokenise, (tokenise)",
    "Mr. Mrs. Dr. St. vs. a.m. p.m. 'em 'cause y'all ain't gonna",
]


def test_the_english_pipeline_keeps_its_chunk_cache_filling() -> None:
    tokenizer = pipeline.load("en").tokenizer
    assert isinstance(tokenizer, ChunkCachedTokenizer)
    tokenizer("It's here: a chunkcachetestword.")
    assert "chunkcachetestword." in tokenizer.seen


def test_every_token_is_what_spacys_tokenizer_gives() -> None:
    nlp = pipeline.load("en")
    spacys = spacy.blank("en").tokenizer
    records = sorted(read_corpora([REPO / "corpus" / "en"]), key=lambda r: r.id)[::5]
    texts = [f"{r.title}\n\n{r.body}" for r in records]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "samples" / "en").glob("*"))] + EDGES
    ours = ChunkCachedTokenizer(spacy.blank("en").tokenizer)  # a fresh cache: every chunk goes the new way once
    for text in [*texts, *texts]:  # twice: the second time from the caches
        expected = spacys(text).to_array(ATTRS).tolist()
        assert ours(text).to_array(ATTRS).tolist() == expected, text[:60]
        assert nlp.tokenizer(text).to_array(ATTRS).tolist() == expected, text[:60]


def test_it_stops_looking_at_chunks_once_the_tokenizer_keeps_no_more() -> None:
    inner = spacy.blank("en").tokenizer
    inner.max_cache_size = 3
    ours = ChunkCachedTokenizer(inner)
    ours("one two three four")
    assert len(ours.seen) == 4
    doc = ours("five six")
    assert [t.text for t in doc] == ["five", "six"]
    assert "five" not in ours.seen  # full: only the text itself is tokenised


def test_it_reads_as_spacys_tokenizer() -> None:
    inner = spacy.blank("en").tokenizer
    ours = ChunkCachedTokenizer(inner)
    assert ours.vocab is inner.vocab
    assert [doc.text for doc in ours.pipe(["a b"])] == ["a b"]
    assert [rule for rule, _text in ours.explain("it's")] == ["SPECIAL-1", "SPECIAL-2"]
