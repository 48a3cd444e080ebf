"""Compare text-model settings and combiner features by grouped cross-validation (folds by repository).

    python tools/model_compare.py scores OUT_DIR CORPUS...   # out-of-fold text-model scores per setting
    python tools/model_compare.py table OUT_DIR CORPUS...    # the comparison table from those scores

(`contentlint train --oof OUT_DIR` writes the same scores for the shipped setting.)

Slow part first, cheap part second: the combiner variants reuse the saved out-of-fold scores.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from contentlint.nlp.calibration import precision_threshold
from contentlint.nlp.classifier import combine
from contentlint.nlp.combiner import Inputs, fit_temperature, promotional_probability, softmax
from contentlint.nlp.corpus import Record, read_corpora
from contentlint.nlp.crossval import (
    CombinerSpec,
    Prepared,
    assign_folds,
    oof_combined,
    oof_scores,
    prepare,
    with_scores,
)
from contentlint.nlp.evaluation import full_report
from contentlint.nlp.lexicon import default_cues
from contentlint.nlp.modelbuild import oof_rows
from contentlint.nlp.training import TrainSettings
from contentlint.taxonomy import CLASSES

CUE_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5)

FOLDS = 5
TEXT_SETTINGS = {
    "bow": TrainSettings(),
    "bow2": TrainSettings(arch="bow2"),
    "bow-own0.3": TrainSettings(own_share=0.3),
    "ensemble": TrainSettings(arch="ensemble"),
}


def scores(out: Path, corpora: list[Path], langs: list[str], names: list[str]) -> None:
    records = read_corpora(corpora)
    cues = default_cues()
    out.mkdir(parents=True, exist_ok=True)
    preps = {lang: prepare(records, lang, cues, FOLDS, 0, entries=False) for lang in langs}
    for name in names:  # every language for one setting before the next setting
        for lang, prep in preps.items():
            target = out / f"{lang}-{name}.json"
            if target.exists():
                continue
            found = oof_scores(prep, TEXT_SETTINGS[name], FOLDS, lambda m: print(m, flush=True))
            target.write_text(json.dumps({r.id: s for r, s in zip(prep.records, found, strict=True)}))


VARIANTS = [  # (text setting, combiner features or None for the cue-weight mix used before, own weight, balance)
    ("bow", None, 1.0, False),
    ("bow", (), 0.5, False),
    ("bow", ("cues",), 0.5, False),
    ("bow", ("cues", "structure"), 0.5, False),
    ("bow", ("cues", "structure", "place"), 0.5, False),
    ("bow", ("cues", "structure", "place"), 1.0, False),
    ("bow", ("cues", "structure", "place"), 0.2, False),
    ("bow", ("cues", "structure", "place"), 0.5, True),
    ("bow2", ("cues", "structure", "place"), 0.5, False),
    ("bow2", ("cues", "structure", "place"), 0.2, False),
    ("ensemble", ("cues", "structure", "place"), 0.2, False),
    ("bow-own0.3", ("cues", "structure", "place"), 0.5, False),
]


def _cue_weight_probs(inputs: list[Inputs], weight: float) -> np.ndarray:
    return np.asarray([[combine(i.model_scores, i.cue_counts, weight)[c] for c in CLASSES] for i in inputs])


def _figures(records: list[Record], probs: np.ndarray, threshold: float | None) -> dict[str, Any]:
    rows = oof_rows(records, probs, 0.5 if threshold is None else threshold)
    if threshold is None:  # the mix used before: every promotional top class warns
        rows = [replace(r, warned=r.predicted.split("/")[0] in ("product", "sale", "release")) for r in rows]
    report = full_report(rows)["all"]
    m, a = report["metrics"], report["alarms"]
    return {
        "group": m["group"]["macro_f1"],
        "label": m["label"]["macro_f1"],
        "stage": m["stage"]["macro_f1"],
        "ece": report["ece"],
        "called": a["insight_called_promotional"],
        "warned": a["insight_warned"],
        "precision": a["warning_precision"],
        "recall": a["promotional_recall"],
        "threshold": threshold,
    }


def table(out: Path, corpora: list[Path], langs: list[str]) -> None:
    records = read_corpora(corpora)
    cues = default_cues()
    print(
        "| lang | text model | combiner | own weight | balanced | group F1 | label F1 | stage F1 | ECE | "
        "insight→promo (top) | insight warned | warn precision | promo recall | threshold |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for lang in langs:
        prep = prepare(records, lang, cues, FOLDS, 0, entries=False)  # whole posts (entries: see the model card)
        for name, features, own, balance in VARIANTS:
            path = out / f"{lang}-{name}.json"
            if not path.exists():
                continue
            saved = json.loads(path.read_text())
            keep = [i for i, r in enumerate(prep.records) if r.id in saved]
            kept = [prep.records[i] for i in keep]
            fold_of = assign_folds([r.group for r in kept], FOLDS, 0)  # the folds the scores were made with
            sub = Prepared(
                lang,
                kept,
                [prep.docs[i] for i in keep],
                [prep.inputs[i] for i in keep],
                [fold_of[r.group] for r in kept],
            )
            inputs = with_scores(sub, [saved[r.id] for r in sub.records])
            real = [i for i, r in enumerate(sub.records) if r.is_real]
            if features is None:
                best = max(
                    CUE_WEIGHTS, key=lambda w: _objective(_figures(sub.records, _cue_weight_probs(inputs, w), None))
                )
                fig = _figures(sub.records, _cue_weight_probs(inputs, best), None)
                label = f"cue weight {best} (before)"
            else:
                spec = CombinerSpec(features=features, own_weight=own, balance=balance)
                logits, probs = oof_combined(sub, inputs, spec, FOLDS, sorted(cues))
                t = fit_temperature(logits[real], [sub.records[i].cls for i in real])
                cal = softmax(logits / t)
                threshold = precision_threshold(
                    promotional_probability(cal[real]).tolist(),
                    [sub.records[i].cls.split("/")[0] in ("product", "sale", "release") for i in real],
                )
                fig = _figures(sub.records, probs, threshold)
                label = "+".join(features) or "text model only"
            print(
                f"| {lang} | {name} | {label} | {own} | {'yes' if balance else 'no'} | {fig['group']:.3f} | "
                f"{fig['label']:.3f} | {fig['stage']:.3f} | {fig['ece']:.3f} | {_p(fig['called'])} | "
                f"{_p(fig['warned'])} | {_p(fig['precision'])} | {_p(fig['recall'])} | "
                f"{_threshold(fig['threshold'])} |",
                flush=True,
            )


def _objective(fig: dict[str, Any]) -> float:
    macro_f1: float = fig["group"] + fig["label"] + fig["stage"]
    return macro_f1 / 3


def _threshold(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _p(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


if __name__ == "__main__":
    verb, out, *rest = sys.argv[1:]
    if verb == "scores":
        langs = next(a.split("=", 1)[1] for a in rest if a.startswith("--lang=")).split(",")
        names = next(a.split("=", 1)[1] for a in rest if a.startswith("--settings=")).split(",")
        scores(Path(out), [Path(a) for a in rest if not a.startswith("--")], langs, names)
    elif verb == "table":
        langs = next(a.split("=", 1)[1] for a in rest if a.startswith("--lang=")).split(",")
        table(Path(out), [Path(a) for a in rest if not a.startswith("--")], langs)
