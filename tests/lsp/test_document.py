"""A document's analysis as the editor gets it, in-process: where each title is and how a rewrite lands in every
format a title can be written in (YAML front matter, YAML posts and calendars, TOML front matter, a heading)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from contentlint.lsp.actions import written_title
from contentlint.lsp.document import Snapshot, analyse, rule_docs
from contentlint.run import Runner, RunOptions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

RUNNER = Runner(RunOptions(use_config_files=False))
FACTS = "Version 5.0 adds scheduled exports so you can reduce the hours spent on reports. 20% off this week."
HEADLINE = "How finance teams reduce the hours spent on reports with Ledgerly"


def snapshot(name: str, text: str) -> Snapshot:
    return analyse(RUNNER, text, Path("/nowhere") / name, 1, "utf-16")


def rewritten(text: str, snap: Snapshot, index: int = 0) -> str:
    title = snap.titles[index]
    assert title.edit_range is not None and title.edit_range.start.line == title.edit_range.end.line
    lines = text.split("\n")
    line = lines[title.edit_range.start.line]  # no character outside the BMP in these titles
    lines[title.edit_range.start.line] = (
        line[: title.edit_range.start.character]
        + written_title(title.headlines[0], title.style)
        + line[title.edit_range.end.character :]
    )
    return "\n".join(lines)


@pytest.mark.parametrize(
    "name, text, read",
    [
        (
            "post.yaml",
            f"title: Ledgerly 5.0 is out, buy now\nproduct: Ledgerly\naudience: finance teams\nbody: |\n  {FACTS}\n",
            lambda t: yaml.safe_load(t)["title"],
        ),
        (
            "calendar.yaml",
            "name: Q1\nentries:\n  - {date: 2026-01-05, channel: blog, title: 'Ledgerly 5.0 is out', "
            f"product: Ledgerly, audience: finance teams, body: '{FACTS}'}}\n",
            lambda t: yaml.safe_load(t)["entries"][0]["title"],
        ),
        (
            "toml.md",
            f'+++\ntitle = "Ledgerly 5.0 is out"\nproduct = "Ledgerly"\naudience = "finance teams"\n+++\n{FACTS}\n',
            lambda t: tomllib.loads(t.split("+++\n")[1])["title"],
        ),
    ],
)
def test_a_rewrite_leaves_a_valid_file_with_the_new_title(name: str, text: str, read) -> None:  # type: ignore[no-untyped-def]
    snap = snapshot(name, text)
    (title,) = snap.titles
    assert title.label == "sale" and title.headlines[0] == HEADLINE
    after = rewritten(text, snap)
    assert read(after) == HEADLINE
    assert after.replace(written_title(HEADLINE, title.style), "") != text  # something was replaced


def test_a_heading_title_is_replaced_after_its_marker() -> None:
    text = f"# Ledgerly 5.0 is out\n\nLedgerly for finance teams. {FACTS}\n"
    snap = snapshot("heading.md", text)
    (title,) = snap.titles
    assert (title.range.start.line, title.range.start.character, title.range.end.character) == (0, 2, 21)
    assert rewritten(text, snap).startswith(f"# {title.headlines[0]}\n\nLedgerly")


def test_no_rewrite_where_the_file_does_not_hold_the_title_verbatim() -> None:
    escaped = f'---\ntitle: "Ledgerly\\u0020 5.0 is out"\nproduct: Ledgerly\naudience: finance teams\n---\n{FACTS}\n'
    (title,) = snapshot("escaped.md", escaped).titles
    assert title.edit_range is None and title.headlines == ()
    (cell,) = snapshot(
        "calendar.csv", "date,channel,title,body\n2026-01-05,blog,Ledgerly 5.0 is out,Buy now 20% off Ledgerly.\n"
    ).titles
    assert cell.edit_range is None


def test_a_calendar_finding_about_the_whole_file_sits_on_its_first_line() -> None:
    snap = snapshot(
        "calendar.yaml",
        "name: Q1\nentries:\n  - {date: 2026-01-05, channel: blog, title: Sale, "
        "body: 'Buy now, 30% off.'}\n  - {date: 2026-01-06, channel: blog, "
        "title: Sale again, body: 'Buy now, 40% off.'}\n",
    )
    whole = [d for d in snap.diagnostics if d.code == "mix-score"]
    assert whole and all(d.range.start.line == 0 and d.data == {"suppressible": False} for d in whole)


def test_a_shipped_rule_links_to_its_page_where_the_config_names_the_docs_site(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text(
        "pack: house\nrules:\n  - id: house-checkout\n    kind: phrases\n    level: warning\n    languages: [en]\n"
        "    message: checkout\n    rationale: Checkout talk goes last.\n    params: {phrases: {en: [checkout]}}\n",
        encoding="utf-8",
    )
    config = tmp_path / ".contentlint.yaml"
    config.write_text("packs: [house.yaml]\n", encoding="utf-8")
    post = tmp_path / "post.md"
    text = "---\ntitle: Spring sale\n---\nBuy now! Limited time only. Go to checkout.\n"

    def hrefs() -> dict[str, str]:
        snap = analyse(Runner(RunOptions()), text, post, 1, "utf-16")
        return {str(d.code): d.code_description.href for d in snap.diagnostics if d.code_description is not None}

    before = hrefs()
    assert before["hard-sell"].startswith("file://") and "#L" in before["hard-sell"]

    config.write_text("packs: [house.yaml]\ndocs_url: https://docs.example.com/contentlint\n", encoding="utf-8")
    after = hrefs()
    assert after["hard-sell"] == "https://docs.example.com/contentlint/rules/hard-sell/"
    assert after["house-checkout"] == before["house-checkout"] == (tmp_path / "house.yaml").resolve().as_uri() + "#L3"
    docs = rule_docs(Runner(RunOptions()), post)
    assert docs["vanity-kpi"] == "https://docs.example.com/contentlint/rules/vanity-kpi/"
