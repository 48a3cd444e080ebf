"""What a promotional post gives us to rewrite it: the product, its features, an outcome, the audience.

Nothing is invented: each slot is filled from the post (front matter or text) or left empty, and the rewrite
shows a visible placeholder for an empty slot.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping, Sequence

from contentlint.model import Post

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from contentlint.nlp.cues import CueMatch

# An English outcome phrase must start with a verb of change ("reduce the hours ...", "save an hour a week").
OUTCOME_VERBS = {"reduce", "cut", "save", "grow", "increase", "improve", "avoid", "stop", "speed", "simplify",
                 "automate", "double", "halve", "win", "keep", "lower", "raise", "find", "understand", "spend"}
GENERIC_KATAKANA = {"サービス", "キャンペーン", "セール", "クーポン", "バージョン", "アプリ", "ユーザー", "プラン",
                    "ポイント", "データ", "オフ", "プレゼント", "アップデート", "リリース", "お知らせ", "コンテンツ",
                    "システム", "ソフト", "ツール", "ページ", "メール", "チーム"}
_JA_PRODUCT = re.compile(r"「([^」]{2,30})」|([A-Za-z][A-Za-z0-9+.\- ]{1,30}[A-Za-z0-9+])|([ァ-ヴー]{3,}(?:\s?[A-Za-z0-9]+)?)")
# Chinese names a product in 《》, 「」 or “” quotes, or in Latin letters (WPS, Notion, 飞书 Pro is left to
# front matter `product`); generic words in quotes are not names.
_ZH_PRODUCT = re.compile(r"[《「“]([^》」”]{2,20})[》」”]|([A-Za-z][A-Za-z0-9+.\- ]{1,30}[A-Za-z0-9+])")
GENERIC_ZH = {"双十一", "618", "限时", "秒杀", "优惠券", "新品", "会员", "APP", "App", "app", "VIP", "PRO", "Pro"}
_ZH_SEPARATORS = "。，、！？；：\n「」“”《》,.!?;:"
_EN_STOP_STARTS = {"the", "a", "an", "our", "we", "you", "your", "this", "new", "now", "buy", "get", "how", "why",
                   "what", "today", "visit", "contact", "shop", "offer", "sale", "use", "big", "every", "all",
                   "limited", "don't", "follow", "it", "i", "in", "on", "for", "and", "with", "to",
                   "january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                   "saturday", "sunday", "version", "update", "settings"}
_CLAUSE_END = re.compile(r"[.!?。！？\n,;:、，]")


@dataclass(frozen=True, slots=True)
class Slots:
    product: str | None = None
    features: tuple[str, ...] = ()
    outcome: str | None = None
    problem: str | None = None
    audience: str | None = None
    extras: Mapping[str, str] = field(default_factory=dict)


def extract(post: Post, doc: Doc, cues: Mapping[str, Sequence[CueMatch]]) -> Slots:
    text = post.text
    guess = {"ja": _ja_product, "zh": _zh_product}.get(post.lang, _en_product)
    product = _field(post, "product") or guess(doc)
    return Slots(product=product, features=_features(post, text), outcome=_outcome(post, text, cues),
                 problem=_problem(text, cues, post.lang), audience=_field(post, "audience"))


def _field(post: Post, name: str) -> str | None:
    value = post.fields.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value).strip() if value not in (None, "") else None


def _en_product(doc: Doc) -> str | None:
    """The most frequent capitalised name (Excel 2026, Ledgerly Teams). At the start of a sentence, where every
    word is capitalised, only a word that is not an English word form counts (Ledgerly, not Today)."""
    counts: Counter[str] = Counter()
    known = _english_forms()
    tokens = list(doc)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        sentence_start = i == 0 or tokens[i - 1].text in {".", "!", "?", ":"} or "\n" in tokens[i - 1].text
        if token.text[:1].isupper() and token.is_alpha and token.lower_ not in _EN_STOP_STARTS and (
                not sentence_start or (token.lower_ not in known and token.lemma_ not in known)):
            j = i + 1
            while j < len(tokens) and (tokens[j].text[:1].isupper() or tokens[j].like_num) and j - i < 4:
                j += 1
            name = doc[i:j].text.strip()
            if len(name) > 2 and not name.isupper() or len(name) <= 5:
                counts[name] += 1
            i = j
            continue
        i += 1
    return counts.most_common(1)[0][0] if counts else None


@lru_cache(maxsize=1)
def _english_forms() -> frozenset[str]:
    """English base forms: the lemmas of spacy-lookups-data's English lemma table."""
    from spacy.lookups import load_lookups

    return frozenset(str(v) for v in load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup").values())


def _ja_product(doc: Doc) -> str | None:
    counts: Counter[str] = Counter()
    for match in _JA_PRODUCT.finditer(doc.text):
        name = next(g for g in match.groups() if g).strip()
        if name.lower() in {"pdf", "csv", "ok", "faq", "line", "x", "sns", "pr"} or name.isdigit() \
                or name in GENERIC_KATAKANA:
            continue
        counts[name] += 1
    return counts.most_common(1)[0][0] if counts else None


def _zh_product(doc: Doc) -> str | None:
    counts: Counter[str] = Counter()
    for match in _ZH_PRODUCT.finditer(doc.text):
        name = next(g for g in match.groups() if g).strip()
        if name in GENERIC_ZH or name.isdigit() or name.lower() in {"pdf", "csv", "ok", "faq", "ai", "pr"}:
            continue
        counts[name] += 1
    return counts.most_common(1)[0][0] if counts else None


def _clause_before(text: str, end: int, separators: str) -> int:
    return max(text.rfind(sep, 0, end) for sep in separators) + 1


def _features(post: Post, text: str) -> tuple[str, ...]:
    """Short list items of the body: what a promotional post lists is nearly always its features."""
    items = [text[start:end].strip() for start, end in post.list_items]
    short = [item.rstrip("。.") for item in items if 2 <= len(item) <= 60 and "\n" not in item]
    return tuple(dict.fromkeys(short))[:5]


def _outcome(post: Post, text: str, cues: Mapping[str, Sequence[CueMatch]]) -> str | None:
    """The clause an outcome cue opens (en: "reduce the hours spent ..."; ja: "手間を削減")."""
    for match in cues.get("outcome", ()):
        if post.lang == "ja":  # the object comes before the verb: 手間を削減
            phrase = text[_clause_before(text, match.start, "。、！？\n「」"):match.end].strip()
            if 2 < len(phrase) <= 30:
                return phrase
            continue
        if post.lang == "zh":  # the verb comes first: 节省一半的对账时间
            ends = [i for i in (text.find(sep, match.end) for sep in _ZH_SEPARATORS) if i != -1]
            phrase = text[match.start:min(ends, default=len(text))].strip()
            if 2 < len(phrase) <= 20:
                return phrase
            continue
        end_match = _CLAUSE_END.search(text, match.start)
        end = end_match.start() if end_match else len(text)
        phrase = text[match.start:end].strip()
        for lead in ("so you can ", "so your team can ", "helps you ", "help you ", "helps your team "):
            if phrase.lower().startswith(lead):
                phrase = phrase[len(lead):]
        words = phrase.split()
        if 1 < len(words) <= 10 and _verb_lemma(words[0]) in OUTCOME_VERBS:
            return phrase
    return None


def _verb_lemma(word: str) -> str:
    word = word.lower().strip(",.")
    for suffix in ("ing", "es", "s", "ed"):
        if word.endswith(suffix) and word[: -len(suffix)] in OUTCOME_VERBS:
            return word[: -len(suffix)]
    return word


def _problem(text: str, cues: Mapping[str, Sequence[CueMatch]], lang: str) -> str | None:
    for match in cues.get("problem", ()):
        if lang in ("ja", "zh"):  # the problem noun ends its clause: 在庫管理の手間, 库存积压的问题
            phrase = text[_clause_before(text, match.start, _ZH_SEPARATORS if lang == "zh" else "。、！？\n「」"):
                          match.end].strip()
            if 2 < len(phrase) <= 25:
                return phrase
    return None
