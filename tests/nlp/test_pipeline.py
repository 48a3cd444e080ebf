from __future__ import annotations

import time

import pytest

from contentlint.nlp import pipeline
from contentlint.taxonomy import CLASSES
from tests.helpers import REPO, finishes_within


def test_shipped_models_load_offline_with_the_classifier() -> None:
    for lang in ("en", "ja", "zh"):
        nlp = pipeline.load(lang)
        assert "textcat" in nlp.pipe_names
        assert set(nlp.get_pipe("textcat").labels) == set(CLASSES)
        assert nlp.meta["contentlint"]["combiner"]["features"] == ["cues", "structure", "place"]
        posts, entries = pipeline.combiner(lang), pipeline.combiner(lang, entry=True)
        assert posts is not None and entries is not None and posts is not entries  # calendar entries: their own
        assert 0.5 < posts.promo_threshold < 1.0 and 0.5 < entries.promo_threshold <= 1.0
        doc = nlp({"en": "Hello", "ja": "こんにちは", "zh": "你好"}[lang])
        assert abs(sum(doc.cats.values()) - 1.0) < 1e-3


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Don't wait: U.S. teams' e-mail costs $4.99/mo. (see https://example.com/a?b=1) — 10x faster!"),
        ("ja", "今日は良い天気です。ＡＢＣ株式会社の新製品、１００％オフ！ 空白　全角も"),
        ("zh", "立即购买！全场５折，仅限今天。Excel 用户必看。"),
    ],
)
def test_a_model_tokenizes_as_the_copy_in_its_folder_does(lang: str, text: str) -> None:
    """The tokenizer is built from the language's settings in config.cfg; the copy in the model folder, which
    `spacy.load` alone would read, is left unread and must agree."""
    import spacy

    ours = pipeline.load(lang).make_doc(text)
    theirs = spacy.load(pipeline.model_dir(lang)).make_doc(text)
    assert [(t.text, t.whitespace_, t.tag_, t.lemma_ if lang == "ja" else "") for t in ours] == [
        (t.text, t.whitespace_, t.tag_, t.lemma_ if lang == "ja" else "") for t in theirs
    ]


def test_english_lemmas_are_looked_up_lower_cased() -> None:
    doc = pipeline.load("en")("Buying shoes. Bought more.")
    assert [t.lemma_ for t in doc] == ["buy", "shoe", ".", "buy", "much", "."]


def test_japanese_uses_sudachi_split_mode_a() -> None:
    doc = pipeline.load("ja")("期間限定セールを今すぐ購入してください")
    assert [t.text for t in doc][:3] == ["期間", "限定", "セール"]
    assert "する" in [t.lemma_ for t in doc]


def test_make_docs_keeps_order() -> None:
    texts = ["first post", "second post", "third"]
    assert [d.text for d in pipeline.make_docs("en", texts)] == texts


# Texts where a tokenizer could give back something else: spaces at the ends and in runs, tabs, blank lines,
# no-break and ideographic spaces, a combining accent, emoji, a symbol run linear_text breaks, nothing at all.
_AWKWARD = ["", " ", "  Buy  now \t\n\n\t", "a\u00a0b\u3000c e\u0301", "😀🎉 ok", "Sale" + "!" * 80, "\n今だけ 半額\n"]


@pytest.mark.parametrize("lang", ["en", "ja", "zh"])
def test_make_docs_keeps_each_docs_text_as_spacy_gives_it_back(lang: str) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "samples" / lang).iterdir())] + _AWKWARD
    docs = list(pipeline.make_docs(lang, texts))
    assert all(pipeline._TEXT in doc.user_data for doc in docs)  # kept, not the fallback below
    assert [pipeline.doc_text(doc) for doc in docs] == [doc.text for doc in docs]
    assert [pipeline.doc_text(doc) for doc in docs] == [pipeline.linear_text(lang, text) for text in texts]


