"""Repeated findings of one rule on one post: one message with a count in the HTML and Markdown reports (and
the web page, which shares the card), every phrase highlighted in the post's text with HTML escaping intact;
text, JSON and SARIF keep one finding per match. Long posts are shown whole, on screen and on paper."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from tests.helpers import run

# hard-sell reports imperatives that open a sentence ("Act now", not "... and act now")
FIVE = (
    "---\ntitle: Spring sale\n---\nEverything is 30% off. Buy now! Order now. Shop now <b>and</b> save. Act now — "
    "limited time only.\n"
)
PHRASES = ["Buy now", "Order now", "Shop now", "Act now", "limited time only"]
# the dash makes "Buy now" open a clause, the form hard-sell reports
HOSTILE = (
    '---\ntitle: "<script>alert(1)</script> — Buy now <img src=x onerror=alert(2)> & save"\n---\n'
    "Get <i>x</i> 30% off & more: order now</textarea>\"'><img src=x onerror=alert(3)>\n"
)


class Marks(HTMLParser):
    """The text of each <mark> and its classes; and whether any tag other than the page's own turned up."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str]] = []
        self.tags: set[str] = set()
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "mark":
            self._open = [dict(attrs).get("class") or "", ""]

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open is not None:
            self.marks.append((self._open[1], self._open[0]))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1] += data


def html_report(path: Path, *extra: str) -> str:
    code, out, err = run(["report", str(path), "--format", "html", "--no-cache", *extra])
    assert code == 0, err
    return out


def test_five_phrases_are_one_message_with_a_count_and_five_highlights(write: Callable[..., Path]) -> None:
    page = html_report(write("five.md", FIVE))
    items = re.findall(r'<span class="rule" translate="no">hard-sell</span>', page)
    assert len(items) == 1  # one entry for the rule, not five
    assert '<span class="rule" translate="no">hard-sell</span> <span class="count">5 matches</span>' in page
    assert page.count("Hard-sell pressure:") == 1
    assert re.findall(r'<q lang="en" translate="no">([^<]+)</q>', page) == PHRASES  # each place, each phrase
    marks = Marks()
    marks.feed(page)
    assert [text for text, classes in marks.marks if "hit" in classes.split()] == PHRASES
    assert ("sale", "sale") in marks.marks  # the classifier's evidence is still marked


def test_a_single_finding_has_no_count(write: Callable[..., Path]) -> None:
    page = html_report(write("one.md", "---\ntitle: Spring sale\n---\nEverything is 30% off. Buy now!\n"))
    assert '<span class="rule" translate="no">hard-sell</span> <span class="loc"' in page
    assert 'class="count"' not in page.split('translate="no">hard-sell</span>', 1)[1].split("</li>", 1)[0]


def test_plural_count_in_japanese(write: Callable[..., Path]) -> None:
    page = html_report(write("five.md", FIVE), "--ui-lang", "ja")
    assert '<span class="count">5 箇所</span>' in page


def test_machine_formats_keep_one_finding_per_match(write: Callable[..., Path]) -> None:
    post = write("five.md", FIVE)
    _, text, _ = run(["check", str(post), "--no-cache"])
    assert text.count("[hard-sell]") == 5
    _, out, _ = run(["check", str(post), "--no-cache", "--format", "json"])
    assert [f["text"] for f in json.loads(out)["findings"] if f["rule"] == "hard-sell"] == PHRASES
    _, out, _ = run(["check", str(post), "--no-cache", "--format", "sarif"])
    assert sum(r["ruleId"] == "hard-sell" for r in json.loads(out)["runs"][0]["results"]) == 5


def test_markdown_has_one_row_per_rule_and_post(write: Callable[..., Path]) -> None:
    _, out, _ = run(["report", str(write("five.md", FIVE)), "--format", "markdown", "--no-cache"])
    rows = [line for line in out.splitlines() if "`hard-sell`" in line]
    assert len(rows) == 1 and "(5 matches)" in rows[0]
    assert "All matches: Buy now, Order now, Shop now, Act now, limited time only" in rows[0]


def test_highlights_keep_the_text_escaped(write: Callable[..., Path]) -> None:
    page = html_report(write("hostile.md", HOSTILE))
    marks = Marks()
    marks.feed(page)
    assert not marks.tags & {"script", "img", "textarea"} and "<i>x</i>" not in page  # the post's markup is text
    hits = [text for text, classes in marks.marks if "hit" in classes.split()]
    assert hits == ["Buy now", "order now"]
    # the title is part of the highlighted text: its markup is shown as text around the mark
    assert '&lt;script&gt;alert(1)&lt;/script&gt; — <mark class="hit" title="hard-sell">Buy now</mark> &lt;img' in page


def test_long_posts_are_not_cut_off(write: Callable[..., Path]) -> None:
    body = "\n\n".join(f"Paragraph {i}: how to plan a budget step by step, and what to measure." for i in range(40))
    page = html_report(write("long.md", f"---\ntitle: How to plan\n---\n{body}\n"))
    excerpt = re.search(r'<div class="excerpt"[^>]*>(.*?)</div>', page, re.S)
    assert excerpt is not None and "Paragraph 12" in excerpt.group(1)
    style = page[page.index("<style>") : page.index("</style>")]
    rule = re.search(r"\.excerpt \{[^}]*\}", style)
    assert rule is not None and "max-height" not in rule.group(0) and "overflow: auto" not in rule.group(0)
    printed = style[style.index("@media print") :]
    assert "details.why" in printed and "max-height: none" in printed  # everything is on paper too
