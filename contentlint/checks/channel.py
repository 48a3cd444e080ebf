"""Rule kinds for the habits and limits of social channels: post length, hashtag count, a link in the opening.

They read the post's text (and, for URLs, the body as written in the file: URLs are not part of the analysed
text), not the spaCy Doc, so they also run on posts in languages without a pipeline. Limits are per channel
(the `channel:` field in lower case); a post on a channel without a limit is not checked. The channel must be
set where the text is written (see ``shared_article``): a calendar entry that points a channel at a Markdown
file shares that article there, and the article's length is not the post's.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from contentlint import optionschema as opt
from contentlint.analysis import Analysis
from contentlint.checks.protocol import Hit, PostChecker
from contentlint.optionschema import Option
from contentlint.post import Position, Post

# The very pattern that takes URLs out of the analysed text, so what is counted here is what was left out there.
from contentlint.sources.markdown import URL

if TYPE_CHECKING:
    from spacy.language import Language

WEIGHTINGS = ("plain", "x", "weibo")
_NAMES = {
    "x": "X",
    "twitter": "X",
    "linkedin": "LinkedIn",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "weibo": "Weibo",
    "wechat": "WeChat",
    "threads": "Threads",
    "bluesky": "Bluesky",
    "xiaohongshu": "Xiaohongshu (小红书)",
    "youtube": "YouTube",
}
# A hashtag: # or ＃ then word characters with at least one letter (#1 is not a tag), not inside a word, an
# HTML entity or a path; a Weibo topic closes with a second # (#话题#).
HASHTAG = re.compile(r"(?<![\w&/#＃])[#＃](?=\w*[^\W\d_])\w+(?:[#＃](?!\w))?")
_NOT_PROSE_LINE = re.compile(r"^\s*(?:[|>][+-]?\d*|<!--.*-->)\s*$")  # a YAML block indicator, an HTML comment


# -- where the body is written ---------------------------------------------------------------------------------


def opening_lines(post: Post, count: int) -> list[tuple[int, str]]:
    """The first ``count`` non-blank lines of the body as written: (file offset, line text)."""
    region = post.body_span  # None: a CSV cell or a title-only entry, not placed in the file
    if region is None:
        return []
    text = post.source_map.file.text
    start, end = region
    lines: list[tuple[int, str]] = []
    while start < end and len(lines) < count:
        stop = text.find("\n", start, end)
        stop = end if stop == -1 else stop
        line = text[start:stop]
        if line.strip() and not (not lines and _NOT_PROSE_LINE.match(line)):
            lines.append((start, line))
        start = stop + 1
    return lines


def body_urls(post: Post) -> list[re.Match[str]]:
    """URLs in the body as written (they are not in the analysed text)."""
    region = post.body_span
    return [] if region is None else list(URL.finditer(post.source_map.file.text, *region))


def file_hit(post: Post, offset: int, values: Mapping[str, Any]) -> Hit:
    return Hit(position=Position(*post.source_map.file.line_col(offset)), path=post.path, values=values)


def shared_article(post: Post) -> bool:
    """A calendar entry's `file:` puts on its channel a text whose own front matter names no channel, or another
    one (a blog article shared on X): the article's length, hashtags and opening are not the post's."""
    if post.calendar is None or post.calendar == post.path or post.channel is None:
        return False
    return post.written_for != post.channel


def own_channel(post: Post) -> str | None:
    """The channel the post's text is written for (None for a shared article)."""
    return None if shared_article(post) else post.channel


def channel_name(post: Post) -> str:
    """The post's channel as its users write it (LinkedIn, X), for messages."""
    channel = post.channel or ""
    return _NAMES.get(channel, channel)


# -- options ---------------------------------------------------------------------------------------------------


def _channel_map(inner: Any, example: str) -> Any:
    def check(value: Any) -> str | None:
        if not isinstance(value, dict) or not value:
            return f"expected a mapping of channel -> limit, e.g. {example}"
        for channel, item in value.items():
            if not isinstance(channel, str) or channel != channel.strip().lower():
                return f"channel names are lower-case text, got {channel!r}"
            problem = inner(item)
            if problem:
                return f"[{channel}] {problem}"
        return None

    return check


@dataclass(frozen=True, slots=True)
class Limit:
    max: int
    weighting: str = "plain"
    url_length: int | None = None  # None: a URL counts as written


_LIMIT_KEYS = {"max", "weighting", "url_length"}


def _limit(value: Any) -> str | None:
    if not isinstance(value, dict):
        return opt.INTEGER(value)
    unknown = sorted(set(value) - _LIMIT_KEYS)
    if unknown:
        return f"unknown key `{unknown[0]}` (a limit has: max, weighting, url_length)"
    if "max" not in value:
        return "`max` is missing"
    return (
        opt.INTEGER(value["max"])
        or opt.one_of(*WEIGHTINGS)(value.get("weighting", "plain"))
        or (opt.INTEGER(value["url_length"]) if "url_length" in value else None)
    )


