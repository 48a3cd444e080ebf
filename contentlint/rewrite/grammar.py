"""A job in the shape each headline needs: English base-form verb phrases, Japanese dictionary (連体) and past
forms conjugated from Sudachi's inflection types, Chinese verb phrases as written; and a headline form arranged
around a job that would read wrongly in it."""

from __future__ import annotations

import re
from functools import lru_cache

_POLITE = re.compile(r"(?:ます|ました|です|でした)$")
# A clause of its own inside an English job (find idle servers before the bill arrives, see which pupils need
# help), or a `with` or `without` already: "with Product" after it would attach to them ("...arrives with
# Stackwise", "without nagging with Chorechart").
_EN_CLAUSE = re.compile(
    r"\b(?:which|who|whom|whose|what|when|where|while|before|after|until|unless|because|if|"
    r"that|with|without|you|they)\b",
    re.IGNORECASE,
)
_EN_JOB_WITH_PRODUCT = re.compile(r"\{(job|Job|job_they)\} with \{product\}")
_ZH_JOB_DE = re.compile(r"\{job\}的(?=[0-9一二三四五六七八九十几]+个)")
_EN_THIRD_PERSON = {
    "you": "they",
    "your": "their",
    "yours": "theirs",
    "yourself": "themselves",
    "yourselves": "themselves",
    "you're": "they're",
    "you've": "they've",
    "you'll": "they'll",
}
_GODAN_PAST = {
    "く": "いた",
    "ぐ": "いだ",
    "す": "した",
    "つ": "った",
    "る": "った",
    "う": "った",
    "ぬ": "んだ",
    "ぶ": "んだ",
    "む": "んだ",
}


def forms(job: str, lang: str) -> dict[str, str]:
    """The placeholders a job fills: `job` (and `Job` capitalised) everywhere; Japanese adds `job_past`."""
    job = job.strip().rstrip("。.!！")
    if lang == "ja":
        plain = ja_plain(job)
        # 「〜を忘れなかった事例」: a negative past reads as nothing happening, not as a customer's result
        return {"job": plain} if ja_negative(plain) else {"job": plain, "job_past": ja_past(plain)}
    if lang == "zh":
        return {"job": job}
    job = _en_lower_first(job)
    return {"job": job, "Job": job[:1].upper() + job[1:], "job_they": en_third_person(job)}


def arrange(form: str, job: str, lang: str) -> str:
    """The headline form, rearranged where the job would read wrongly in it: in English "{job} with {product}"
    becomes "use {product} to {job}" when the job holds a clause or a `with` of its own (How to use Stackwise to
    find idle servers before the bill arrives); in Chinese "{job}的3个方法" becomes "{job}：3个方法" when the job
    has a 的 already (用排班宝十分钟排好下周的班：3个方法, not 下周的班的3个方法)."""
    if lang == "en" and _EN_CLAUSE.search(job):
        return _EN_JOB_WITH_PRODUCT.sub(lambda m: "use {product} to {" + m.group(1).replace("Job", "job") + "}", form)
    if lang == "zh" and "的" in job:
        return _ZH_JOB_DE.sub("{job}：", form)
    return form


def en_third_person(job: str) -> str:
    """The job said of others: "find a sitter you trust" -> "find a sitter they trust" (How dog owners ...)."""
    return re.sub(
        r"\b(?:you're|you've|you'll|yourselves|yourself|yours|your|you)\b",
        lambda m: _EN_THIRD_PERSON[m.group(0).lower()],
        job,
        flags=re.IGNORECASE,
    )


def ja_negative(plain: str) -> bool:
    """Whether a Japanese job ends in a negative (忘れない, 待たない; not 少ない, an adjective)."""
    tokens = _ja_tokens(plain)
    return bool(tokens) and tokens[-1][1].startswith("助動詞") and tokens[-1][2] in ("ない", "ぬ", "ず")


def _en_lower_first(job: str) -> str:
    first, _, rest = job.partition(" ")
    if first[:1].isupper() and first[1:].islower():
        first = first.lower()
    return f"{first} {rest}".strip()


@lru_cache(maxsize=512)
def _ja_tokens(text: str) -> tuple[tuple[str, str, str, str], ...]:
    from contentlint.nlp import pipeline

    return tuple((t.text, t.tag_, t.lemma_, str(t.morph)) for t in pipeline.load("ja")(text))


def ja_plain(job: str) -> str:
    """A Japanese job ending in a dictionary-form predicate, so 「〜ための」「〜方法」 can follow: polite endings
    go (終わります -> 終わる), a サ変 noun takes する (削減 -> 削減する), a noun phrase takes を実現する."""
    tokens = list(_ja_tokens(job))
    while (tokens and tokens[-1][1].startswith("助動詞") and _POLITE.search(tokens[-1][0])) or (
        tokens and tokens[-1][1].startswith("補助記号")
    ):
        tokens.pop()
    if not tokens:
        return job
    text, tag, lemma, _morph = tokens[-1]
    head = "".join(t[0] for t in tokens[:-1])
    if tag.startswith(("動詞", "形容詞")):
        return head + lemma if lemma and lemma != text and not lemma.isascii() else head + text
    if "サ変可能" in tag and not head.endswith("の"):  # 手間を削減 -> 手間を削減する; 決算の短縮 is a noun phrase
        return head + text + "する"
    if tag.startswith("助動詞") and text in ("する", "できる", "られる", "れる", "せる", "させる", "ない", "たい"):
        return head + text
    return head + text + "を実現する"


def ja_past(plain: str) -> str:
    """The past form of a dictionary-form job (削減する -> 削減した, 減らす -> 減らした, 終える -> 終えた)."""
    tokens = _ja_tokens(plain)
    if not tokens:
        return plain
    text, _tag, _lemma, morph = tokens[-1]
    head = plain[: len(plain) - len(text)]
    if text.endswith("する"):
        return head + text[:-2] + "した"
    if text == "くる" or text == "来る":
        return head + text[:-1] + "た" if text == "来る" else head + "きた"
    if text in ("行く", "いく"):
        return head + text[:-1] + "った"
    if text.endswith("ない"):
        return head + text[:-1] + "かった"
    if "五段" in morph and text[-1:] in _GODAN_PAST:
        return head + text[:-1] + _GODAN_PAST[text[-1]]
    if text.endswith("る"):
        return head + text[:-1] + "た"
    if text.endswith("い"):  # an adjective: 早い -> 早かった
        return head + text[:-1] + "かった"
    return plain
