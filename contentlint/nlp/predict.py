"""Classify labelled records with the shipped pipeline (or a given one) exactly as posts are classified."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from contentlint.errors import InputError
from contentlint.nlp import pipeline
from contentlint.nlp.classifier import Classification, classify
from contentlint.nlp.corpus import Record, record_post
from contentlint.nlp.cues import CueMatch, CueMatcher
from contentlint.nlp.features import post_features, reads_as_entry
from contentlint.nlp.lexicon import default_cues
from contentlint.post import Post

if TYPE_CHECKING:
    from spacy.language import Language


def scored(
    records: Sequence[Record],
    nlp: Language,
    cues: dict[str, dict[str, tuple[str, ...]]],
) -> Iterator[tuple[Record, Post, dict[str, float], dict[str, list[CueMatch]]]]:
    """(record, post, model scores, cue matches) per record that has prose; records are of one language."""
    posts = []
    for record in records:
        try:
            posts.append((record, record_post(record)))
        except InputError:
            continue
    if not posts:
        return
    matcher = CueMatcher(nlp, posts[0][1].lang, cues)
    nlp.max_length = max(nlp.max_length, pipeline.MAX_TEXT)
    texts = (pipeline.linear_text(p.lang, p.text) for _r, p in posts)
    for (record, post), doc in zip(posts, nlp.pipe(texts, batch_size=pipeline.BATCH_SIZE), strict=True):
        yield record, post, dict(doc.cats), matcher(doc)


def classify_records(
    records: Iterable[Record],
    weight_for: Callable[[str], float] | None = None,
) -> Iterator[tuple[Record, Classification]]:
    """Each record (of a supported language) with its classification by the shipped models."""
    by_lang: dict[str, list[Record]] = {}
    for record in records:
        if pipeline.has_pipeline(record.lang):
            by_lang.setdefault(record.lang, []).append(record)
    cues = default_cues()
    for lang in sorted(by_lang):
        nlp = pipeline.load(lang)
        weight = weight_for(lang) if weight_for else float(nlp.meta.get("contentlint", {}).get("cue_weight", 0.5))
        for record, post, scores, matches in scored(by_lang[lang], nlp, cues):
            combiner = pipeline.combiner(lang, entry=reads_as_entry(post))
            yield (
                record,
                classify(scores, matches, weight, combiner, post_features(post) if combiner is not None else None),
            )