def _limits(raw: Mapping[str, Any]) -> dict[str, Limit]:
    return {channel: Limit(item) if isinstance(item, int) else Limit(**item) for channel, item in raw.items()}


# -- length ----------------------------------------------------------------------------------------------------

# Characters that continue the one before them as one visible character (a grapheme cluster): the zero-width
# joiner and what follows it, variation selectors, skin tones, the keycap mark, tag characters (flags of regions).
_EMOJI_PARTS = {0x200D, 0xFE0E, 0xFE0F, 0x20E3} | set(range(0x1F3FB, 0x1F400)) | set(range(0xE0020, 0xE0080))
_REGIONAL = range(0x1F1E6, 0x1F200)  # two of them make a flag


def char_weights(text: str, weighting: str) -> list[float]:
    """How much each character counts against a limit, counting what a reader sees as one character once.

    x: X's weighted count (twitter-text v3): Latin, Greek, Cyrillic and other scripts up to U+10FF, and general
    punctuation in U+2000-200D, U+2010-201F, U+2032-2037, count 1; everything else (Han, kana, Hangul, full-width
    forms, emoji) counts 2, and an emoji sequence (family, flag, keycap, skin tone) counts 2 once. weibo:
    half-width (ASCII) characters count a half. plain: every visible character counts 1. Combining marks and
    the parts of an emoji sequence add nothing.
    """
    weights: list[float] = []
    start = 0  # index of the character that begins the current cluster
    previous = -1
    regional_open = False
    for index, char in enumerate(text):
        code = ord(char)
        continues = index > 0 and (
            code in _EMOJI_PARTS
            or previous == 0x200D
            or (code in _REGIONAL and regional_open)
            or unicodedata.category(char) in ("Mn", "Me")
        )
        regional_open = code in _REGIONAL and not (continues and previous in _REGIONAL)
        previous = code
        if continues:
            weights.append(0.0)
            if weighting == "x" and (code in _EMOJI_PARTS or code in _REGIONAL):
                weights[start] = 2.0  # "1" + U+FE0F + U+20E3 is an emoji
            continue
        start = index
        if weighting == "weibo":
            weights.append(0.5 if code < 0x80 else 1.0)
        elif weighting == "x" and not (
            code <= 0x10FF or 0x2000 <= code <= 0x200D or 0x2010 <= code <= 0x201F or 0x2032 <= code <= 0x2037
        ):
            weights.append(2.0)
        else:
            weights.append(1.0)
    return weights


class _PerChannel:
    """A checker with one limit per channel, for posts written for that channel."""

    def __init__(self, limits: Mapping[str, Any]) -> None:
        self.limits = limits

    def limit(self, post: Post) -> Any:
        return self.limits.get(own_channel(post) or "")


class _ChannelKind:
    scope = "post"
    needs_doc = False

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        return None


class _Length(_PerChannel):
    def check(self, analysis: Analysis) -> Iterator[Hit]:
        post = analysis.post
        limit = self.limit(post)
        if limit is None:
            return
        text = post.text.rstrip()  # block breaks the projection adds at the end are not part of the post
        weights = char_weights(text, limit.weighting)
        # (file offset, order, weight, index in the post's text or None for a URL of the body)
        units: list[tuple[int, int, float, int | None]] = []
        # A URL in the title is part of the analysed text; like a URL of the body it counts as one link.
        for match in URL.finditer(post.text, 0, post.body_start):
            weights[match.start() : match.end()] = [0.0] * (match.end() - match.start())
            units.append(
                (post.source_map.file_offset(match.start()), 1, self._url(match.group(), limit), match.start())
            )
        units += [(match.start(), 1, self._url(match.group(), limit), None) for match in body_urls(post)]
        total = sum(weights) + sum(unit[2] for unit in units)
        if math.ceil(total) <= limit.max:
            return
        units += [(post.source_map.file_offset(i), 0, weight, i) for i, weight in enumerate(weights) if weight]
        running = 0.0
        for offset, _order, weight, index in sorted(units, key=lambda u: (u[0], u[1])):  # noqa: B007 (read below)
            running += weight
            if math.ceil(running) > limit.max:
                break
        values = {
            "count": math.ceil(total),
            "max": limit.max,
            "over": math.ceil(total) - limit.max,
            "channel": channel_name(post),
            "match": "",
        }
        if index is None:
            yield file_hit(post, offset, values)
            return
        end = max(len(text), index + 1)
        yield Hit(index, end, values={**values, "match": text[index:end][:40]})

    @staticmethod
    def _url(url: str, limit: Limit) -> float:
        return float(limit.url_length) if limit.url_length is not None else sum(char_weights(url, limit.weighting))


