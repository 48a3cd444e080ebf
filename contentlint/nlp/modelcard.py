"""models/MODEL_CARD.md (for people) and models/card.json (the same data, for tools), written by `contentlint train`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from contentlint.taxonomy import CLASSES


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _scope_line(name: str, scope: dict[str, Any]) -> str:
    m, a = scope["metrics"], scope["alarms"]
    return (
        f"| {name} | {scope['n']} | {m['group']['macro_f1']:.3f} | {m['label']['macro_f1']:.3f} | "
        f"{m['stage']['macro_f1']:.3f} | {scope['ece']:.3f} | {_pct(a['insight_called_promotional'])} | "
        f"{_pct(a['insight_warned'])} | {_pct(a['warning_precision'])} |"
    )


HEADER = (
    "| scope | n | group macro-F1 | label macro-F1 | stage macro-F1 | ECE | insight → promotional (top class) "
    "| insight warned | warning precision |\n|---|---|---|---|---|---|---|---|---|"
)


def card_markdown(card: dict[str, Any], command: str) -> str:
    combiner = card["combiner"]
    lines = [
        "# contentlint classifier — model card",
        "",
        "Per language: a spaCy `textcat` (" + card["settings"]["arch"] + ") reads the post's prose and scores the "
        "classes " + ", ".join(f"`{c}`" for c in CLASSES) + ". A calibrated combiner (`combiner.json` beside "
        "the model) turns those scores, the cue counts of the rule packs (`rules/cues.yaml`), the post's "
        "structure (headings, lists, code blocks, prices, percentages, dates, versions, imperative and "
        "second-person sentences) and its place words (path folders and file name, front-matter `categories`, "
        "`tags`, `type`, `layout`, `kind`) into class probabilities: a multinomial logistic regression "
        "(features: " + ", ".join(combiner["features"]) + f"; our own corpus weighs {combiner['own_weight']} "
        "next to a real post) with a temperature. Calendar entries (a title and at most a line of brief, no path) "
        "get a combiner of their own (`combiner-entries.json`), fitted the same way on the real posts' "
        "calendar-entry views: each post's title and, for two in three, its body's first sentence. The text "
        "model is trained on whole posts only.",
        "",
        "Everything below is measured by grouped cross-validation: folds by source (a real post's repository, "
        "one of our corpus files), on real posts only, so each figure is for sources the model never saw. "
        "The temperature is fitted on the combiner's out-of-fold logits; the P(promotional) threshold is the "
        f"lowest at which out-of-fold promotional warnings are right at least {card['target_precision']:.0%} "
        "of the time. Promotional-class warnings (`promo-without-outcome`, `company-centric`) fire only at or "
        "above it.",
        "",
        "## Retrain",
        "",
        "```sh",
        command,
        "```",
        "",
        f"Seeded and single-threaded: the same inputs give the same bytes (spaCy {card['spacy']}, contentlint "
        f"{card['contentlint']}). Inputs:",
        "",
        "| corpus | files | SHA-256 |",
        "|---|---|---|",
    ]
    lines += [f"| {name} | {data['files']} | `{data['sha256']}` |" for name, data in card["inputs"].items()]
    lines += [
        "",
        "## Settings",
        "",
        "```json",
        json.dumps(
            {"text model": card["settings"], "combiner": combiner, "folds": card["folds"]}, indent=2, sort_keys=True
        ),
        "```",
        "",
        "## Cross-validation (real posts)",
        "",
        HEADER,
    ]
    lines += [_scope_line(lang, entry["cv"]["all"]) for lang, entry in card["languages"].items()]
    lines += [
        "",
        "The same posts as calendar entries (title, and for two in three the body's first sentence; no "
        "path): what an editorial calendar gives the model.",
        "",
        HEADER,
    ]
    lines += [
        _scope_line(lang, entry["cv_entries"]["all"])
        for lang, entry in card["languages"].items()
        if "cv_entries" in entry
    ]
    lines += ["", "| language | temperature | P(promotional) threshold |", "|---|---|---|"]
    lines += [
        f"| {lang} | {entry['temperature']:.3f} | {entry['promo_threshold']:.3f} |"
        for lang, entry in card["languages"].items()
    ]
    for lang, entry in card["languages"].items():
        trained, cv = entry["trained_on"], entry["cv"]
        lines += [
            "",
            f"## {lang}",
            "",
            f"Trained on {trained['records']} records ({trained['real']} real posts from "
            f"{trained['repositories']} repositories).",
            "",
            "| class | records |",
            "|---|---|",
        ]
        lines += [f"| {c} | {n} |" for c, n in trained["classes"].items()]
        lines += [
            "",
            "Reliability (out-of-fold, 10 bins):",
            "",
            "| confidence | n | mean confidence | accuracy |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {r['bin']} | {r['n']} | {r['confidence']:.3f} | {r['accuracy']:.3f} |" for r in cv["all"]["reliability"]
        ]
        lines += ["", "Per source type:", "", HEADER]
        lines += [_scope_line(name, scope) for name, scope in cv["channels"].items()]
        lines += ["", "| licence | records |", "|---|---|"]
        lines += [f"| {s} | {n} |" for s, n in trained["licences"].items()]
    return "\n".join(lines) + "\n"


def write_card(card: dict[str, Any], output: Path, command: str) -> None:
    output.mkdir(parents=True, exist_ok=True)
    (output / "card.json").write_text(
        json.dumps(card, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    (output / "MODEL_CARD.md").write_text(card_markdown(card, command), encoding="utf-8")
