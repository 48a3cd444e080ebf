"""Build and cache one spaCy pipeline per language, offline.

Each language's profile (`contentlint.languages`) describes its blank pipeline as data (tokenizer settings, then
components such as lemmas), which ``base`` builds.
When the package ships a trained model for the language (``contentlint/models/<lang>``), that pipeline is
loaded instead: the same tokenizer and lemmas plus our text classifier.
spaCy is imported inside these functions so that commands which never analyse a post never pay for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from contentlint import languages, packfiles

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from contentlint.nlp.combiner import Combiner

BATCH_SIZE = 64
MODELS_DIR = packfiles.MODELS_DIR
_models_dir = MODELS_DIR
SUPPORTED = languages.codes()


def has_pipeline(lang: str) -> bool:
    return languages.is_supported(lang)


def use_models(directory: Path | None) -> None:
    """Load models from ``directory`` (e.g. a candidate from `contentlint train --output`); None: shipped."""
    global _models_dir
    _models_dir = directory or MODELS_DIR
    load.cache_clear()
    combiner.cache_clear()


def model_dir(lang: str) -> Path:
    return _models_dir / lang


def base(lang: str, segmenter: str | None = None) -> Language:
    """A fresh pipeline without the classifier: tokenizer and lemmas (used for training, and as fallback).
    ``segmenter`` replaces the language's default segmenter, for a language whose tokenizer has a choice."""
    spec = languages.get(lang).pipeline
    from contentlint.nlp.lean_spacy import import_spacy

    spacy = import_spacy()
    tokenizer = dict(spec.tokenizer)
    if segmenter and spec.segmenter:
        tokenizer[spec.segmenter] = segmenter
    nlp: Language = spacy.blank(lang, config={"nlp": {"tokenizer": tokenizer}} if tokenizer else {})
    if spec.components:
        from contentlint.nlp import components  # noqa: F401 - registers our factories before they are added

        for name in spec.components:
            nlp.add_pipe(name)
    return nlp


def _sudachi(nlp: Language) -> Language:
    from contentlint.nlp.japanese import speed_up

    return speed_up(nlp)


def _chunk_cache(nlp: Language) -> Language:
    from contentlint.nlp.chunkcache import keep_caching

    return keep_caching(nlp)


# Speed-ups a language's profile names (`PipelineSpec.tune`), applied to its pipeline once it is loaded.
TUNERS: dict[str, Callable[[Language], Language]] = {"sudachi": _sudachi, "chunk-cache": _chunk_cache}


# A model's tokenizer is its language's own, built from the settings in its config.cfg. The copy `spacy.load` would
# read back from the model folder (kept, so that spaCy alone can load the model) is left unread: reading it rebuilt
# the English tokenizer's 2,700 special cases a second time, 0.11 s of every process that analyses English.
TOKENIZER = ["tokenizer"]
RUN, LONG_TOKEN = 32, 256  # longest symbol run / token the tokenizer is given whole
MAX_TEXT = 50_000_000  # characters; far above any post that max_file_bytes lets through


@cache
def load(lang: str) -> Language:
    """The pipeline for ``lang`` (one per process): the shipped model if there is one, else ``base``."""
    path = model_dir(lang)
    if (path / "config.cfg").is_file():
        from contentlint.nlp.lean_spacy import import_spacy

        spacy = import_spacy()
        from contentlint.nlp import components  # noqa: F401 - registers our factories before loading

        return _faster(spacy.load(path, exclude=TOKENIZER))
    return _faster(base(lang))


def _faster(nlp: Language) -> Language:
    profile = languages.find(nlp.lang or "")
    tune = profile.pipeline.tune if profile is not None else None
    return TUNERS[tune](nlp) if tune is not None else nlp


@cache
def combiner(lang: str, entry: bool = False) -> Combiner | None:
    """The calibrated combiner shipped with the model for ``lang``: the one for calendar entries (``entry``) where
    the model has one, else the one for posts (None for a model without one, or no model)."""
    from contentlint.nlp.combiner import ENTRY_FILE
    from contentlint.nlp.combiner import load as load_combiner

    if entry:  # a model without an entry combiner: the posts' one, read once for both
        return load_combiner(model_dir(lang), ENTRY_FILE) or combiner(lang)
    return load_combiner(model_dir(lang))


def make_docs(lang: str, texts: Iterable[str]) -> Iterator[Doc]:
    """Docs for ``texts`` in order, batched through ``nlp.pipe``; each keeps the text it was made from (`doc_text`)."""
    nlp = load(lang)
    # spaCy's 1,000,000-character guard protects parsers and NER, which we do not run; our own file-size limit
    # (max_file_bytes) bounds a post, so the guard only turned a long, legal post into a crash.
    nlp.max_length = max(nlp.max_length, MAX_TEXT)
    linear = (linear_text(lang, text) for text in texts)
    return _keeping_text(nlp.pipe(((text, text) for text in linear), batch_size=BATCH_SIZE, as_tuples=True))


_TEXT = "contentlint.text"  # the Doc's key in `doc.user_data` for the text it was made from


def _keeping_text(made: Iterator[tuple[Doc, str]]) -> Iterator[Doc]:
    for doc, text in made:
        doc.user_data[_TEXT] = text
        yield doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, free for a Doc from `make_docs`, which keeps the text the Doc was made from (spaCy's tokenizers
    give back that text exactly); `doc.text` itself joins every token anew, a Python Token object each. A Doc made
    elsewhere pays for `doc.text` once, at the first call, and keeps it too (a Doc's text never changes)."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


_SYMBOL_RUN = re.compile(rf"[^\w\s]{{{RUN + 1},}}")
_LONG_WORD = re.compile(rf"\S{{{LONG_TOKEN + 1},}}")


def _break(match: re.Match[str], every: int) -> str:
    run = match.group()
    return "".join(" " if i % every == every - 1 else c for i, c in enumerate(run))


def linear_text(lang: str, text: str) -> str:
    """``text`` with long runs of symbols (and, for space-separated languages, of any non-space) broken by a space
    every few characters, same length so every offset still maps back to the file.

    spaCy's rule tokenizer strips one prefix or suffix at a time, each a search over the rest of the token, so a
    token of n symbols ("Buy now!!!!…", 30,000 emoji) costs n² steps: minutes for a 50 KB post.
    """
    text = _SYMBOL_RUN.sub(lambda m: _break(m, RUN), text)
    profile = languages.find(lang)
    if profile is None or not profile.unspaced:  # Sudachi and the character segmenter read unspaced text in linear time
        text = _LONG_WORD.sub(lambda m: _break(m, LONG_TOKEN), text)
    return text
