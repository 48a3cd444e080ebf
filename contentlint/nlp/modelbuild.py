"""`contentlint train`: grouped cross-validation, the calibrated combiner and its threshold, the final models and
the card.

Per language: every record is scored by a text model trained on the other folds (folds by source), the combiner
is measured the same way, its temperature is fitted on its out-of-fold logits, and the P(promotional) threshold
is the lowest at which out-of-fold promotional warnings on real posts are right at least 95% of the time. Then the
text model is trained on everything and shipped with the combiner (fitted on all out-of-fold scores).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from contentlint.errors import InputError
from contentlint.i18n import N_, Text
from contentlint.nlp.calibration import TARGET_PRECISION, precision_threshold
from contentlint.nlp.combiner import ENTRY_FILE, Inputs, fit_temperature, promotional_probability, softmax
from contentlint.nlp.corpus import Record
from contentlint.nlp.crossval import (
    CombinerSpec,
    Prepared,
    fit_combiner,
    oof_combined,
    oof_scores,
    prepare,
    with_scores,
)
from contentlint.nlp.evaluation import Row, full_report
from contentlint.nlp.lexicon import default_cues
from contentlint.nlp.training import TrainSettings, train_docs
from contentlint.taxonomy import CLASSES
from contentlint.version import __version__


@dataclass(frozen=True, slots=True)
class BuildPlan:
    corpora: tuple[str, ...]
    langs: tuple[str, ...]
    settings: TrainSettings
    output: Path | None = None
    folds: int = 5
    combiner: CombinerSpec = field(default_factory=CombinerSpec)
    oof: Path | None = None  # where to keep the out-of-fold text-model scores (for tools/model_compare.py)

    @property
    def entry_combiner(self) -> CombinerSpec:
        """The calendar-entry combiner's spec: the posts' one, class-balanced (a calendar's mix of sales and
        launches is its own, not the share they have among the posts public repositories keep)."""
        return replace(self.combiner, balance=True)


def oof_rows(records: Sequence[Record], probs: np.ndarray, threshold: float, entries: bool = False) -> list[Row]:
    """Evaluation rows for out-of-fold probabilities: real posts only (our own records measure nothing new), and
    either the whole posts or (``entries``) their calendar-entry views."""
    p_promo = promotional_probability(probs)
    rows = []
    for record, p, pp in zip(records, probs, p_promo, strict=True):
        if not record.is_real or record.is_entry_view != entries:
            continue
        best = CLASSES[int(np.argmax(p))]
        rows.append(
            Row(
                record.lang,
                record.cls,
                best,
                float(p.max()),
                float(pp),
                bool(pp >= threshold),
                record.channel or "-",
                record.group,
            )
        )
    return rows


def build(plan: BuildPlan, records: Sequence[Record], log: Callable[[str], None]) -> dict[str, Any]:
    """Train per language; returns the card data (and saves models when ``plan.output`` is set)."""
    from spacy.about import __version__ as spacy_version

    cues = default_cues()
    card: dict[str, Any] = {
        "contentlint": __version__,
        "spacy": spacy_version,
        "settings": plan.settings.to_dict(),
        "combiner": asdict(plan.combiner),
        "entry_combiner": asdict(plan.entry_combiner),
        "folds": plan.folds,
        "target_precision": TARGET_PRECISION,
        "corpora": list(plan.corpora),
        "inputs": input_hashes(plan.corpora),
        "languages": {},
    }
    for lang in plan.langs:
        prep = prepare(records, lang, cues, plan.folds, plan.settings.seed)
        if not prep.records:
            # the user's corpus holds no post in a language they asked for: an input error (exit 2), not a crash
            raise InputError(Text(N_("no training records for '{lang}'"), lang=lang), ", ".join(plan.corpora))
        log(
            Text(
                N_("[{lang}] {records} records ({real} real) in {folds} folds by source"),
                lang=lang,
                records=len(prep.records),
                real=sum(r.is_real for r in prep.records),
                folds=plan.folds,
            )
        )
        cue_sets = sorted(cues)
        scores = oof_scores(prep, plan.settings, plan.folds, log)
        if plan.oof is not None:
            plan.oof.mkdir(parents=True, exist_ok=True)
            (plan.oof / f"{lang}-{plan.settings.arch}.json").write_text(
                json.dumps({r.id: s for r, s in zip(prep.records, scores, strict=True)}, sort_keys=True),
                encoding="utf-8",
            )
        inputs = with_scores(prep, scores)
        # Per kind, the records its combiner is fitted on, its spec, and whether it reads calendar entries: whole
        # posts; and calendar-entry views with our own posts, where sales are common (real repositories hold few:
        # ja 9 of 1,338). No views (no real posts): no entry combiner.
        kinds = {"posts": ([i for i, r in enumerate(prep.records) if not r.is_entry_view], plan.combiner, False)}
        if any(r.is_entry_view for r in prep.records):
            chosen = [i for i, r in enumerate(prep.records) if r.is_entry_view or not r.is_real]
            kinds["entries"] = (chosen, plan.entry_combiner, True)
        # each kind's calibration, report and fitted combiner
        entry: dict[str, dict[str, Any]] = {}
        for kind, (keep, spec, reads_entries) in kinds.items():
            entry[kind] = _calibrated(
                plan,
                spec,
                Prepared(lang, [prep.records[i] for i in keep], [], [], [prep.folds[i] for i in keep]),
                [inputs[i] for i in keep],
                cue_sets,
                reads_entries,
            )
            log(
                Text(
                    N_("[{lang}] {kind}: temperature {temperature:.3f}, P(promotional) threshold {threshold:.3f}"),
                    lang=lang,
                    kind=kind,
                    temperature=entry[kind]["temperature"],
                    threshold=entry[kind]["promo_threshold"],
                )
            )
        posts, entries = entry["posts"], entry.get("entries")
        card["languages"][lang] = {
            "temperature": posts["temperature"],
            "promo_threshold": posts["promo_threshold"],
            "cv": posts["report"],
            "trained_on": _counts(prep.records),
        }
        if entries is not None:
            card["languages"][lang].update(
                {
                    "entries": {k: entries[k] for k in ("temperature", "promo_threshold")},
                    "cv_entries": entries["report"],
                }
            )
        if plan.output is not None:
            text_records = [(r, d) for r, d in zip(prep.records, prep.docs, strict=True) if not r.is_entry_view]
            log(Text(N_("[{lang}] training the final model on all {count} posts"), lang=lang, count=len(text_records)))
            final = train_docs([r for r, _d in text_records], [d for _r, d in text_records], lang, plan.settings, log)
            final.meta["name"] = f"contentlint_{lang}"
            final.meta["version"] = __version__
            final.meta["description"] = (
                "contentlint post classifier (label/stage), trained by `contentlint train`;"
                " calibrated combiners in combiner.json (posts) and combiner-entries.json (calendar entries)"
            )
            final.meta["contentlint"] = {"settings": plan.settings.to_dict(), "combiner": asdict(plan.combiner)}
            target = plan.output / lang
            if target.exists():
                shutil.rmtree(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            final.to_disk(target)
            posts["combiner"].save(target)
            if entries is not None:
                entries["combiner"].save(target, ENTRY_FILE)
    return card


def _calibrated(
    plan: BuildPlan,
    spec: CombinerSpec,
    prep: Prepared,
    inputs: Sequence[Inputs],
    cue_sets: Sequence[str],
    entries: bool,
) -> dict[str, Any]:
    """One combiner's grouped-CV report, its temperature and P(promotional) threshold (fitted on real posts' out-of-
    fold logits), and the combiner fitted on all of ``prep`` with them.

    The calendar-entry combiner is class-balanced: a calendar's mix of sales and launches is its own, not the share
    they have among the posts public repositories keep, which would otherwise become its prior."""
    logits, probs = oof_combined(prep, inputs, spec, plan.folds, cue_sets)
    real = [i for i, r in enumerate(prep.records) if r.is_real]
    temperature = fit_temperature(logits[real], [prep.records[i].cls for i in real]) if real else 1.0
    calibrated = softmax(logits / temperature)
    threshold = precision_threshold(
        promotional_probability(calibrated[real]).tolist(),
        [prep.records[i].cls.split("/")[0] in ("product", "sale", "release") for i in real],
    )
    report = full_report(oof_rows(prep.records, probs, threshold, entries=entries))
    report.pop("repositories")  # `contentlint eval` prints them; the card keeps source types
    combiner = fit_combiner(prep.records, inputs, spec, cue_sets)
    combiner.temperature, combiner.promo_threshold = temperature, threshold
    return {"temperature": round(temperature, 4), "promo_threshold": threshold, "report": report, "combiner": combiner}


def input_hashes(corpora: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Per corpus argument: its files, and one SHA-256 over their names and contents (what was trained on)."""
    out = {}
    for corpus in corpora:
        path = Path(corpus)
        files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
        digest = hashlib.sha256()
        for file in files:
            name = file.relative_to(path).as_posix() if path.is_dir() else file.name
            digest.update(name.encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest())
        out[path.name or corpus] = {"files": len(files), "sha256": digest.hexdigest()}
    return out


def _counts(records: Sequence[Record]) -> dict[str, Any]:
    licences = Counter(r.license or "contentlint project (Apache-2.0)" for r in records)
    return {
        "records": len(records),
        "real": sum(r.is_real for r in records),
        "classes": dict(sorted(Counter(r.cls for r in records).items())),
        "repositories": len({r.group for r in records if r.is_real}),
        "channels": dict(sorted(Counter(r.channel or "-" for r in records if r.is_real).items())),
        "own_corpus": dict(sorted(Counter(Path(r.source).as_posix() for r in records if not r.is_real).items())),
        "licences": dict(sorted(licences.items())),
    }


def command_line(argv: Sequence[str] | None = None) -> str:
    args = list(sys.argv[1:] if argv is None else argv)
    return "contentlint " + " ".join(args)