def test_a_doc_made_elsewhere_gives_its_text_all_the_same_and_keeps_it() -> None:
    doc = pipeline.load("en")("Buy now, while stocks last.")
    assert pipeline._TEXT not in doc.user_data
    assert pipeline.doc_text(doc) == "Buy now, while stocks last."
    assert doc.user_data[pipeline._TEXT] == doc.text


def test_a_post_longer_than_spacys_guard_is_analysed() -> None:
    # spaCy refuses texts over nlp.max_length (1,000,000 by default); our own max_file_bytes bounds a post.
    nlp = pipeline.load("en")
    saved, nlp.max_length = nlp.max_length, 1_000
    try:
        (doc,) = pipeline.make_docs("en", ["Buy now. " * 500])
    finally:
        nlp.max_length = max(saved, nlp.max_length)
    assert len(doc.text) == 4_500


@pytest.mark.parametrize("run", ["!" * 40_000, "🎉" * 40_000, ")" * 40_000, "a" * 200_000])
def test_long_runs_are_tokenized_in_linear_time(run: str) -> None:
    text = "Buy now" + run + " today."
    assert len(pipeline.linear_text("en", text)) == len(text)  # offsets still map back to the file
    count = finishes_within(60, lambda: len(next(iter(pipeline.make_docs("en", [text])))))
    assert isinstance(count, int) and count > 2


def test_doubling_a_symbol_run_does_not_quadruple_the_time() -> None:
    def seconds(n: int) -> float:
        start = time.perf_counter()
        next(iter(pipeline.make_docs("en", ["Sale" + "!" * n])))
        return time.perf_counter() - start

    seconds(1_000)  # warm up
    small, large = min(seconds(20_000) for _ in range(2)), min(seconds(40_000) for _ in range(2))
    assert large < 3 * small + 0.05, (small, large)


def test_japanese_and_chinese_text_is_left_whole() -> None:
    text = "今だけ半額" * 100 + "！" * 10
    assert pipeline.linear_text("ja", text)[:500] == text[:500]


def test_the_english_lemma_table_is_read_as_is_and_agrees_with_spacys() -> None:
    """Read as a plain dict keyed by the words (spaCy's Table re-keys every entry by hash on each start)."""
    from itertools import islice

    from spacy.lookups import load_lookups

    table = pipeline.load("en").get_pipe("contentlint_en_lemmas").table
    assert all(isinstance(word, str) for word in islice(table, 1000))
    spacys = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
    assert len(table) == len(spacys)
    assert all(spacys.get(word) == lemma for word, lemma in islice(table.items(), 0, None, 97))


def test_a_model_folder_with_a_combiner_ships_its_calibration(tmp_path) -> None:
    from contentlint.nlp.combiner import ENTRY_FILE, Combiner

    (tmp_path / "en").mkdir()
    Combiner(("cues",), ("sale",), (), [[0.0] * 7] * len(CLASSES), [0.0] * len(CLASSES), 1.3, 0.9).save(tmp_path / "en")
    try:
        pipeline.use_models(tmp_path)
        combiner = pipeline.combiner("en")
        assert combiner is not None and (combiner.temperature, combiner.promo_threshold) == (1.3, 0.9)
        assert pipeline.combiner("ja") is None  # no model there: cues decide, as before
        assert pipeline.combiner("en", entry=True) is combiner  # no entry combiner: the posts' one serves
        Combiner(("cues",), ("sale",), (), [[0.0] * 7] * len(CLASSES), [0.0] * len(CLASSES), 1.1, 0.95).save(
            tmp_path / "en", ENTRY_FILE
        )
        pipeline.use_models(tmp_path)
        entries = pipeline.combiner("en", entry=True)
        assert entries is not None and (entries.temperature, entries.promo_threshold) == (1.1, 0.95)
        assert pipeline.combiner("en") == combiner
    finally:
        pipeline.use_models(None)
