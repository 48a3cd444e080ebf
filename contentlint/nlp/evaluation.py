"""Accuracy, per-class precision/recall/F1, macro-F1 and confusion matrices for label, group and stage."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence

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
    for g, p in zip(gold, predicted):
        matrix[g][p] += 1
    per_class = {}
    for name in classes:
        tp = matrix[name][name]
        predicted_n = sum(matrix[g][name] for g in classes)
        gold_n = sum(matrix[name].values())
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / gold_n if gold_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[name] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                           "support": gold_n}
    present = [name for name in classes if per_class[name]["support"]]
    macro = sum(per_class[name]["f1"] for name in present) / len(present) if present else 0.0
    correct = sum(matrix[name][name] for name in classes)
    return {"n": n, "accuracy": round(correct / n, 4) if n else 0.0, "macro_f1": round(macro, 4),
            "per_class": per_class, "confusion": matrix}


def evaluate(pairs: Iterable[Pair]) -> dict[str, Any]:
    """Metrics overall and per language (macro-F1 averages the classes present in the gold data)."""
    items = list(pairs)
    groups = {"all": items}
    for lang in sorted({p.lang for p in items}):
        groups[lang] = [p for p in items if p.lang == lang]
    report: dict[str, Any] = {}
    for name, subset in groups.items():
        report[name] = {dimension: scores([_project(p.gold, dimension) for p in subset],
                                          [_project(p.predicted, dimension) for p in subset], classes)
                        for dimension, classes in DIMENSIONS.items()}
    return report


def format_report(report: dict[str, Any]) -> str:
    lines: list[str] = []
    for scope, dims in report.items():
        lines.append(f"== {scope} ==")
        for dimension, result in dims.items():
            classes = list(result["per_class"])
            lines.append(f"{dimension}: n={result['n']}  accuracy={result['accuracy']:.3f}  "
                         f"macro-F1={result['macro_f1']:.3f}")
            lines.append(f"  {'class':<12}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
            for name in classes:
                c = result["per_class"][name]
                lines.append(f"  {name:<12}{c['precision']:>7.3f}{c['recall']:>7.3f}{c['f1']:>7.3f}"
                             f"{c['support']:>6}")
            width = max(len(name) for name in classes) + 2
            lines.append("  confusion (rows gold, columns predicted):")
            lines.append("  " + " " * width + "".join(f"{name[:8]:>9}" for name in classes))
            for gold in classes:
                row = result["confusion"][gold]
                lines.append(f"  {gold:<{width}}" + "".join(f"{row[p]:>9}" for p in classes))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
