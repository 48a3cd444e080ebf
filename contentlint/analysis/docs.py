"""spaCy Docs for a stream of posts: the first part of the analysis step, batched per language."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from contentlint.nlp import pipeline
from contentlint.post import Post

if TYPE_CHECKING:
    from spacy.tokens import Doc

BATCH = pipeline.BATCH_SIZE


OnError = Callable[[Post, Exception], None] | None


def with_docs(posts: Iterable[Post], batch: int = BATCH, on_error: OnError = None) -> Iterator[tuple[Post, Doc | None]]:
    """(post, Doc) in input order; one Doc per post, made in ``nlp.pipe`` batches per language.

    Streams: only one batch of posts and Docs is held at a time. Posts in a language without a pipeline get
    no Doc, and spaCy is never imported when no post needs it. With ``on_error``, a post whose text the pipeline
    fails on is handed to it and left out; the rest of its batch is still analysed.
    """
    iterator = iter(posts)
    while chunk := list(islice(iterator, batch)):
        docs: list[Doc | None] = [None] * len(chunk)
        failed: set[int] = set()
        by_lang: dict[str, list[int]] = defaultdict(list)
        for index, post in enumerate(chunk):
            if pipeline.has_pipeline(post.lang):
                by_lang[post.lang].append(index)
        for lang, indexes in by_lang.items():
            # Posts with the same text (calendar entries pointing at one draft) share one Doc: rules only read it.
            first: dict[str, int] = {}
            for index in indexes:
                first.setdefault(chunk[index].text, index)
            try:
                unique = list(first.values())
                for index, doc in zip(unique, pipeline.make_docs(lang, (chunk[i].text for i in unique)), strict=True):
                    docs[index] = doc
                for index in indexes:
                    docs[index] = docs[first[chunk[index].text]]
            except Exception:
                if on_error is None:
                    raise
                for index in indexes:  # one at a time, so only the post at fault is lost
                    try:
                        docs[index] = next(iter(pipeline.make_docs(lang, [chunk[index].text])))
                    except Exception as exc:
                        on_error(chunk[index], exc)
                        failed.add(index)
        yield from (
            (post, doc) for index, (post, doc) in enumerate(zip(chunk, docs, strict=True)) if index not in failed
        )
