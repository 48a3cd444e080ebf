"""What contentlint knows about a language it supports: one `Language` profile per language (see the registry,
`contentlint.languages`), and the letter counts detection reads."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language as Pipeline

_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class TextCounts:
    """Letters of each script in a text, counted once for every language's detection to read."""

    kana: int
    han: int
    hangul: int
    latin: int
    letters: int
    words: tuple[str, ...]  # lower-cased words of the Latin-script text, for function-word counts

    @classmethod
    def of(cls, text: str) -> TextCounts:
        return cls(
            kana=len(_KANA.findall(text)),
            han=len(_HAN.findall(text)),
            hangul=len(_HANGUL.findall(text)),
            latin=len(_LATIN.findall(text)),
            letters=len(_LETTER.findall(text)),
            words=tuple(w.lower() for w in _WORD.findall(text) if _LATIN.match(w)),
        )

    @property
    def cjk(self) -> int:
        return self.kana + self.han

    def has_share(self, count: int, share: float) -> bool:
        """Whether ``count`` letters make up at least ``share`` of all letters."""
        return count >= share * max(self.letters, 1)


@dataclass(frozen=True, slots=True)
class Language:
    """One supported language. ``claims`` is its part of detection (the registry asks each language in turn);
    ``blank`` builds its spaCy pipeline without the classifier (spaCy is imported only when it is called)."""

    code: str
    name: str  # in English, marked for the catalogue: reports show it in the interface language
    claims: Callable[[TextCounts], bool]
    blank: Callable[[str | None], Pipeline]  # the argument: a segmenter to use instead of the default
    unspaced: bool = False  # words are not separated by spaces: cue phrases are also matched on the surface text
    list_separator: str = ", "  # between the items of a list written into a message
    tune: Callable[[Pipeline], Pipeline] | None = None  # speed-ups for a loaded pipeline
