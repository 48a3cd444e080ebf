"""Build and cache one spaCy pipeline per language, offline.

English: ``spacy.blank("en")`` plus a lemmatizer backed by the lookup table of spacy-lookups-data.
Japanese: ``spacy.blank("ja")``, tokenised by SudachiPy in split mode A (shortest units), so that a cue
phrase and the same words inside a longer compound split the same way as often as possible.
Chinese: ``spacy.blank("zh")`` with ``ZH_SEGMENTER`` (see bench/zh_segmenter.py for the measurement behind it).
When the package ships a trained model for the language (``contentlint/models/<lang>``), that pipeline is
loaded instead: the same tokenizer and lemmas plus our text classifier.
spaCy is imported inside these functions so that commands which never analyse a post never pay for it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from contentlint.lang import SUPPORTED

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

BATCH_SIZE = 64
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
_models_dir = MODELS_DIR
ZH_SEGMENTER = "char"


def has_pipeline(lang: str) -> bool:
    return lang in SUPPORTED


def use_models(directory: Path | None) -> None:
    """Load models from ``directory`` (e.g. a candidate from `contentlint train --output`); None: shipped."""
    global _models_dir
    _models_dir = directory or MODELS_DIR
    load.cache_clear()


def model_dir(lang: str) -> Path:
    return _models_dir / lang


def base(lang: str, segmenter: str | None = None) -> Language:
    """A fresh pipeline without the classifier: tokenizer and lemmas (used for training, and as fallback)."""
    import spacy

    from contentlint.nlp import components

    if lang == "en":
        nlp = spacy.blank("en")
        nlp.add_pipe(components.LEMMAS)
        return nlp
    if lang == "ja":
        return spacy.blank("ja", config={"nlp": {"tokenizer": {"split_mode": "A"}}})
    if lang == "zh":
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter or ZH_SEGMENTER}}})
        nlp.add_pipe(components.FORM_LEMMAS)
        return nlp
    raise KeyError(lang)


@lru_cache(maxsize=None)
def load(lang: str) -> Language:
    """The pipeline for ``lang`` (one per process): the shipped model if there is one, else ``base``."""
    path = model_dir(lang)
    if (path / "config.cfg").is_file():
        import spacy

        from contentlint.nlp import components  # noqa: F401 - registers our factories before loading

        return spacy.load(path)
    return base(lang)


def make_docs(lang: str, texts: Iterable[str]) -> Iterator[Doc]:
    """Docs for ``texts`` in order, batched through ``nlp.pipe``."""
    return load(lang).pipe(texts, batch_size=BATCH_SIZE)
