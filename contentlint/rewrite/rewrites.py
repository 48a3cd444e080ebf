"""What the rewrite step hands on: outlines (headline and sections), the questions for the writer, the slots it
filled. Plain data, so that a result-cache hit reads it back without the rewrite machinery (`forms.build`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Section:
    part: str  # problem, steps, proof, offer
    text: str


@dataclass(frozen=True, slots=True)
class Outline:
    headline: str
    stage_from: str
    stage_to: str
    sections: tuple[Section, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "headline": self.headline,
            "stage": {"from": self.stage_from, "to": self.stage_to},
            "sections": [{"part": s.part, "text": s.text} for s in self.sections],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Outline:
        return cls(
            data["headline"],
            data["stage"]["from"],
            data["stage"]["to"],
            tuple(Section(s["part"], s["text"]) for s in data["sections"]),
        )


@dataclass(frozen=True, slots=True)
class Question:
    slot: str
    question: str
    brief_field: str

    def to_dict(self) -> dict[str, str]:
        return {"slot": self.slot, "question": self.question, "brief_field": self.brief_field}


@dataclass(frozen=True, slots=True)
class Rewrites:
    outlines: tuple[Outline, ...]
    questions: tuple[Question, ...]
    slots: Mapping[str, Any]  # slot name -> {value, source} | None, or a list of them (jobs, features)

    @property
    def headlines(self) -> tuple[str, ...]:
        return tuple(o.headline for o in self.outlines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "headlines": list(self.headlines),
            "outlines": [o.to_dict() for o in self.outlines],
            "slots": dict(self.slots),
            "questions": [q.to_dict() for q in self.questions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Rewrites:
        return cls(
            tuple(Outline.from_dict(o) for o in data["outlines"]),
            tuple(Question(q["slot"], q["question"], q["brief_field"]) for q in data["questions"]),
            data["slots"],
        )
