"""What the combiner reads besides the text model: the shape of a post and where it lives.

Structure features are counted on the body as written (Markdown included: headings, lists and code blocks are
markup the prose projection drops). Place features are words of the post's path and of its front-matter fields
`categories`, `category`, `tags`, `type`, `layout` and `kind` (``docs/``, ``blog/``, ``changelog``, ``release``).
The same functions serve training (a record's body and ``meta``) and linting (a post's file and front matter),
so the model meets the same features in use as in training.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

PLACE_FIELDS = ("categories", "category", "tags", "type", "layout", "kind")
MAX_PLACE_WORDS = 24
PATH_PARTS = 4  # the file name and the three folders above it: where a site keeps the post, not where the site is
MAX_BODY = 4000  # characters of the body read for structure: the start of a long post, as the text model reads

_HEADING = re.compile(r"^ {0,3}#{1,6}\s", re.MULTILINE)
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+\S", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_LINK = re.compile(r"\]\([^)\s]+\)|https?://\S+")
_IMAGE = re.compile(r"!\[[^\]]*\]\(")
_TABLE = re.compile(r"^\s*\|.*\|\s*$", re.MULTILINE)
_PRICE = re.compile(
    r"[$€£¥￥]\s?\d|\d(?:[.,]\d+)?\s?(?:円|元|ドル|美元|usd|eur|dollars?)\b|/\s?(?:mo|month|year|月|年)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\d\s?[%％割折]")
_DATES = (
    re.compile(r"(?<!\d)(?:19|20)\d\d(?:[-/.](?:0?[1-9]|1[0-2])\b(?:[-/.]\d\d?)?|\s?年)"),
    re.compile(r"\d月\s?\d{1,2}\s?日"),
)
_VERSION = re.compile(r"(?<![\w.])[vV]?\d+\.\d+\.\d+|\b[vV]\d|\b[Vv]ersion \d")
_SENTENCE = re.compile(r"[^.!?。！？\n]+[.!?。！？\n]?")
_SECOND_PERSON = {
    "en": re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE),
    "ja": re.compile(r"あなた|お客様|皆さん|皆様"),
    "zh": re.compile(r"你|您"),
}
_FIRST_PERSON = {
    "en": re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE),
    "ja": re.compile(r"弊社|当社|私たち|我々"),
    "zh": re.compile(r"我们|我司|本公司"),
}
_IMPERATIVE = {
    "en": re.compile(
        r"^\s*(?:[-*+]\s*|\d+[.)]\s*)?(?:add|click|open|run|install|use|set|select|go|create|make|"
        r"check|enter|type|choose|download|try|get|buy|order|sign|join|start|learn|see|read|"
        r"follow|save|update|upgrade|enable|configure|copy|remove|navigate|tap|press|call|"
        r"subscribe|register|book|shop|grab|claim|visit|contact|discover|find|don't|do)\b",
        re.IGNORECASE,
    ),
    "ja": re.compile(r"(?:ください|しましょう|してみましょう|してください|しよう)[。！\s]*$"),
    "zh": re.compile(r"^\s*(?:请|点击|打开|选择|输入|运行|安装|使用|下载|立即|马上|快来|欢迎)"),
}
STRUCTURE = (
    "length",
    "title_length",
    "headings",
    "list_items",
    "code_blocks",
    "inline_code",
    "links",
    "images",
    "table_rows",
    "prices",
    "percentages",
    "dates",
    "versions",
    "imperative",
    "second_person",
    "first_person",
    "questions",
    "exclamations",
)


def _share(count: int, total: int) -> float:
    return count / total if total else 0.0


def structure(title: str, body: str, lang: str) -> dict[str, float]:
    """Counts of the post's building blocks (log-scaled) and shares of its sentences, from the start of the body
    as written."""
    length = len(body)
    body = body[:MAX_BODY]
    lines = [line for line in body.splitlines() if line.strip()]
    sentences = [s for s in _SENTENCE.findall(body) if s.strip()] or [""]
    imperative = _IMPERATIVE.get(lang, _IMPERATIVE["en"])
    second = _SECOND_PERSON.get(lang, _SECOND_PERSON["en"])
    first = _FIRST_PERSON.get(lang, _FIRST_PERSON["en"])
    counts = {
        "headings": len(_HEADING.findall(body)),
        "list_items": len(_LIST.findall(body)),
        "code_blocks": len(_FENCE.findall(body)) // 2,
        "inline_code": len(_INLINE_CODE.findall(body)),
        "links": len(_LINK.findall(body)),
        "images": len(_IMAGE.findall(body)),
        "table_rows": len(_TABLE.findall(body)),
        "prices": len(_PRICE.findall(title + "\n" + body)),
        "percentages": len(_PERCENT.findall(title + "\n" + body)),
        "dates": sum(len(p.findall(body)) for p in _DATES),
        "versions": len(_VERSION.findall(title + "\n" + body)),
    }
    out = {name: math.log1p(value) for name, value in counts.items()}
    out["length"] = math.log1p(length) / 10
    out["title_length"] = math.log1p(len(title)) / 5
    out["imperative"] = _share(sum(1 for line in lines if imperative.search(line)), len(lines))
    out["second_person"] = _share(sum(1 for s in sentences if second.search(s)), len(sentences))
    out["first_person"] = _share(sum(1 for s in sentences if first.search(s)), len(sentences))
    out["questions"] = _share(sum(1 for s in sentences if s.rstrip().endswith(("?", "？"))), len(sentences))
    out["exclamations"] = _share(sum(1 for s in sentences if s.rstrip().endswith(("!", "！"))), len(sentences))
    return {name: out[name] for name in STRUCTURE}


_WORD = re.compile(r"[a-z]{2,20}")


def _field_text(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value[:MAX_PLACE_WORDS]:
            if isinstance(item, (str, int, float)) and not isinstance(item, bool):
                yield str(item)


def place_words(path: str, fields: Mapping[str, Any]) -> list[str]:
    """Lower-case words of the last folders and the file name of the path (``path:docs``) and of the place fields
    (``field:release``): sorted, unique. CJK field values count as one word each."""
    words: set[str] = set()
    parts = unicodedata.normalize("NFKC", path).lower().replace("\\", "/").split("/")[-PATH_PARTS:]
    if parts and "." in parts[-1]:
        parts[-1] = parts[-1].rsplit(".", 1)[0]
    for word in _WORD.findall(" ".join(parts)):
        words.add(f"path:{word}")
    for name in PLACE_FIELDS:
        for text in _field_text(fields.get(name)):
            norm = unicodedata.normalize("NFKC", text).lower().strip()
            found = _WORD.findall(norm)
            words.update(f"field:{w}" for w in found)
            if not found and norm and len(norm) <= 20:
                words.add(f"field:{norm}")
    return sorted(words)[: MAX_PLACE_WORDS * 4]


@dataclass(frozen=True, slots=True)
class PostFeatures:
    structure: Mapping[str, float]
    place: Sequence[str]


ENTRY_BODY_CHARS = 240  # the longest brief of a calendar-entry view (see corpus.entry_view)


def reads_as_entry(post: Any) -> bool:
    """Whether the post is read with the calendar-entry combiner: calendar entries only. Short posts stay with the
    posts' combiner: on real posts with bodies up to 240, 600 or 1,000 characters (grouped CV, en/ja/zh) it was as
    good or better in group and label F1 than the entry combiner."""
    return post.calendar is not None


def post_features(post: Any) -> PostFeatures:
    """A post's features: structure from its body as written (the prose when the body is not in a file, e.g. a
    CSV cell), place words from its path and front matter (a calendar entry's path is the calendar's: not its)."""
    if post.body_span is not None:
        start, end = post.body_span
        body = post.source_map.file.text[start:end]
    else:
        body = post.text[post.body_start :]
    path = "" if post.calendar is not None else post.path
    return PostFeatures(structure(post.title, body, post.lang), place_words(path, post.fields))
