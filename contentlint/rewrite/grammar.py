"""A job in the shape each headline needs: English base-form verb phrases, Japanese dictionary (連体) and past
forms conjugated from Sudachi's inflection types, Chinese verb phrases as written."""
from __future__ import annotations

import re
from functools import lru_cache

_POLITE = re.compile(r"(?:ます|ました|です|でした)$")
_GODAN_PAST = {"く": "いた", "ぐ": "いだ", "す": "した", "つ": "った", "る": "った", "う": "った", "ぬ": "んだ",
               "ぶ": "んだ", "む": "んだ"}


def forms(job: str, lang: str) -> dict[str, str]:
    """The placeholders a job fills: `job` (and `Job` capitalised) everywhere; Japanese adds `job_past`."""
    job = job.strip().rstrip("。.!！")
    if lang == "ja":
        plain = ja_plain(job)
        return {"job": plain, "job_past": ja_past(plain)}
    if lang == "zh":
        return {"job": job}
    job = _en_lower_first(job)
    return {"job": job, "Job": job[:1].upper() + job[1:]}


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
    while tokens and tokens[-1][1].startswith("助動詞") and _POLITE.search(tokens[-1][0]) or \
            tokens and tokens[-1][1].startswith("補助記号"):
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
