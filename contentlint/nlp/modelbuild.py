"""`contentlint train`: hold out a split, pick the cue weight, measure, train the final model, write the card."""
from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from contentlint import __version__
from contentlint.corpus import Record
from contentlint.nlp.classifier import classify
from contentlint.nlp.evaluation import Pair, evaluate
from contentlint.nlp.predict import default_cues, scored
from contentlint.nlp.training import TrainSettings, train
from contentlint.taxonomy import CLASSES

CUE_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5)


@dataclass(frozen=True, slots=True)
class BuildPlan:
    corpora: tuple[str, ...]
    langs: tuple[str, ...]
    settings: TrainSettings
    holdout: float = 0.2
    output: Path | None = None
    cv_folds: int = 5


def holdout_group(record: Record) -> str:
    """Real posts are held out by repository, so the held-out ones come from sources the model never saw
    (as the posts it will meet in use do); our own corpus records are held out one by one."""
    return record.source.split("@", 1)[0] if "@" in record.source else record.id


def in_holdout(record: Record, fraction: float, seed: int) -> bool:
    digest = hashlib.sha256(f"{seed}:{holdout_group(record)}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < fraction


def _pairs(rows: Sequence[tuple[Record, dict[str, float], dict[str, Any]]], weight: float) -> list[Pair]:
    return [Pair(r.lang, r.cls, classify(scores, matches, weight).cls) for r, scores, matches in rows]


def _objective(report: dict[str, Any]) -> float:
    scope = report["all"]
    return (scope["label"]["macro_f1"] + scope["stage"]["macro_f1"] + scope["group"]["macro_f1"]) / 3


def build(plan: BuildPlan, records: Sequence[Record], log: Callable[[str], None]) -> dict[str, Any]:
    """Train per language; returns the card data (and saves models when ``plan.output`` is set)."""
    cues = default_cues()
    card: dict[str, Any] = {"contentlint": __version__, "settings": plan.settings.to_dict(),
                            "holdout": plan.holdout, "corpora": list(plan.corpora), "languages": {}}
    for lang in plan.langs:
        mine = [r for r in records if r.lang == lang]
        held = [r for r in mine if in_holdout(r, plan.holdout, plan.settings.seed)]
        rest = [r for r in mine if not in_holdout(r, plan.holdout, plan.settings.seed)]
        log(f"[{lang}] {len(mine)} records: {len(rest)} to train, {len(held)} held out")
        weight, by_weight = choose_cue_weight(rest, lang, plan, cues, log)
        nlp = train(rest, lang, plan.settings, log)
        rows = list(scored(held, nlp, cues))
        heldout_by_source = {}
        for source in sorted({_source_group(r) for r in held}):
            subset = [row for row in rows if _source_group(row[0]) == source]
            heldout_by_source[source] = evaluate(_pairs(subset, weight))["all"]
        entry: dict[str, Any] = {
            "cue_weight": weight,
            "cue_weight_cv": by_weight,
            "heldout": evaluate(_pairs(rows, weight))["all"],
            "heldout_by_source": heldout_by_source,
            "trained_on": _counts(mine),
        }
        card["languages"][lang] = entry
        if plan.output is not None:
            log(f"[{lang}] training the final model on all {len(mine)} records")
            final = train(mine, lang, plan.settings, log)
            final.meta["name"] = f"contentlint_{lang}"
            final.meta["version"] = __version__
            final.meta["description"] = "contentlint post classifier (label/stage), trained by `contentlint train`"
            final.meta["contentlint"] = {"cue_weight": weight, "settings": plan.settings.to_dict()}
            target = plan.output / lang
            if target.exists():
                shutil.rmtree(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            final.to_disk(target)
    return card


def choose_cue_weight(records: Sequence[Record], lang: str, plan: BuildPlan, cues: Any,
                      log: Callable[[str], None]) -> tuple[float, dict[str, float]]:
    """The cue weight that maximises label, group and stage macro-F1 in cross-validation on real posts,
    folded by repository (our own records stay in every training fold). Never looks at the held-out split."""
    real = [r for r in records if "@" in r.source]
    pool, group = (real, holdout_group) if len({holdout_group(r) for r in real}) >= plan.cv_folds else \
        (list(records), lambda r: r.id)
    fold_of = {r.id: int.from_bytes(hashlib.sha256(f"{plan.settings.seed}:{group(r)}".encode()).digest()[:8],
                                    "big") % plan.cv_folds for r in pool}
    rows = []
    for k in range(plan.cv_folds):
        test = [r for r in pool if fold_of[r.id] == k]
        if not test:
            continue
        fold_train = [r for r in records if fold_of.get(r.id) != k]
        rows.extend(scored(test, train(fold_train, lang, plan.settings), cues))
    scores = {w: _objective(evaluate(_pairs(rows, w))) for w in CUE_WEIGHTS}
    weight = max(CUE_WEIGHTS, key=lambda w: (round(scores[w], 4), -w))
    log(f"[{lang}] cue weight {weight} by {plan.cv_folds}-fold CV on {len(pool)} "
        f"{'real posts (folds by repository)' if pool is real else 'records'}: "
        + ", ".join(f"{w}={v:.3f}" for w, v in scores.items()))
    return weight, {str(w): round(v, 4) for w, v in scores.items()}


def _source_group(record: Record) -> str:
    """Real published posts carry `owner/repo@commit:path` as source; our own corpus records do not."""
    return "real posts (unseen repositories)" if "@" in record.source else "own corpus"


def _counts(records: Sequence[Record]) -> dict[str, Any]:
    sources: Counter[str] = Counter()
    licences: Counter[str] = Counter()
    for r in records:
        sources[r.source.split("@", 1)[0] if "@" in r.source else str(Path(r.source).parent)] += 1
        licences[r.license or "contentlint project (Apache-2.0)"] += 1
    return {"records": len(records), "classes": dict(sorted(Counter(r.cls for r in records).items())),
            "sources": dict(sorted(sources.items())), "licences": dict(sorted(licences.items()))}


def write_card(card: dict[str, Any], output: Path, command: str) -> None:
    """models/MODEL_CARD.md (for people) and models/card.json (the same data, for tools)."""
    output.mkdir(parents=True, exist_ok=True)
    (output / "card.json").write_text(json.dumps(card, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                      encoding="utf-8")
    lines = ["# contentlint classifier — model card", "",
             "Text classifiers (spaCy `textcat`, one pipeline per language) that decide a post's label and purchase",
             "stage: classes " + ", ".join(f"`{c}`" for c in CLASSES) + ".",
             "Their scores are combined with the cue lexicons of the rule packs (`rules/cues.yaml`): each class",
             "gains `cue_weight × log(1 + n)` for the n cues of its label (and, for how-tos, of its stage).", "",
             "## Retrain", "", "```sh", command, "```", "",
             "Training is seeded: the same corpora and settings give the same held-out metrics.", "",
             "## Settings", "", "```json", json.dumps(card["settings"], indent=2, sort_keys=True), "```", ""]
    for lang, entry in card["languages"].items():
        trained = entry["trained_on"]
        lines += [f"## {lang}", "", f"Trained on {trained['records']} records; cue weight {entry['cue_weight']}"
                  " (chosen by cross-validation on real posts, folds by repository; the held-out split is not used).", "", "| class | records |", "|---|---|"]
        lines += [f"| {c} | {n} |" for c, n in trained["classes"].items()]
        lines += ["", "| source | records |", "|---|---|"]
        lines += [f"| {s} | {n} |" for s, n in trained["sources"].items()]
        lines += ["", "| licence | records |", "|---|---|"]
        lines += [f"| {s} | {n} |" for s, n in trained["licences"].items()]
        lines += ["", f"Held-out split ({card['holdout']:.0%}; own records by id, real posts by repository), "
                  "trained on the rest:", "",
                  "| scope | label acc | label macro-F1 | group macro-F1 | stage macro-F1 | n |",
                  "|---|---|---|---|---|---|"]
        scopes = {"all": entry["heldout"], **entry["heldout_by_source"]}
        for scope, result in scopes.items():
            lines.append(f"| {scope} | {result['label']['accuracy']:.3f} | {result['label']['macro_f1']:.3f} | "
                         f"{result['group']['macro_f1']:.3f} | {result['stage']['macro_f1']:.3f} | "
                         f"{result['label']['n']} |")
        lines.append("")
    (output / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")


def command_line(argv: Sequence[str] | None = None) -> str:
    args = list(sys.argv[1:] if argv is None else argv)
    return "contentlint " + " ".join(args)
