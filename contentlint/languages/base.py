"""What contentlint knows about a language it supports: one `Language` profile per language (see the registry,
`contentlint.languages`), and the letter counts detection reads.

A profile is data and small functions on strings: it imports nothing of contentlint's analysis. Where a fact is
code that reads spaCy Docs (the pipeline's speed-ups, rewrite's readers of names and jobs), the profile names it
and the layer that owns that code looks the name up (`contentlint.nlp.pipeline.TUNERS`,
`contentlint.rewrite.extract.READERS`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

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


Morpheme = tuple[str, str, str, str]  # one token as the rewrite grammar reads it: text, tag, lemma, morphology
Morphemes = Callable[[str], Sequence[Morpheme]]  # a text's tokens, from the language's pipeline


def _as_is(text: str) -> str:
    return text


def _form_as_is(form: str, job: str) -> str:
    return form


def _job_as_is(job: str, morphemes: Morphemes) -> dict[str, str]:
    return {"job": job}


# Grammar and PipelineSpec are NamedTuples: a frozen dataclass costs ten times as long to define, and every process
# that reads a file imports this module (python -X importtime).
class PipelineSpec(NamedTuple):
    """The spaCy pipeline of a language without the classifier, as data: `contentlint.nlp.pipeline` builds
    ``spacy.blank(code)`` with these tokenizer settings and adds these components."""

    tokenizer: Mapping[str, str] = MappingProxyType({})  # spaCy's [nlp.tokenizer] settings
    segmenter: str | None = None  # the tokenizer setting naming the segmenter, which a caller may replace (bench/)
    components: tuple[str, ...] = ()  # spaCy factories (contentlint.nlp.components registers ours), in order
    tune: str | None = None  # a speed-up for the loaded pipeline, by its name in contentlint.nlp.pipeline.TUNERS


class Grammar(NamedTuple):
    """How insight-led rewrites read and write a language: what a post says about its audience, how a job is
    put into each headline's placeholders, and how headline forms bend around a job."""

    reader: str  # how names and jobs are read from a Doc: a key of contentlint.rewrite.extract.READERS
    # Patterns are kept as text, compiled (and cached by `re`) on first use: detection, at every start, needs none.
    audience: str  # group 1: who a post says it is for ("for shop owners", 店長向け, 专为店长打造)
    not_audience: frozenset[str] = frozenset()  # last words of an audience match that name none ("for days")
    job_trigger: str | None = None  # a job also starts after a match, besides the outcome cues
    job_forms: Callable[[str, Morphemes], dict[str, str]] = _job_as_is  # a job's placeholders (job, Job, job_past ...)
    arrange: Callable[[str, str], str] = _form_as_is  # (form, job) -> the form rearranged where the job reads wrongly
    mid_sentence: Callable[[str], str] = _as_is  # a list item as it reads inside a sentence


@dataclass(frozen=True, slots=True)
class Language:
    """One supported language. ``claims`` is its part of detection (the registry asks each language in turn);
    ``pipeline`` is its spaCy pipeline without the classifier, ``grammar`` how its rewrites are written."""

    code: str
    name: str  # in English, marked for the catalogue: reports show it in the interface language
    claims: Callable[[TextCounts], bool]
    pipeline: PipelineSpec
    grammar: Grammar
    unspaced: bool = False  # words are not separated by spaces: cue phrases are also matched on the surface text
    list_separator: str = ", "  # between the items of a list written into a message