class _TitleLength(_PerChannel):
    """A headline against a channel's limit (a WeChat article's title, a Xiaohongshu note's)."""

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        post = analysis.post
        limit = self.limit(post)
        title = post.text[: post.body_start].rstrip()
        if limit is None or not title:  # no title written in the file: nothing the writer can shorten
            return
        weights = char_weights(title, limit.weighting)
        total = math.ceil(sum(weights))
        if total <= limit.max:
            return
        running, index = 0.0, 0
        for index, weight in enumerate(weights):  # noqa: B007 (read below: where the limit is crossed)
            running += weight
            if math.ceil(running) > limit.max:
                break
        yield Hit(
            index,
            len(title),
            values={
                "count": total,
                "max": limit.max,
                "over": total - limit.max,
                "channel": channel_name(post),
                "match": title[index:][:40],
            },
        )


class LengthKind(_ChannelKind):
    """Post length against each channel's limit (X's weighted count, Weibo's half-width count, or characters);
    with `part: title`, the title's length."""

    name = "length"
    schema: Mapping[str, Option] = {
        "limits": Option(
            _channel_map(_limit, "{x: {max: 280, weighting: x, url_length: 23}, linkedin: 3000}"),
            required=True,
            help="{channel: max} or {channel: {max: N, weighting: plain|x|weibo, url_length: N}}; the "
            "title counts (social posts have none apart from their text); url_length: what one "
            "URL counts (X: 23), else as written",
        ),
        "part": Option(
            opt.one_of("post", "title"),
            default="post",
            help="what is measured: the whole post (title and body), or only the title",
        ),
    }

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> PostChecker:
        limits = _limits(params["limits"])
        return _TitleLength(limits) if params["part"] == "title" else _Length(limits)

    def describe(self, params: Mapping[str, Any]) -> list[str]:
        """One line per channel, for `contentlint explain`."""
        lines = []
        for channel, limit in sorted(_limits(params["limits"]).items()):
            how = {"x": ", X's weighted count (CJK and emoji 2)", "weibo": ", half-width characters count ½"}
            url = f", a URL counts {limit.url_length}" if limit.url_length is not None else ""
            lines.append(f"{channel}: at most {limit.max} characters{how.get(limit.weighting, '')}{url}")
        return lines


# -- hashtags --------------------------------------------------------------------------------------------------


class _Hashtags(_PerChannel):
    def check(self, analysis: Analysis) -> Iterator[Hit]:
        post = analysis.post
        limit = self.limit(post)
        if limit is None:
            return
        tags = list(HASHTAG.finditer(post.text))
        if len(tags) <= limit:
            return
        first = tags[limit]
        yield Hit(
            first.start(),
            first.end(),
            values={
                "match": first.group(),
                "count": len(tags),
                "max": limit,
                "channel": channel_name(post),
                "tags": " ".join(dict.fromkeys(tag.group() for tag in tags)),
            },
        )


class HashtagsKind(_ChannelKind):
    """More hashtags than a channel allows or rewards; reported at the first one over the limit."""

    name = "hashtags"
    schema: Mapping[str, Option] = {
        "limits": Option(
            _channel_map(opt.INTEGER, "{instagram: 30, x: 2}"),
            required=True,
            help="{channel: most hashtags a post should have}",
        ),
    }

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> PostChecker:
        return _Hashtags(dict(params["limits"]))

    def describe(self, params: Mapping[str, Any]) -> list[str]:
        return [f"{channel}: at most {limit} hashtags" for channel, limit in sorted(params["limits"].items())]


# -- a link in the opening -------------------------------------------------------------------------------------


class _LinkFirstLine:
    def __init__(self, lines: int) -> None:
        self.lines = lines

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        post = analysis.post
        if shared_article(post):
            return
        values = {"channel": channel_name(post)}
        # A title from front matter or a calendar entry is the post's first line; URLs stay in its analysed text.
        for match in URL.finditer(post.text, 0, post.body_start):
            yield Hit(match.start(), match.end(), values={**values, "match": match.group()})
        for offset, line in opening_lines(post, self.lines):
            for match in URL.finditer(line):
                yield file_hit(post, offset + match.start(), {**values, "match": match.group()})


class LinkFirstLineKind(_ChannelKind):
    """A URL in the opening line of a post, where the network shows a link preview instead of the text and
    ranks posts that send readers away lower. Reported at the URL, in the file as written."""

    name = "link-first-line"
    schema: Mapping[str, Option] = {
        "lines": Option(
            opt.INTEGER, default=1, help="how many opening lines of the body are checked (the title is always checked)"
        ),
    }

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> PostChecker:
        return _LinkFirstLine(int(params["lines"]))

    def describe(self, params: Mapping[str, Any]) -> list[str]:
        return [f"URLs in the title and the first {params['lines']} line(s) of the body"]
