"""Training is reproducible and the saved pipeline loads back with our components."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import spacy

from contentlint.i18n import Text, localise
from contentlint.nlp import components  # noqa: F401 - registers the English lemmatizer factory
from contentlint.nlp.combiner import ENTRY_FILE
from contentlint.nlp.combiner import load as load_combiner
from contentlint.nlp.corpus import read_corpora
from contentlint.nlp.crossval import assign_folds
from contentlint.nlp.modelbuild import BuildPlan, build
from contentlint.nlp.modelcard import write_card
from contentlint.nlp.training import TrainSettings, train
from tests.helpers import REPO, tree_digest

RECORDS = [r for r in read_corpora([REPO / "corpus"]) if r.lang == "en"]
SMALL = sorted(RECORDS, key=lambda r: r.id)[::8]  # ~85 records over all classes
# Half of them stand in for real posts from six repositories, so that cross-validation has sources to fold by.
MIXED = [
    replace(r, source=f"owner/repo{i % 6}@0:{r.id}.md", meta={"path": f"blog/{r.id}.md"}) if i % 2 else r
    for i, r in enumerate(SMALL)
]
SETTINGS = TrainSettings(arch="bow", epochs=2, seed=3)
TEXTS = ["Spring sale: 30% off every plan", "Why our migration took a year"]


def test_same_corpus_and_seed_give_the_same_model() -> None:
    first = train(SMALL, "en", SETTINGS)
    second = train(list(reversed(SMALL)), "en", SETTINGS)  # input order does not matter
    for a, b in zip(first.pipe(TEXTS), second.pipe(TEXTS), strict=True):
        assert a.cats == b.cats


def test_build_cross_validates_by_source_calibrates_and_saves_a_loadable_model(tmp_path: Path) -> None:
    plan = BuildPlan(corpora=("corpus",), langs=("en",), settings=SETTINGS, folds=3, output=tmp_path / "a")
    said: list[str] = []
    card = build(plan, MIXED, said.append)
    # the progress lines are Texts: English as they are, read in the interface language through `localise`
    assert said and all(isinstance(line, Text) for line in said)
    assert any(line.startswith("[en] epoch  1/2  loss ") for line in said)
    assert any(localise(line, "ja").startswith("[en] エポック  1/2  損失 ") for line in said)
    assert any(localise(line, "zh").startswith("[en] 第 1/3 折：训练 ") for line in said)
    entry = card["languages"]["en"]
    cv = entry["cv"]["all"]
    assert cv["n"] == sum(r.is_real for r in MIXED)  # measured on real posts only
    assert 0.0 <= cv["ece"] <= 1.0 and cv["reliability"] and "confusion" in cv["metrics"]["group"]
    assert entry["temperature"] > 0 and 0.0 <= entry["promo_threshold"] <= 1.0
    assert card["spacy"] == spacy.__version__ and card["inputs"]["corpus"]["sha256"]
    write_card(card, tmp_path / "a", "contentlint train corpus")
    text = (tmp_path / "a" / "MODEL_CARD.md").read_text()
    assert "contentlint train corpus" in text and "Reliability" in text and "threshold" in text
    nlp = spacy.load(tmp_path / "a" / "en")
    assert nlp.pipe_names == ["contentlint_en_lemmas", "textcat"]
    assert nlp("Buying")[0].lemma_ == "buy"
    combiner = load_combiner(tmp_path / "a" / "en")
    assert combiner is not None
    assert (combiner.temperature, combiner.promo_threshold) == (entry["temperature"], entry["promo_threshold"])
    # calendar entries (a title and at most a line) get a combiner of their own, measured on the same real posts
    entries = load_combiner(tmp_path / "a" / "en", ENTRY_FILE)
    assert entries is not None and entries.place_vocab == ()
    assert (entries.temperature, entries.promo_threshold) == (
        entry["entries"]["temperature"],
        entry["entries"]["promo_threshold"],
    )
    assert entry["cv_entries"]["all"]["n"] == sum(r.is_real and bool(r.title.strip()) for r in MIXED)
    assert "as calendar entries" in text


def test_the_same_inputs_give_the_same_bytes(tmp_path: Path) -> None:
    for name, records in (("a", MIXED), ("b", list(reversed(MIXED)))):
        build(
            BuildPlan(corpora=("corpus",), langs=("en",), settings=SETTINGS, folds=2, output=tmp_path / name),
            records,
            lambda _msg: None,
        )
    first, second = tree_digest(tmp_path / "a"), tree_digest(tmp_path / "b")
    assert (
        first == second
        and "en/combiner.json" in first
        and "en/combiner-entries.json" in first
        and "en/textcat/model" in first
    )


def test_folds_keep_each_source_whole_and_balance_their_sizes() -> None:
    groups = ["a"] * 5 + ["b"] * 4 + ["c"] * 3 + ["d"] * 2 + ["e"] * 2
    fold_of = assign_folds(groups, 3, seed=0)
    sizes = [sum(1 for g in groups if fold_of[g] == k) for k in range(3)]
    assert sorted(sizes) == [5, 5, 6] and fold_of == assign_folds(list(reversed(groups)), 3, seed=0)


def test_cli_defaults_match_the_training_settings() -> None:
    from contentlint.cli import train as cli_train
    from contentlint.nlp.training import ARCHITECTURES

    defaults = TrainSettings()
    assert set(cli_train.ARCHITECTURES) == set(ARCHITECTURES)
    assert (
        defaults.arch,
        defaults.epochs,
        defaults.seed,
        BuildPlan(("c",), ("en",), defaults).folds,
    ) == (cli_train.DEFAULT_ARCH, cli_train.DEFAULT_EPOCHS, cli_train.DEFAULT_SEED, cli_train.DEFAULT_FOLDS)
