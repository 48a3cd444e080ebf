"""Japanese: kana mark it; tokenised by SudachiPy in split mode A (shortest units), so that a cue phrase and the
same words inside a longer compound split the same way as often as possible."""

from __future__ import annotations

import re

from contentlint.i18n import N_
from contentlint.languages.base import Grammar, Language, Morphemes, PipelineSpec, TextCounts

CJK_SHARE = 0.3  # CJK has to make up a real share of the letters: an English post quoting one word stays English


def _claims(counts: TextCounts) -> bool:
    return counts.kana > 0 and counts.has_share(counts.cjk, CJK_SHARE)


# 店長向け, 経理担当の皆様: who the post is for (not お客様 or 皆様, the reader in general)
_AUDIENCE = r"(?<![お御])(?!客様|皆様|皆さま)([\u4e00-\u9fffァ-ヴー]{2,12})(?:向け|の皆さま|の皆様|の方に|の方へ)"
_POLITE = r"(?:ます|ました|です|でした)$"
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


def _job_forms(job: str, morphemes: Morphemes) -> dict[str, str]:
    """The dictionary (連体) form as `job` and the past as `job_past`, conjugated from Sudachi's inflection types;
    「〜を忘れなかった事例」: a negative past reads as nothing happening, not as a customer's result, so none."""
    dictionary_form = plain(job, morphemes)
    if negative(dictionary_form, morphemes):
        return {"job": dictionary_form}
    return {"job": dictionary_form, "job_past": past(dictionary_form, morphemes)}


def negative(job: str, morphemes: Morphemes) -> bool:
    """Whether a job ends in a negative (忘れない, 待たない; not 少ない, an adjective)."""
    tokens = morphemes(job)
    return bool(tokens) and tokens[-1][1].startswith("助動詞") and tokens[-1][2] in ("ない", "ぬ", "ず")


def plain(job: str, morphemes: Morphemes) -> str:
    """A job ending in a dictionary-form predicate, so 「〜ための」「〜方法」 can follow: polite endings go
    (終わります -> 終わる), a サ変 noun takes する (削減 -> 削減する), a noun phrase takes を実現する."""
    tokens = list(morphemes(job))
    while (tokens and tokens[-1][1].startswith("助動詞") and re.search(_POLITE, tokens[-1][0])) or (
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


def past(job: str, morphemes: Morphemes) -> str:
    """The past form of a dictionary-form job (削減する -> 削減した, 減らす -> 減らした, 終える -> 終えた)."""
    tokens = morphemes(job)
    if not tokens:
        return job
    text, _tag, _lemma, morph = tokens[-1]
    head = job[: len(job) - len(text)]
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
    return job


LANGUAGE = Language(
    code="ja",
    name=N_("Japanese"),
    claims=_claims,
    # SudachiPy (sudachidict_core) in split mode A; nlp/japanese.py's tokenizer gives the same tokens, faster
    pipeline=PipelineSpec(tokenizer={"split_mode": "A"}, tune="sudachi"),
    grammar=Grammar(reader="morphemes", audience=_AUDIENCE, job_forms=_job_forms),
    unspaced=True,
    list_separator="、",
)
