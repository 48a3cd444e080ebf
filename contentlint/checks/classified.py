"""Rule kinds on the classification: promotional posts without a problem or outcome, declared vs detected
stage, low confidence."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from contentlint import optionschema as opt
from contentlint.analysis import Analysis
from contentlint.checks.protocol import Hit, PostChecker
from contentlint.i18n import N_, Text
from contentlint.optionschema import Option
from contentlint.taxonomy import GROUPS, LABELS, STAGES

if TYPE_CHECKING:
    from spacy.language import Language


def _labels_check(value: Any) -> str | None:
    problem = opt.STRING_LIST(value)
    if problem:
        return problem
    unknown = [v for v in value if v not in LABELS and v not in GROUPS]
    return (
        f"unknown label or group {unknown[0]!r} (labels: {', '.join(LABELS)}; groups: {', '.join(GROUPS)})"
        if unknown
        else None
    )


def _fraction(value: Any) -> str | None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1
    return None if ok else Text(N_("expected a number from 0 to 1"))


def _title_hit(analysis: Analysis, values: Mapping[str, Any]) -> Hit:
    post = analysis.post
    end = post.body_start if post.body_start else min(len(post.text), 1)
    return Hit(0, max(len(post.text[:end].rstrip()), 1), values=values)


def _values(analysis: Analysis) -> dict[str, Any]:
    c = analysis.classification
    assert c is not None
    return {
        "label": c.label,
        "stage": c.stage,
        "group": c.group,
        "confidence": f"{c.confidence:.0%}",
        "evidence": ", ".join(f"“{text}”" for text in list(dict.fromkeys(m.text for m in c.evidence))[:5]) or "—",
    }


class _WithoutCues:
    def __init__(self, labels: Sequence[str], cue_sets: Sequence[str], min_confidence: float) -> None:
        self.labels, self.cue_sets, self.min_confidence = set(labels), list(cue_sets), min_confidence

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        c = analysis.classification
        if c is None or not ({c.label, c.group} & self.labels) or c.confidence < self.min_confidence:
            return
        if c.group == "promotional" and not c.promotional_warning:  # not sure enough to warn (issue #15)
            return
        if any(analysis.cues.get(cue_set) for cue_set in self.cue_sets):
            return
        yield _title_hit(analysis, {**_values(analysis), "cues": ", ".join(self.cue_sets)})


class WithoutCuesKind:
    """Posts of the given labels/groups that contain no cue of the given cue sets."""

    name = "without-cues"
    scope = "post"
    needs_doc = True
    schema: Mapping[str, Option] = {
        "labels": Option(_labels_check, required=True, help="labels or groups the rule applies to"),
        "cue_sets": Option(opt.STRING_LIST, required=True, help="cue sets of which at least one must match"),
        "min_confidence": Option(_fraction, default=0.0, help="only posts classified at least this surely"),
    }

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        return None

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> PostChecker:
        return _WithoutCues(params["labels"], params["cue_sets"], float(params["min_confidence"]))


class _DeclaredStage:
    def __init__(self, field: str, min_confidence: float) -> None:
        self.field, self.min_confidence = field, min_confidence

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        c, post = analysis.classification, analysis.post
        declared = str(post.fields.get(self.field, "")).strip().lower()
        if c is None or declared not in STAGES or declared == c.stage or c.confidence < self.min_confidence:
            return
        path, position = post.field_location(self.field)
        yield Hit(position=position, path=path, values={**_values(analysis), "declared": declared, "detected": c.stage})


class DeclaredStageKind:
    """The writer's declared `stage` disagrees with the detected one."""

    name = "declared-stage"
    scope = "post"
    needs_doc = True
    schema: Mapping[str, Option] = {
        "field": Option(opt.STRING, default="stage", help="front-matter field holding the declared stage"),
        "min_confidence": Option(_fraction, default=0.5, help="only when the detection is at least this sure"),
    }

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        return None

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> PostChecker:
        return _DeclaredStage(params["field"], float(params["min_confidence"]))


class _LowConfidence:
    def __init__(self, below: float) -> None:
        self.below = below

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        c = analysis.classification
        if c is not None and c.label_confidence < self.below:
            yield _title_hit(analysis, {**_values(analysis), "confidence": f"{c.label_confidence:.0%}"})


class LowConfidenceKind:
    """The classifier is unsure of the label (its probability summed over the label's stages): say so, with the
    evidence it had."""

    name = "low-confidence"
    scope = "post"
    needs_doc = True
    schema: Mapping[str, Option] = {
        "below": Option(_fraction, default=0.5, help="confidence under which the rule fires")
    }

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        return None

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> PostChecker:
        return _LowConfidence(float(params["below"]))
