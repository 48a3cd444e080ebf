"""Accuracy, per-class precision/recall/F1, macro-F1 and confusion matrices for label, group and stage."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from contentlint.taxonomy import GROUP_OF, GROUPS, LABELS, STAGES, split_class

DIMENSIONS = {"label": LABELS, "group": GROUPS, "stage": STAGES}


@dataclass(frozen=True, slots=True)
class Pair:
    lang: str
    gold: str  # class "label/stage"
    predicted: str


def _project(cls: str, dimension: str) -> str:
    label, stage = split_class(cls)
    return {"label": label, "group": GROUP_OF[label], "stage": stage}[dimension]


def scores(gold: Sequence[str], predicted: Sequence[str], classes: Sequence[str]) -> dict[str, Any]:
    n = len(gold)
    matrix = {g: {p: 0 for p in classes} for g in classes}
    for g, p in zip(gold, predicted, strict=True):
        matrix[g][p] += 1
    per_class = {}
    for name in classes:
        tp = matrix[name][name]
        predicted_n = sum(matrix[g][name] for g in classes)
        gold_n = sum(matrix[name].values())
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / gold_n if gold_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[name] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": gold_n,
        }
    present = [name for name in classes if per_class[name]["support"]]
    macro = sum(per_class[name]["f1"] for name in present) / len(present) if present else 0.0
    correct = sum(matrix[name][name] for name in classes)
    return {
        "n": n,
        "accuracy": round(correct / n, 4) if n else 0.0,
        "macro_f1": round(macro, 4),
        "per_class": per_class,
        "confusion": matrix,
    }


def evaluate(pairs: Iterable[Pair]) -> dict[str, Any]:
    """Metrics overall and per language (macro-F1 averages the classes present in the gold data)."""
    items = list(pairs)
    groups = {"all": items}
    for lang in sorted({p.lang for p in items}):
        groups[lang] = [p for p in items if p.lang == lang]
    report: dict[str, Any] = {}
    for name, subset in groups.items():
        report[name] = {
            dimension: scores(
                [_project(p.gold, dimension) for p in subset],
                [_project(p.predicted, dimension) for p in subset],
                classes,
            )
            for dimension, classes in DIMENSIONS.items()
        }
    return report


def format_report(report: dict[str, Any]) -> str:
    lines: list[str] = []
    for scope, dims in report.items():
        lines.append(f"== {scope} ==")
        for dimension, result in dims.items():
            classes = list(result["per_class"])
            lines.append(
                f"{dimension}: n={result['n']}  accuracy={result['accuracy']:.3f}  macro-F1={result['macro_f1']:.3f}"
            )
            lines.append(f"  {'class':<12}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
            for name in classes:
                c = result["per_class"][name]
                lines.append(f"  {name:<12}{c['precision']:>7.3f}{c['recall']:>7.3f}{c['f1']:>7.3f}{c['support']:>6}")
            width = max(len(name) for name in classes) + 2
            lines.append("  confusion (rows gold, columns predicted):")
            lines.append("  " + " " * width + "".join(f"{name[:8]:>9}" for name in classes))
            for gold in classes:
                row = result["confusion"][gold]
                lines.append(f"  {gold:<{width}}" + "".join(f"{row[p]:>9}" for p in classes))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled post as classified: what `contentlint eval` and the card's cross-validation report on."""

    lang: str
    gold: str  # class "label/stage"
    predicted: str
    confidence: float  # probability of the predicted class
    p_promotional: float
    warned: bool  # P(promotional) cleared the threshold: promotional-class warnings may fire
    channel: str  # the source type (docs, blog, changelog ...), "-" where unknown
    repository: str


def _is_promotional(cls: str) -> bool:
    return GROUP_OF[split_class(cls)[0]] == "promotional"


