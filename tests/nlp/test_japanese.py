from __future__ import annotations

from pathlib import Path

from spacy.lang.ja import JapaneseTokenizer

from contentlint.corpus import read_corpora
from contentlint.nlp import pipeline
from contentlint.nlp.japanese import FastJapaneseTokenizer

REPO = Path(__file__).resolve().parents[2]
ATTRS = ["ORTH", "SPACY", "TAG", "POS", "LEMMA", "NORM", "MORPH"]
EDGES = ["", " ", "  \n\n  全角　スペース　　と　半角  スペース\n", "ＡＢＣ１２３！？ｶﾀｶﾅ", "🎉今だけ！！！50%OFF",
         "一つ、二つ。一人で二人分。十五夜に15個、一万二千円。", "ーーー…‥　、、", "Excel2024で統計分析を。"]


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
