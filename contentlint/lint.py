"""The pure core: posts in, findings out. No files, no terminal, no environment."""
from __future__ import annotations

from collections import defaultdict
from itertools import islice
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from contentlint.analysis import Analysis
from contentlint.model import Finding, Post
from contentlint.nlp import pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from contentlint.rules.engine import RuleSet

BATCH = pipeline.BATCH_SIZE


def analyse(posts: Iterable[Post], batch: int = BATCH) -> Iterator[tuple[Post, Doc | None]]:
    """(post, Doc) in input order; one Doc per post, made in ``nlp.pipe`` batches per language.

    Streams: only one batch of posts and Docs is held at a time. Posts in a language without a pipeline get
    no Doc, and spaCy is never imported when no post needs it.
    """
    iterator = iter(posts)
    while chunk := list(islice(iterator, batch)):
        docs: list[Doc | None] = [None] * len(chunk)
        by_lang: dict[str, list[int]] = defaultdict(list)
        for index, post in enumerate(chunk):
            if pipeline.has_pipeline(post.lang):
                by_lang[post.lang].append(index)
        for lang, indexes in by_lang.items():
            for index, doc in zip(indexes, pipeline.make_docs(lang, (chunk[i].text for i in indexes))):
                docs[index] = doc
        yield from zip(chunk, docs)


def lint(posts: Iterable[Post], rules_for: Callable[[Post], RuleSet]) -> Iterator[tuple[Analysis, list[Finding]]]:
    """Analysis and findings per post, in input order, findings sorted by position within each post."""
    for post, doc in analyse(posts):
        ruleset = rules_for(post)
        analysis = ruleset.analyse(post, doc)
        yield analysis, sorted(ruleset.lint(analysis), key=Finding.sort_key)
