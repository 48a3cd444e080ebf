from __future__ import annotations

from contentlint.nlp import pipeline
from contentlint.taxonomy import CLASSES


def test_shipped_models_load_offline_with_the_classifier() -> None:
    for lang in ("en", "ja"):
        nlp = pipeline.load(lang)
        assert "textcat" in nlp.pipe_names
        assert set(nlp.get_pipe("textcat").labels) == set(CLASSES)
        combiner = pipeline.combiner(lang)  # the calibration and the warning threshold ship with the model
        assert combiner is not None and combiner.temperature > 0 and 0 < combiner.promo_threshold <= 1
        doc = nlp("Hello" if lang == "en" else "こんにちは")
        assert abs(sum(doc.cats.values()) - 1.0) < 1e-3


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
