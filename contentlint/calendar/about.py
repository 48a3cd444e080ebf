"""Which posts a calendar's or feed's finding is about, as data and as words in the message's language."""

from __future__ import annotations

from collections.abc import Sequence

from contentlint.calendar.scorecard import CalendarReport, EntryResult
from contentlint.post import Related

SHOWN = 8  # posts named before "and N more"

# (a feed's posts, a calendar's entries, "and N more", separator), per message language; the brackets are the
# language's own, so the words can follow a message directly
_WORDS = {
    "en": ("(posts: {items})", "(entries at lines {items})", "{items} and {more} more", ", "),
    "en-one": ("(post: {items})", "(entry at line {items})", "", ""),
    "ja": ("（対象の投稿：{items}）", "（対象の予定：{items}行目）", "{items} ほか{more}件", "、"),
    "zh": ("（相关内容：{items}）", "（相关条目：第{items}行）", "{items} 等另外{more}篇", "、"),
}


def message_lang(report: CalendarReport) -> str:
    """The language of a calendar's or feed's messages: the one most of its entries are written in."""
    langs = [r.entry.post.lang for r in report.results if r.entry.post is not None]
    return max(sorted(set(langs)), key=langs.count) if langs else "en"


def related(results: Sequence[EntryResult]) -> tuple[Related, ...]:
    return tuple(Related(r.entry.path, r.entry.line) for r in results)


def describe(report: CalendarReport, results: Sequence[EntryResult], lang: str) -> str:
    """ "(posts: a.md, b.md)" for a feed (names relative to its folder), "(entries at lines 3, 5)" for a calendar."""
    if not results:
        return ""
    feed_words, calendar_words, more_words, comma = _WORDS.get(lang, _WORDS["en"])
    folder = report.calendar.path
    in_file = all(r.entry.path == folder for r in results)
    names: list[str] = []
    for r in results:
        if in_file:
            name = str(r.entry.line)
        elif r.entry.path.startswith(folder) and folder.endswith("/"):
            name = r.entry.path[len(folder) :]
        else:
            name = f"{r.entry.path}:{r.entry.line}"
        if name not in names:
            names.append(name)
    items = (", " if in_file else comma).join(names[:SHOWN])
    if len(names) > SHOWN:
        items = more_words.format(items=items, more=len(names) - SHOWN)
    if len(names) == 1 and lang + "-one" in _WORDS:
        feed_words, calendar_words = _WORDS[lang + "-one"][:2]
    return (calendar_words if in_file else feed_words).format(items=items)
