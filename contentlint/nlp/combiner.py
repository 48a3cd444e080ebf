"""The calibrated combiner: a small multinomial logistic regression over the text model's class scores, the cue
counts, the post's structure and its place words, then a temperature.

It is trained on out-of-fold text-model scores (grouped cross-validation, so it learns how far to trust the text
model on sources it has not seen), its temperature is fitted on its own out-of-fold predictions, and it ships as
``combiner.json`` in the model folder. Pure Python over lists and numpy: no spaCy here.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from contentlint.errors import InputError
from contentlint.i18n import N_, Text
from contentlint.nlp.features import STRUCTURE
from contentlint.taxonomy import CLASSES, GROUP_OF, split_class

FILE = "combiner.json"
ENTRY_FILE = "combiner-entries.json"  # for calendar entries: a title and a line, no path, no shape to read
PROMOTIONAL = tuple(i for i, cls in enumerate(CLASSES) if GROUP_OF[split_class(cls)[0]] == "promotional")
FEATURE_SETS = ("cues", "structure", "place")


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the combiner reads for one post."""

    model_scores: Mapping[str, float]
    cue_counts: Mapping[str, int]
    structure: Mapping[str, float]
    place: Sequence[str]


@dataclass(slots=True)
class Combiner:
    features: tuple[str, ...]  # which of FEATURE_SETS it reads
    cue_sets: tuple[str, ...]
    place_vocab: tuple[str, ...]
    weights: list[list[float]] = field(default_factory=list)  # one row per class
    bias: list[float] = field(default_factory=list)
    temperature: float = 1.0
    promo_threshold: float = 1.0  # calibrated P(promotional) a promotional warning needs

    @property
    def names(self) -> list[str]:
        names = [f"model:{cls}" for cls in CLASSES]
        if "cues" in self.features:
            names += [f"cue:{name}" for name in self.cue_sets]
        if "structure" in self.features:
            names += [f"shape:{name}" for name in STRUCTURE]
        if "place" in self.features:
            names += list(self.place_vocab)
        return names

    def vector(self, inputs: Inputs) -> list[float]:
        row = [math.log(max(float(inputs.model_scores.get(cls, 1 / len(CLASSES))), 1e-6)) for cls in CLASSES]
        if "cues" in self.features:
            row += [math.log1p(inputs.cue_counts.get(name, 0)) for name in self.cue_sets]
        if "structure" in self.features:
            row += [float(inputs.structure.get(name, 0.0)) for name in STRUCTURE]
        if "place" in self.features:
            present = set(inputs.place)
            row += [1.0 if word in present else 0.0 for word in self.place_vocab]
        return row

    def logits(self, rows: np.ndarray) -> np.ndarray:
        logits: np.ndarray = rows @ np.asarray(self.weights, dtype=np.float64).T + np.asarray(
            self.bias, dtype=np.float64
        )
        return logits

    def probabilities(self, rows: np.ndarray, calibrated: bool = True) -> np.ndarray:
        return softmax(self.logits(rows) / (self.temperature if calibrated else 1.0))

    def predict(self, inputs: Inputs) -> dict[str, float]:
        probs = self.probabilities(np.asarray([self.vector(inputs)], dtype=np.float64))[0]
        return {cls: float(p) for cls, p in zip(CLASSES, probs, strict=True)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "cue_sets": list(self.cue_sets),
            "place_vocab": list(self.place_vocab),
            "weights": [[round(w, 6) for w in row] for row in self.weights],
            "bias": [round(b, 6) for b in self.bias],
            "temperature": round(self.temperature, 4),
            "promo_threshold": round(self.promo_threshold, 4),
            "classes": list(CLASSES),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Combiner:
        if tuple(data.get("classes", CLASSES)) != CLASSES:
            raise ValueError(Text(N_("combiner classes differ from this version's classes")))
        return cls(
            features=tuple(data["features"]),
            cue_sets=tuple(data["cue_sets"]),
            place_vocab=tuple(data["place_vocab"]),
            weights=[list(map(float, r)) for r in data["weights"]],
            bias=[float(b) for b in data["bias"]],
            temperature=float(data["temperature"]),
            promo_threshold=float(data["promo_threshold"]),
        )

    def save(self, folder: Path, name: str = FILE) -> None:
        (folder / name).write_text(
            json.dumps(self.to_dict(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )


def load(folder: Path, name: str = FILE) -> Combiner | None:
    path = folder / name
    if not path.is_file():
        return None
    try:
        return Combiner.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except ValueError as exc:  # a model folder made by another version: the user's input, not a crash
        raise InputError(str(exc) if not isinstance(exc.args[0], Text) else exc.args[0], str(path)) from None


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    probabilities: np.ndarray = exp / exp.sum(axis=1, keepdims=True)
    return probabilities


def promotional_probability(probs: np.ndarray) -> np.ndarray:
    promotional: np.ndarray = probs[:, list(PROMOTIONAL)].sum(axis=1)
    return promotional


def place_vocabulary(places: Sequence[Sequence[str]], groups: Sequence[str], min_groups: int = 5) -> tuple[str, ...]:
    """Place words seen in at least ``min_groups`` sources: a word one repository uses says nothing general."""
    seen: dict[str, set[str]] = {}
    for words, group in zip(places, groups, strict=True):
        for word in words:
            seen.setdefault(word, set()).add(group)
    return tuple(sorted(word for word, owners in seen.items() if len(owners) >= min_groups))


def fit(
    combiner: Combiner,
    inputs: Sequence[Inputs],
    gold: Sequence[str],
    weights: Sequence[float],
    l2: float = 0.01,
    steps: int = 400,
    learn_rate: float = 0.1,
    balance: bool = False,
) -> Combiner:
    """Weights by full-batch gradient descent (Adam, fixed steps: deterministic) on the weighted cross-entropy
    (with ``balance``, each class weighing the same in total); temperature left at 1."""
    x = np.asarray([combiner.vector(item) for item in inputs], dtype=np.float64)
    y = np.zeros((len(gold), len(CLASSES)))
    y[np.arange(len(gold)), [CLASSES.index(g) for g in gold]] = 1.0
    sample = np.asarray(weights, dtype=np.float64)
    per_class = (y * sample[:, None]).sum(axis=0)
    present = per_class > 0
    if balance:
        class_weight = np.where(present, sample.sum() / (present.sum() * np.maximum(per_class, 1e-9)), 0.0)
        sample = sample * (y @ class_weight)
    sample = sample / sample.sum()
    w = np.zeros((len(CLASSES), x.shape[1]))
    b = np.zeros(len(CLASSES))
    state = [np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)]
    for step in range(1, steps + 1):
        probs = softmax(x @ w.T + b)
        delta = (probs - y) * sample[:, None]
        grads = (delta.T @ x + l2 * w, delta.sum(axis=0))
        for k, (param, grad) in enumerate(zip((w, b), grads, strict=True)):
            m, v = state[2 * k], state[2 * k + 1]
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= learn_rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    combiner.weights = w.tolist()
    combiner.bias = b.tolist()
    combiner.temperature = 1.0
    return combiner


def fit_temperature(logits: np.ndarray, gold: Sequence[str]) -> float:
    """The temperature that minimises the negative log-likelihood of ``gold`` (grid over log T, then refined)."""
    index = np.asarray([CLASSES.index(g) for g in gold])

    def nll(t: float) -> float:
        probs = softmax(logits / t)
        return float(-np.log(np.maximum(probs[np.arange(len(index)), index], 1e-12)).mean())

    grid = np.exp(np.linspace(math.log(0.2), math.log(10.0), 81))
    best = min(grid, key=nll)
    fine = best * np.exp(np.linspace(-0.05, 0.05, 21))
    return float(min(fine, key=nll))
