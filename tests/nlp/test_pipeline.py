from __future__ import annotations

from contentlint.nlp import pipeline
from contentlint.taxonomy import CLASSES


def test_shipped_models_load_offline_with_the_classifier() -> None:
    for lang in ("en", "ja"):
        nlp = pipeline.load(lang)
        assert "textcat" in nlp.pipe_names
        assert set(nlp.get_pipe("textcat").labels) == set(CLASSES)
        assert "cue_weight" in nlp.meta["contentlint"]
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


def test_a_model_folder_with_a_combiner_ships_its_calibration(tmp_path) -> None:
    from contentlint.nlp.combiner import Combiner

    (tmp_path / "en").mkdir()
    Combiner(("cues",), ("sale",), (), [[0.0] * 7] * len(CLASSES), [0.0] * len(CLASSES), 1.3, 0.9).save(
        tmp_path / "en")
    try:
        pipeline.use_models(tmp_path)
        combiner = pipeline.combiner("en")
        assert combiner is not None and (combiner.temperature, combiner.promo_threshold) == (1.3, 0.9)
        assert pipeline.combiner("ja") is None  # no model there: cues decide, as before
    finally:
        pipeline.use_models(None)
