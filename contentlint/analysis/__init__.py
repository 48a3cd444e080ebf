"""What the rules see for one post: the post, its spaCy Doc, its classification, cue matches and rewrites."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from contentlint.post import Post

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from contentlint.nlp.classifier import Classification
    from contentlint.nlp.cues import CueMatch
    from contentlint.rewrite.rewrites import Rewrites


@dataclass(slots=True)
class Analysis:
    post: Post
    doc: Doc | None = None
    classification: Classification | None = None
    cues: Mapping[str, Sequence[CueMatch]] = field(default_factory=dict)
    rewrites: Rewrites | None = None  # insight-led headlines, for promotional posts
