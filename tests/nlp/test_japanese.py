from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.lang.ja import JapaneseTokenizer
from spacy.tokens import Doc

from contentlint.nlp import japanese, pipeline
from contentlint.nlp.corpus import read_corpora
from contentlint.nlp.japanese import CHUNK_CHARS, FastJapaneseTokenizer, chunks

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
    # whitespace only, and gaps at the start, the end and in between: the one pass aligns them itself
    "\t",
    "\n",
    "　",
    "   ",
    " \t \u3000\n \n\t",
    " あ",
    "あ ",
    "\tあ\t",
    "　あ　",
    "あ\tい\t\tう",
    "あ　い　　う",
    "あ \u3000 い",
    "あ\r\nい\n\nう\r",
    "お得！ \n 今すぐ",
    "Excel  2024 と   Word ",
    "a b  c   d",
    "。 。  。",
    "一 万 二 千",
    # emoji (with a skin tone and joiners), a zero-width space, morphemes with no surface (…), coined words
    "🎉🎉 今だけ 🎉 👍🏽 👨‍👩‍👧",
    "テスト\u200b文字",
    "え…… そう…",
    "ラクケイとヨヤクル",
]
# What random texts are made of: every kind of whitespace (some that Sudachi reads as words), kana, kanji, numerals,
# full- and half-width letters and digits, punctuation, emoji with modifiers and joiners.
MIXED = (
    list(" \t\n\r\u3000\u00a0\u2003\u200b") * 3
    + list("あいうえおかがきくけこさしすせそたちっつてとなにのはまみむめもやゆよらりるれろわをんー")
    + list("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモャュョン")
    + list("日本語今日明日時間会社新発売限定一二三四五六七八九十百千万円個人")
    + list("abcXYZ0123456789０１２３ＡＢＣ。、！？「」（）・…‥〜~!?.,:;-_/%％#@&*+=|")
    + ["🎉", "👍🏽", "👨‍👩‍👧"]
)
# Longer than SudachiPy reads at once, so spaCy's tokenizer cannot read them: the one pass is compared with spaCy's
# steps over the same pieces. Cut after a 。 that a space follows (the space is the last word's, across the cut),
# after a line break that more whitespace follows, and anywhere, inside a run of spaces or between a word and one.
LONG = [
    "マーケティングの基本。 次の一歩。 " * 1_100,
    ("お知らせ\n \t　\n" + "あ" * 3_000) * 8,
    "あ" * (CHUNK_CHARS - 1) + "  " + "い" * (CHUNK_CHARS + 10),
    "あ" * (CHUNK_CHARS - 1) + " " + "い" * (CHUNK_CHARS + 10),
    "ab " * 10_000,
]


def attributes(doc: Doc) -> tuple[list[list[int]], list[str]]:
    return doc.to_array(ATTRS).tolist(), [str(t.morph) for t in doc]


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
        assert attributes(fast(text)) == attributes(spacys(text)), text[:60]
        assert attributes(fast._reference(text)) == attributes(spacys(text)), text[:60]


def test_random_mixes_of_whitespace_and_words_get_spacys_tokens() -> None:
    nlp = pipeline.load("ja")
    spacys = JapaneseTokenizer(nlp.vocab, split_mode="A")
    rng = random.Random(19)
    for _ in range(400):
        text = "".join(rng.choice(MIXED) for _ in range(rng.randint(0, 40)))
        assert attributes(nlp.tokenizer(text)) == attributes(spacys(text)), repr(text)


def test_a_post_longer_than_sudachi_reads_at_once_is_read_in_pieces() -> None:
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


@pytest.mark.parametrize("text", LONG, ids=["after-maru", "after-line-break", "in-spaces", "before-space", "anywhere"])
def test_a_long_post_cut_in_pieces_gets_the_tokens_of_spacys_steps(text: str) -> None:
    fast = FastJapaneseTokenizer(pipeline.load("ja").tokenizer)
    assert len(chunks(text)) > 1
    doc = fast(text)
    assert doc.text == text
    assert attributes(doc) == attributes(fast._reference(text))


def test_the_caches_started_again_give_the_same_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = pipeline.load("ja")
    spacys = JapaneseTokenizer(nlp.vocab, split_mode="A")
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "samples" / "ja").glob("*"))][:3] + EDGES
    unlimited = FastJapaneseTokenizer(nlp.tokenizer)
    for text in texts:
        unlimited(text)
    monkeypatch.setattr(japanese, "CACHE_LIMIT", 20)
    fast = FastJapaneseTokenizer(nlp.tokenizer)
    for text in texts:
        assert attributes(fast(text)) == attributes(spacys(text)), text[:60]
    assert len(fast._surfaces) < len(unlimited._surfaces)  # started again


class _Morpheme:
    """A SudachiPy morpheme with another surface."""

    def __init__(self, morpheme: Any, surface: str) -> None:
        self._morpheme = morpheme
        self._surface = surface

    def surface(self) -> str:
        return self._surface

    def __getattr__(self, name: str) -> Any:
        return getattr(self._morpheme, name)


class _Sudachi:
    """SudachiPy as it never reads a text: each " " joined to the word after it, or the last morpheme lost."""

    def __init__(self, sudachi: Any, lose_last: bool) -> None:
        self._sudachi = sudachi
        self._lose_last = lose_last

    def tokenize(self, text: str) -> list[Any]:
        morphemes = list(self._sudachi.tokenize(text))
        if self._lose_last:
            return morphemes[:-1]
        return list(self._glued(morphemes))

    def _glued(self, morphemes: list[Any]) -> Iterator[Any]:
        lead = ""
        for morpheme in morphemes:
            if morpheme.surface() == " ":
                lead += " "
                continue
            yield _Morpheme(morpheme, lead + morpheme.surface()) if lead else morpheme
            lead = ""


def test_morphemes_the_one_pass_cannot_align_go_through_spacys_steps() -> None:
    nlp = pipeline.load("ja")
    spacys = JapaneseTokenizer(nlp.vocab, split_mode="A")
    fast = FastJapaneseTokenizer(nlp.tokenizer)
    spacys.tokenizer = fast.tokenizer = _Sudachi(nlp.tokenizer.tokenizer, lose_last=False)
    text = "今日は 晴れ。 明日は  雨"
    assert fast._align(text) is None  # 晴れ and 明日 are led by a space
    assert attributes(fast(text)) == attributes(spacys(text))
    spacys.tokenizer = fast.tokenizer = _Sudachi(nlp.tokenizer.tokenizer, lose_last=True)
    for tokenizer in (fast, spacys):
        with pytest.raises(ValueError, match="E194"):
            tokenizer("今日は晴れ。")
