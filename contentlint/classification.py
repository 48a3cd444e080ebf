"""What `contentlint.classify_text` answers: a post's label, group, stage, confidence and evidence, with the
evidence at its line and column in the text (no spaCy objects, so it can be kept, compared and sent)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contentlint.analysis import Analysis


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of text that drove the decision: the words, where they start (1-based), and the cue set."""

    text: str
    line: int
    column: int
    cue: str


@dataclass(frozen=True, slots=True)
class Classification:
    """``label``: product, sale, release (the promotional ``group``) or problem, howto (insight); ``stage``: pre,
    at or post (purchase); ``confidence`` from 0 to 1; ``lang``: the language the post was read in."""

    label: str
    group: str
    stage: str
    confidence: float
    lang: str
    evidence: tuple[Evidence, ...]

    @classmethod
    def of(cls, analysis: Analysis) -> Classification | None:
        """The classification of an analysed post (None when its language has no pipeline)."""
        post, c = analysis.post, analysis.classification
        if c is None:
            return None
        evidence = tuple(
            Evidence(match.text, *post.source_map.line_col(match.start), match.cue_set) for match in c.evidence
        )
        return cls(c.label, c.group, c.stage, c.confidence, post.lang, evidence)
