from __future__ import annotations

from contentlint.nlp.evaluation import Pair, evaluate, format_report, scores


def test_scores_by_hand() -> None:
    result = scores(["a", "a", "b", "b"], ["a", "b", "b", "b"], ["a", "b"])
    assert result["accuracy"] == 0.75
    assert result["per_class"]["a"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert result["per_class"]["b"]["precision"] == 0.6667 and result["per_class"]["b"]["recall"] == 1.0
    assert result["macro_f1"] == round((0.6667 + 0.8) / 2, 4)
    assert result["confusion"] == {"a": {"a": 1, "b": 1}, "b": {"a": 0, "b": 2}}


def test_evaluate_projects_classes_to_label_group_stage_per_language() -> None:
    pairs = [
        Pair("en", "howto/post", "howto/pre"),
        Pair("en", "sale/at", "sale/at"),
        Pair("ja", "problem/pre", "release/at"),
    ]
    report = evaluate(pairs)
    assert set(report) == {"all", "en", "ja"}
    assert report["en"]["label"]["accuracy"] == 1.0
    assert report["en"]["stage"]["accuracy"] == 0.5
    assert report["ja"]["group"]["confusion"]["insight"]["promotional"] == 1
    text = format_report(report)
    assert "== ja ==" in text and "macro-F1" in text and "confusion" in text
