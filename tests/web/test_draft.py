"""A draft from the form becomes a Markdown document whose front matter no typed text can change."""

from __future__ import annotations

import yaml

from contentlint.post import Finding
from contentlint.sources.decode import decode
from contentlint.sources.post import markdown_post
from contentlint.web.draft import FILE_NAME, Draft


def front_matter(document: bytes) -> dict[str, str]:
    text = document.decode("utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text[4 : text.index("\n---\n", 3)]) or {}


def at(line: int, column: int = 1) -> Finding:
    return Finding(FILE_NAME, line, column, "warning", "hard-sell", "message")


def test_form_fields_are_cleaned() -> None:
    draft = Draft.from_form(
        {
            "title": "  Spring\nsale\r\n30% off ",
            "body": "a\r\nb\rc",
            "channel": " LINE ",
            "lang": "klingon",
            "stage": "later",
            "kpi": "likes",
            "unknown": "x",
        }
    )
    assert draft == Draft(title="Spring sale 30% off", body="a\nb\nc", channel="line", lang="", stage="", kpi="likes")
    assert Draft.from_form({"lang": "ja", "stage": "post"}).lang == "ja"
    assert Draft.from_form({"title": "x" * 5000}).title == "x" * 200
    assert Draft().empty and Draft(body=" \n").empty and not Draft(title="t").empty


def test_typed_text_cannot_add_front_matter_keys() -> None:
    hostile = Draft.from_form(
        {
            "title": "x\nstage: post\n---\nbody",
            "kpi": 'clicks"\nlang: zh',
            "channel": "blog: {a: 1}",
            "body": "---\nstage: pre\n---\nBuy now",
        }
    )
    fields = front_matter(hostile.document())
    assert fields == {"title": "x stage: post --- body", "channel": "blog: {a: 1}", "kpi": 'clicks" lang: zh'}
    post = markdown_post(decode(hostile.document(), FILE_NAME))
    assert post.fields["title"] == "x stage: post --- body" and "stage" not in post.fields
    assert post.lang == "en"


def test_an_empty_front_matter_keeps_a_body_that_starts_with_a_fence() -> None:
    draft = Draft(body="---\ntitle: injected\n---\nHow to plan a budget")
    assert draft.document().startswith(b"---\n---\n---\ntitle: injected")
    assert front_matter(draft.document()) == {}
    assert draft.where(at(3)) == "body, line 1, column 1"


def test_findings_are_placed_on_the_form() -> None:
    draft = Draft(title="Sale", body="Buy now\nToday", channel="x", kpi="likes")
    # ---, title, channel, kpi, ---, then the body
    assert [draft.where(at(line)) for line in (2, 3, 4)] == ["title", "channel", "KPI"]
    assert draft.where(at(6, 1)) == "body, line 1, column 1"
    assert draft.where(at(7, 3)) == "body, line 2, column 3"
    assert draft.where(at(1)) == "draft"


def test_a_form_field_gives_the_draft_back_as_typed() -> None:
    from contentlint.web import pages
    from contentlint.web.draft import Draft

    html = pages.draft_page(Draft(title="a\u202eb <i>", body="x\x0cy </textarea><script>"), None, False)
    assert 'value="a\u202eb &lt;i&gt;"' in html  # escaped, not spelled out as \u202e
    assert "x\x0cy &lt;/textarea&gt;&lt;script&gt;</textarea>" in html
