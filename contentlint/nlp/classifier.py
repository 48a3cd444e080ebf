"""Label, stage, confidence and evidence for a post: the trained text classifier combined with cue matches.

The model (spaCy textcat, trained by `contentlint train`) scores the six (label, stage) classes. Cue matches
from the rule packs shift those scores: each class gains ``weight * log(1 + n)`` for the n cues of its label
(and, for how-tos, of its stage). ``weight`` is chosen by cross-validation on the training data and stored
with the model. Without a model the cues decide alone.

A model trained since issue #15 ships a calibrated combiner (``combiner.json``): a logistic regression over the
text model's scores, the cue counts, the post's structure and its place words, with a temperature, so that the
confidence is a probability; a promotional warning then needs P(promotional) over the combiner's threshold.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contentlint.nlp.cues import CueMatch
from contentlint.taxonomy import CLASSES, GROUP_OF, split_class

if TYPE_CHECKING:
    from contentlint.nlp.combiner import Combiner
    from contentlint.nlp.features import PostFeatures

DEFAULT_CUE_WEIGHT = 0.5
MAX_EVIDENCE = 12


@dataclass(frozen=True, slots=True)
class Classification:
    label: str
    stage: str
    group: str
    confidence: float
    scores: Mapping[str, float]
    evidence: tuple[CueMatch, ...]
    cue_counts: Mapping[str, int]
    p_promotional: float = 0.0  # probability of the promotional group (summed over its classes)
    promotional_warning: bool = False  # promotional, and sure enough for a promotional-class warning

    @property
    def cls(self) -> str:
        return f"{self.label}/{self.stage}"

    @property
    def label_confidence(self) -> float:
        """The probability of the label over all its stages (a how-to sure to be a how-to, unsure whether it is
        for people before or after the purchase, is not an unsure post)."""
        return round(sum(p for cls, p in self.scores.items() if split_class(cls)[0] == self.label), 4)


def cue_bonus(cls: str, counts: Mapping[str, int]) -> float:
    label, stage = split_class(cls)
    bonus = math.log1p(counts.get(label, 0))
    if label == "howto":
        bonus += math.log1p(counts.get(stage, 0))
    return bonus


def combine(model_scores: Mapping[str, float], counts: Mapping[str, int], weight: float) -> dict[str, float]:
    """Class probabilities from model scores (uniform when there is no model) and cue counts."""
    logits = {}
    for cls in CLASSES:
        prior = model_scores.get(cls, 1.0 / len(CLASSES)) if model_scores else 1.0 / len(CLASSES)
        logits[cls] = math.log(max(prior, 1e-6)) + weight * cue_bonus(cls, counts)
    top = max(logits.values())
    exp = {cls: math.exp(value - top) for cls, value in logits.items()}
    total = sum(exp.values())
    return {cls: exp[cls] / total for cls in CLASSES}


def classify(
    model_scores: Mapping[str, float],
    matches: Mapping[str, Sequence[CueMatch]],
    weight: float = DEFAULT_CUE_WEIGHT,
    combiner: Combiner | None = None,
    features: PostFeatures | None = None,
) -> Classification:
    """With a combiner (and the post's features), its calibrated probabilities; else model scores and cues
    combined with ``weight``, and any promotional decision counts as sure."""
    counts = {cue_set: len(found) for cue_set, found in matches.items()}
    if combiner is not None and model_scores:
        from contentlint.nlp.combiner import Inputs

        structure, place = (features.structure, features.place) if features is not None else ({}, ())
        scores = combiner.predict(Inputs(model_scores, counts, structure, place))
    else:
        scores = combine(model_scores, counts, weight)
    p_promotional = sum(p for cls, p in scores.items() if GROUP_OF[split_class(cls)[0]] == "promotional")
    best = max(CLASSES, key=lambda cls: (scores[cls], -CLASSES.index(cls)))
    label, stage = split_class(best)
    threshold = combiner.promo_threshold if combiner is not None and model_scores else 0.0
    sure = GROUP_OF[label] == "promotional" and p_promotional >= threshold
    supporting = [label] + (["pre" if stage == "pre" else "post"] if label == "howto" else [])
    evidence = sorted((m for cue_set in supporting for m in matches.get(cue_set, ())), key=lambda m: m.start)
    return Classification(
        label=label,
        stage=stage,
        group=GROUP_OF[label],
        confidence=round(scores[best], 4),
        scores={cls: round(p, 4) for cls, p in scores.items()},
        evidence=tuple(evidence[:MAX_EVIDENCE]),
        cue_counts=counts,
        p_promotional=round(p_promotional, 4),
        promotional_warning=sure,
    )