def alarm_figures(rows: Sequence[Row]) -> dict[str, Any]:
    """How often insight posts are called promotional (by the top class, and by a warning) and how precise the
    warnings are."""
    insight = [r for r in rows if not _is_promotional(r.gold)]
    warned = [r for r in rows if r.warned]
    return {
        "insight_posts": len(insight),
        "insight_called_promotional": _rate(sum(_is_promotional(r.predicted) for r in insight), len(insight)),
        "insight_warned": _rate(sum(r.warned for r in insight), len(insight)),
        "warnings": len(warned),
        "warning_precision": _rate(sum(_is_promotional(r.gold) for r in warned), len(warned)),
        "promotional_recall": _rate(
            sum(r.warned for r in rows if _is_promotional(r.gold)), sum(_is_promotional(r.gold) for r in rows)
        ),
    }


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _scope(rows: Sequence[Row], full: bool) -> dict[str, Any]:
    from contentlint.nlp.calibration import expected_calibration_error, reliability

    confidence = [r.confidence for r in rows]
    correct = [r.gold == r.predicted for r in rows]
    pairs = [Pair(r.lang, r.gold, r.predicted) for r in rows]
    metrics = evaluate(pairs)["all"] if rows else {}
    out: dict[str, Any] = {
        "n": len(rows),
        "ece": expected_calibration_error(confidence, correct),
        "alarms": alarm_figures(rows),
    }
    if full:
        out["metrics"] = metrics
        out["reliability"] = reliability(confidence, correct)
    else:
        out["metrics"] = {dim: {"accuracy": m["accuracy"], "macro_f1": m["macro_f1"]} for dim, m in metrics.items()}
    return out


def full_report(rows: Sequence[Row]) -> dict[str, Any]:
    """Metrics, calibration (ECE, reliability table) and false alarms: overall, per language (with confusion
    matrices), per source type and per repository."""
    report: dict[str, Any] = {"all": _scope(rows, True), "languages": {}, "channels": {}, "repositories": {}}
    for lang in sorted({r.lang for r in rows}):
        report["languages"][lang] = _scope([r for r in rows if r.lang == lang], True)
    for channel in sorted({r.channel for r in rows}):
        report["channels"][channel] = _scope([r for r in rows if r.channel == channel], False)
    for repo in sorted({r.repository for r in rows}):
        report["repositories"][repo] = _scope([r for r in rows if r.repository == repo], False)
    return report


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def format_full(report: dict[str, Any]) -> str:
    """The text `contentlint eval` prints."""
    lines = [
        format_report(
            {"all": report["all"]["metrics"], **{lang: s["metrics"] for lang, s in report["languages"].items()}}
        ).rstrip(),
        "",
    ]
    for scope, data in [("all", report["all"]), *report["languages"].items()]:
        a = data["alarms"]
        lines.append(f"== calibration and false alarms: {scope} ==")
        lines.append(
            f"ECE (10 bins) {data['ece']:.3f}; insight posts called promotional: top class "
            f"{_pct(a['insight_called_promotional'])}, warned {_pct(a['insight_warned'])} "
            f"(of {a['insight_posts']}); warnings {a['warnings']}, precision {_pct(a['warning_precision'])}, "
            f"promotional recall {_pct(a['promotional_recall'])}"
        )
        lines.append(f"  {'confidence':<12}{'n':>6}{'mean conf':>11}{'accuracy':>10}")
        lines += [
            f"  {row['bin']:<12}{row['n']:>6}{row['confidence']:>11.3f}{row['accuracy']:>10.3f}"
            for row in data["reliability"]
        ]
        lines.append("")
    for title, key in (("source type", "channels"), ("repository", "repositories")):
        lines.append(f"== per {title} ==")
        lines.append(f"  {title:<40}{'n':>5}{'label acc':>10}{'group acc':>10}{'ECE':>7}{'insight warned':>16}")
        for name, data in report[key].items():
            m, a = data["metrics"], data["alarms"]
            lines.append(
                f"  {name[:40]:<40}{data['n']:>5}{m['label']['accuracy']:>10.3f}"
                f"{m['group']['accuracy']:>10.3f}{data['ece']:>7.3f}"
                f"{_pct(a['insight_warned']):>16}"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
