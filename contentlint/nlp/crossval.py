"""Grouped cross-validation: folds by source (a real post's repository, one of our corpus files), so every
prediction is made by a model that never saw the post's source — as the posts it meets in use.

Each record is read once (tokenised, cue-matched, its structure and place words taken) and reused by every fold
and every setting compared.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from contentlint.errors import InputError
from contentlint.i18n import N_, Text
from contentlint.nlp import pipeline
from contentlint.nlp.combiner import Combiner, Inputs, fit, fit_temperature, place_vocabulary, softmax
from contentlint.nlp.corpus import Record, entry_view, record_post
from contentlint.nlp.cues import CueMatcher
from contentlint.nlp.features import post_features
from contentlint.taxonomy import CLASSES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from contentlint.nlp.training import TrainSettings


@dataclass(slots=True)
class Prepared:
    """One language's records, read once."""

    lang: str
    records: list[Record]
    docs: list[Doc]
    inputs: list[Inputs]  # model_scores left empty: they come from each fold's model
    folds: list[int]


def assign_folds(groups: Sequence[str], folds: int, seed: int) -> dict[str, int]:
    """Whole groups to folds, largest first, each to the fold with the fewest records so far (ties by a seeded
    hash): folds of similar size, the same for the same groups and seed."""
    sizes: dict[str, int] = {}
    for group in groups:
        sizes[group] = sizes.get(group, 0) + 1

    def key(group: str) -> tuple[int, bytes]:
        return -sizes[group], hashlib.sha256(f"{seed}:{group}".encode()).digest()

    load = [0] * folds
    out = {}
    for group in sorted(sizes, key=key):
        target = min(range(folds), key=lambda k: (load[k], k))
        out[group] = target
        load[target] += sizes[group]
    return out


def post_inputs(post: Any, matches: Mapping[str, Sequence[Any]], model_scores: Mapping[str, float]) -> Inputs:
    features = post_features(post)
    return Inputs(
        model_scores=dict(model_scores),
        cue_counts={k: len(v) for k, v in matches.items()},
        structure=features.structure,
        place=features.place,
    )


def prepare(
    records: Sequence[Record], lang: str, cues: Mapping[str, Any], folds: int, seed: int, entries: bool = True
) -> Prepared:
    """Tokenise and read every record of ``lang`` that has prose (sorted by id: input order does not matter), with
    each real post's calendar-entry view (``entries``), which falls in its post's fold."""
    chosen = [r for r in records if r.lang == lang]
    if entries:
        chosen += [view for view in map(entry_view, chosen) if view is not None]
    kept, posts = [], []
    for record in sorted(chosen, key=lambda r: r.id):
        try:
            posts.append(record_post(record))
        except InputError:
            continue
        kept.append(record)
    nlp = pipeline.base(lang)
    nlp.max_length = max(nlp.max_length, pipeline.MAX_TEXT)
    matcher = CueMatcher(nlp, lang, cues)
    docs = list(nlp.pipe((pipeline.linear_text(lang, p.text) for p in posts), batch_size=pipeline.BATCH_SIZE))
    inputs = [post_inputs(post, matcher(doc), {}) for post, doc in zip(posts, docs, strict=True)]
    fold_of = assign_folds([r.group for r in kept], folds, seed)
    return Prepared(lang, kept, docs, inputs, [fold_of[r.group] for r in kept])


def oof_scores(
    prep: Prepared, settings: TrainSettings, folds: int, log: Callable[[str], None] = lambda _m: None
) -> list[dict[str, float]]:
    """Each record's text-model scores from the model trained on the other folds' whole posts (calendar-entry
    views are scored, never trained on: trained on, they cost the text model a few points on whole posts)."""
    from spacy.pipeline import TextCategorizer

    from contentlint.nlp.training import train_docs

    scores: list[dict[str, float]] = [{} for _ in prep.records]
    for k in range(folds):
        test = [i for i, f in enumerate(prep.folds) if f == k]
        if not test:
            continue
        train_idx = [i for i, f in enumerate(prep.folds) if f != k and not prep.records[i].is_entry_view]
        nlp = train_docs([prep.records[i] for i in train_idx], [prep.docs[i] for i in train_idx], prep.lang, settings)
        textcat = nlp.get_pipe("textcat")
        assert isinstance(textcat, TextCategorizer)
        for i, doc in zip(test, textcat.pipe(prep.docs[i].copy() for i in test), strict=True):
            scores[i] = dict(doc.cats)
        log(
            Text(
                N_("[{lang}] fold {fold}/{folds}: trained on {trained}, scored {scored}"),
                lang=prep.lang,
                fold=k + 1,
                folds=folds,
                trained=len(train_idx),
                scored=len(test),
            )
        )
    return scores


@dataclass(frozen=True, slots=True)
class CombinerSpec:
    features: tuple[str, ...] = ("cues", "structure", "place")
    own_weight: float = 0.2  # our own corpus records weigh this much next to a real post (chosen by grouped CV)
    l2: float = 0.01
    balance: bool = False


def with_scores(prep: Prepared, scores: Sequence[Mapping[str, float]]) -> list[Inputs]:
    return [Inputs(dict(s), i.cue_counts, i.structure, i.place) for i, s in zip(prep.inputs, scores, strict=True)]


def fit_combiner(
    records: Sequence[Record], inputs: Sequence[Inputs], spec: CombinerSpec, cue_sets: Sequence[str]
) -> Combiner:
    vocab = place_vocabulary([i.place for i in inputs], [r.group for r in records]) if "place" in spec.features else ()
    combiner = Combiner(features=spec.features, cue_sets=tuple(sorted(cue_sets)), place_vocab=vocab)
    weights = [1.0 if r.is_real else spec.own_weight for r in records]
    return fit(combiner, inputs, [r.cls for r in records], weights, l2=spec.l2, balance=spec.balance)


def oof_combined(
    prep: Prepared, inputs: Sequence[Inputs], spec: CombinerSpec, folds: int, cue_sets: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold combiner logits (same folds as the text model) and calibrated probabilities, the temperature
    of each fold fitted on the other folds' out-of-fold logits."""
    logits = np.zeros((len(prep.records), len(CLASSES)))
    for k in range(folds):
        test = [i for i, f in enumerate(prep.folds) if f == k]
        if not test:
            continue
        rest = [i for i, f in enumerate(prep.folds) if f != k]
        combiner = fit_combiner([prep.records[i] for i in rest], [inputs[i] for i in rest], spec, cue_sets)
        rows = np.asarray([combiner.vector(inputs[i]) for i in test])
        logits[test] = combiner.logits(rows)
    probs = np.zeros_like(logits)
    for k in range(folds):
        test = [i for i, f in enumerate(prep.folds) if f == k]
        rest = [i for i, f in enumerate(prep.folds) if f != k and prep.records[i].is_real]
        if not test:
            continue
        t = fit_temperature(logits[rest], [prep.records[i].cls for i in rest]) if rest else 1.0
        probs[test] = softmax(logits[test] / t)
    return logits, probs
