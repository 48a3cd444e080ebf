"""English: the language of any text no other language claims (unless it reads as a language we do not support)."""

from __future__ import annotations

import re

from contentlint.i18n import N_
from contentlint.languages.base import Grammar, Language, Morphemes, PipelineSpec, TextCounts

# The commonest English function words: a text in another Latin-script language has few of them.
_FUNCTION_WORDS = """
the a an and or but of to in on at for with from by as is are was were be been it its this that these those you
your we our they their he she his her not no do does did have has had will would can could should how what why
when which who if than then there here about into out up more most all any some one just so also
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


def _claims(counts: TextCounts) -> bool:
    return False  # English is the default: detection falls back to it


# "for shop owners", "built for busy parents", "helps dentists": who the post is for
_AUDIENCE = (
    r"\b(?:for|built for|made for|designed for|helps)\s+(?!(?:our|your|their|my|the|all|"
    r"every|any|this|these|those|more|less|free|just|only|a|an) )((?:busy |small |independent |"
    r"new |remote |local )?[a-z][a-z\-]+(?: [a-z][a-z\-]+)?[^su\s]s)\b"
)
# plural words after "for" that name no audience ("for days", "for more details")
_NOT_AUDIENCE_WORDS = """
days weeks months years hours minutes times others less us yours details questions updates orders items plans this
sales deals savings results things ways tips features prices discounts
"""
_NOT_AUDIENCE = frozenset(_NOT_AUDIENCE_WORDS.split())
# "helps shop owners stop ...", "use Rosterly to save ...": a verb of change follows
_JOB_TRIGGER = (
    r"\b(?:helps?|help|lets)(?: (?:you|your team|teams|[a-z]+ (?:owners|teams|managers)|"
    r"[a-z]+s))? (?=[a-z])|\b(?:so (?:that )?(?:you|they|teams?|your team) can|"
    r"(?:uses?|using) [A-Z][\w-]* to) "
)
# A clause of its own inside a job (find idle servers before the bill arrives, see which pupils need help), or a
# `with` or `without` already: "with Product" after it would attach to them ("...arrives with Stackwise",
# "without nagging with Chorechart").
_CLAUSE = (
    r"(?i)\b(?:which|who|whom|whose|what|when|where|while|before|after|until|unless|because|if|"
    r"that|with|without|you|they)\b"
)
_JOB_WITH_PRODUCT = r"\{(job|Job|job_they)\} with \{product\}"
_THIRD_PERSON = {
    "you": "they",
    "your": "their",
    "yours": "theirs",
    "yourself": "themselves",
    "yourselves": "themselves",
    "you're": "they're",
    "you've": "they've",
    "you'll": "they'll",
}


def _job_forms(job: str, morphemes: Morphemes) -> dict[str, str]:
    """A base-form verb phrase: `job` lower-cased at its start, `Job` capitalised, `job_they` said of others."""
    job = _lower_first(job)
    return {"job": job, "Job": job[:1].upper() + job[1:], "job_they": third_person(job)}


def _lower_first(job: str) -> str:
    first, _, rest = job.partition(" ")
    if first[:1].isupper() and first[1:].islower():
        first = first.lower()
    return f"{first} {rest}".strip()


def third_person(job: str) -> str:
    """The job said of others: "find a sitter you trust" -> "find a sitter they trust" (How dog owners ...)."""
    return re.sub(
        r"\b(?:you're|you've|you'll|yourselves|yourself|yours|your|you)\b",
        lambda m: _THIRD_PERSON[m.group(0).lower()],
        job,
        flags=re.IGNORECASE,
    )


def _arrange(form: str, job: str) -> str:
    """The form with "{job} with {product}" made "use {product} to {job}" when the job holds a clause or a `with` of
    its own (How to use Stackwise to find idle servers before the bill arrives)."""
    if re.search(_CLAUSE, job):
        return re.sub(_JOB_WITH_PRODUCT, lambda m: "use {product} to {" + m.group(1).replace("Job", "job") + "}", form)
    return form


def _mid_sentence(item: str) -> str:
    """A list item reads mid-sentence: "A faster calculation engine" -> "a faster calculation engine"."""
    first, _, rest = item.partition(" ")
    if first in ("A", "An", "The") and rest:
        return f"{first.lower()} {rest}"
    return item


LANGUAGE = Language(
    code="en",
    name=N_("English"),
    claims=_claims,
    # lemmas from the lookup table of spacy-lookups-data; spaCy's tokenizer with its chunk cache kept filling
    pipeline=PipelineSpec(components=("contentlint_en_lemmas",), tune="chunk-cache"),
    grammar=Grammar(
        reader="words",
        audience=_AUDIENCE,
        not_audience=_NOT_AUDIENCE,
        job_trigger=_JOB_TRIGGER,
        job_forms=_job_forms,
        arrange=_arrange,
        mid_sentence=_mid_sentence,
    ),
)
