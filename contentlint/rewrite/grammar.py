"""A job in the shape each headline needs, and a headline form arranged around a job that would read wrongly in
it. The grammar of each language is its profile's (`contentlint.languages`, `Grammar`): English base-form verb
phrases, Japanese dictionary (連体) and past forms conjugated from Sudachi's inflection types, Chinese verb phrases
as written. This module gives it the language's tokens."""

from __future__ import annotations

from functools import lru_cache, partial

from contentlint import languages
from contentlint.languages.base import Morpheme


def forms(job: str, lang: str) -> dict[str, str]:
    """The placeholders a job fills: `job` everywhere, and what the language adds (English `Job` capitalised and
    `job_they`, Japanese `job_past`)."""
    job = job.strip().rstrip("。.!！")
    return languages.get(lang).grammar.job_forms(job, partial(morphemes, lang))


def arrange(form: str, job: str, lang: str) -> str:
    """The headline form, rearranged where the job would read wrongly in it (the language's grammar says how)."""
    return languages.get(lang).grammar.arrange(form, job)


@lru_cache(maxsize=512)
def morphemes(lang: str, text: str) -> tuple[Morpheme, ...]:
    """The tokens of ``text`` in ``lang``'s pipeline: text, tag, lemma and morphology."""
    from contentlint.nlp import pipeline

    return tuple((t.text, t.tag_, t.lemma_, str(t.morph)) for t in pipeline.load(lang)(text))
