"""Training is reproducible and the saved pipeline loads back with our components."""
from __future__ import annotations

from pathlib import Path

import spacy

from contentlint.corpus import read_corpora
from contentlint.nlp import components  # noqa: F401 - registers the English lemmatizer factory
from contentlint.nlp.modelbuild import BuildPlan, build, write_card
from contentlint.nlp.training import TrainSettings, train
from tests.conftest import REPO

RECORDS = [r for r in read_corpora([REPO / "corpus"]) if r.lang == "en"]
SMALL = sorted(RECORDS, key=lambda r: r.id)[::8]  # ~60 records over all classes
SETTINGS = TrainSettings(arch="bow", epochs=2, seed=3)
TEXTS = ["Spring sale: 30% off every plan", "Why our migration took a year"]


def test_same_corpus_and_seed_give_the_same_model() -> None:
    first = train(SMALL, "en", SETTINGS)
    second = train(list(reversed(SMALL)), "en", SETTINGS)  # input order does not matter
    for a, b in zip(first.pipe(TEXTS), second.pipe(TEXTS)):
        assert a.cats == b.cats


def test_build_reports_metrics_and_saves_a_loadable_model(tmp_path: Path) -> None:
    plan = BuildPlan(corpora=("corpus",), langs=("en",), settings=SETTINGS, holdout=0.25, output=tmp_path)
    card = build(plan, SMALL, lambda _msg: None)
    again = build(BuildPlan(corpora=("corpus",), langs=("en",), settings=SETTINGS, holdout=0.25), SMALL,
                  lambda _msg: None)
    assert card["languages"]["en"]["heldout"] == again["languages"]["en"]["heldout"]
    entry = card["languages"]["en"]
    assert entry["trained_on"]["records"] == len(SMALL)
    write_card(card, tmp_path, "contentlint train corpus")
    assert "contentlint train corpus" in (tmp_path / "MODEL_CARD.md").read_text()
    nlp = spacy.load(tmp_path / "en")
    assert nlp.pipe_names == ["contentlint_en_lemmas", "textcat"]
    assert nlp.meta["contentlint"]["cue_weight"] == entry["cue_weight"]
    assert nlp("Buying")[0].lemma_ == "buy"


def test_cli_defaults_match_the_training_settings() -> None:
    from contentlint.cli import train as cli_train
    from contentlint.nlp.training import ARCHITECTURES

    defaults = TrainSettings()
    assert set(cli_train.ARCHITECTURES) == set(ARCHITECTURES)
    assert (cli_train.DEFAULT_ARCH, cli_train.DEFAULT_EPOCHS, cli_train.DEFAULT_SEED) == (
        defaults.arch, defaults.epochs, defaults.seed)
