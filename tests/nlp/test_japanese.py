from __future__ import annotations

from pathlib import Path

from spacy.lang.ja import JapaneseTokenizer

from contentlint.nlp import pipeline
from contentlint.nlp.corpus import read_corpora
from contentlint.nlp.japanese import FastJapaneseTokenizer

REPO = Path(__file__).resolve().parents[2]
ATTRS = ["ORTH", "SPACY", "TAG", "POS", "LEMMA", "NORM", "MORPH"]
EDGES = [
    "",
    " ",
    "  \n\n  全角　スペース　　と　半角  スペース\n",
    "ＡＢＣ１２３！？ｶﾀｶﾅ",
    "🎉今だけ！！！50%OFF",
    "一つ、二つ。一人で二人分。十五夜に15個、一万二千円。",
    "ーーー…‥　、、",
    "Excel2024で統計分析を。",
]


def test_the_japanese_pipeline_uses_the_fast_tokenizer() -> None:
    assert isinstance(pipeline.load("ja").tokenizer, FastJapaneseTokenizer)


def test_every_token_attribute_is_what_spacys_tokenizer_gives() -> None:
    nlp = pipeline.load("ja")
    spacys = JapaneseTokenizer(nlp.vocab, split_mode="A")
    records = sorted(read_corpora([REPO / "corpus" / "ja"]), key=lambda r: r.id)[::5]
    texts = [f"{r.title}\n\n{r.body}" for r in records]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "samples" / "ja").glob("*"))] + EDGES
    fast = nlp.tokenizer
    for text in [*texts, *texts]:  # twice: the second time from the tokenizer's caches
        ours, theirs = fast(text), spacys(text)
        assert ours.to_array(ATTRS).tolist() == theirs.to_array(ATTRS).tolist(), text[:60]
        assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs], text[:60]


def test_a_post_longer_than_sudachi_reads_at_once_is_read_in_pieces() -> None:
    from contentlint.nlp import pipeline
    from contentlint.nlp.japanese import CHUNK_CHARS, chunks

    text = ("マーケティングの基本を学びましょう。" * 40 + "\n") * 200  # 144,200 characters, about 430 KB
    assert len(text.encode()) > 49_149
    pieces = chunks(text)
    assert "".join(pieces) == text and all(len(p) <= CHUNK_CHARS for p in pieces)
    assert all(p.endswith("\n") for p in pieces[:-1])  # cut at line breaks where there are some
    doc = pipeline.load("ja")(text)
    assert doc.text == text
    assert [t.text for t in doc[:6]] == [t.text for t in pipeline.load("ja")(text[:200])[:6]]
    unbroken = "あ" * (CHUNK_CHARS * 2 + 5)
    assert "".join(chunks(unbroken)) == unbroken and len(chunks(unbroken)) == 3
