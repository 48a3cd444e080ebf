"""The analysis step: a post and its spaCy Doc in, one Analysis out (cue matches, classification, rewrites).

Rules only read what this step made; it knows nothing of them. The cue lexicon and the rewrite forms come from the
rule packs, which the layer above reads and passes down.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from contentlint.analysis import Analysis
from contentlint.brief import Brief
from contentlint.nlp import pipeline
from contentlint.nlp.classifier import DEFAULT_CUE_WEIGHT, classify
from contentlint.nlp.cues import CueMatcher
from contentlint.nlp.features import post_features, reads_as_entry
from contentlint.post import Post
from contentlint.rewrite.extract import extract as extract_slots
from contentlint.rewrite.forms import build as build_rewrites

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Analyser:
    """Analyses posts with one cue lexicon, rewrite forms and brief; cue matchers are compiled per language once."""

    def __init__(
        self,
        cues: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
        rewrite_forms: Mapping[str, Any] | None = None,
        brief: Brief | None = None,
    ) -> None:
        self.cues = cues or {}
        self.rewrite_forms = rewrite_forms or {}
        self.brief = brief
        self._cue_matchers: dict[str, CueMatcher] = {}

    def warm_up(self, lang: str) -> None:
        """Load ``lang``'s pipeline and compile its cue matcher now (before workers are forked)."""
        if pipeline.has_pipeline(lang):
            self._cue_matcher(lang)

    def _cue_matcher(self, lang: str) -> CueMatcher:
        if lang not in self._cue_matchers:
            self._cue_matchers[lang] = CueMatcher(pipeline.load(lang), lang, self.cues)
        return self._cue_matchers[lang]

    def __call__(self, post: Post, doc: Doc | None) -> Analysis:
        """Cue matches, classification and (for a promotional post) rewrites; a post without a Doc (a language
        with no pipeline) gets an Analysis with none of them."""
        if doc is None:
            return Analysis(post)
        matches = self._cue_matcher(post.lang)(doc)
        meta = pipeline.load(post.lang).meta.get("contentlint", {})
        weight = float(meta.get("cue_weight", DEFAULT_CUE_WEIGHT))
        combiner = pipeline.combiner(post.lang, entry=reads_as_entry(post))
        features = post_features(post) if combiner is not None else None  # only a combiner reads them
        classification = classify(doc.cats, matches, weight, combiner, features)
        rewrites = None
        if classification.group == "promotional":
            rewrites = build_rewrites(
                extract_slots(post, doc, matches, self.brief), self.rewrite_forms, post.lang, classification.stage
            )
        return Analysis(post, doc, classification, matches, rewrites)
