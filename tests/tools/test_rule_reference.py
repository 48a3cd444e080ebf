"""The rule reference is generated from the packs: what a pack says, shown literally, one page per rule."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import REPO
from tools import rule_reference
from tools.rule_reference import Rule, escape, fence, load_packs, pages, rule_page


def test_pack_text_is_shown_literally_and_code_spans_are_kept() -> None:
    assert (
        escape("<script>alert(1)</script> & *bold* [x](y)")
        == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\*bold\\* \\[x\\](y)"
    )
    assert escape("turn it off with `rules: {x: off}` or `a*b`") == "turn it off with `rules: {x: off}` or `a*b`"
    assert escape("#PR\nline") == "\\#PR line"


def test_a_fence_is_longer_than_any_backtick_run_inside() -> None:
    assert fence("plain") == ["```", "plain", "```"]
    assert fence("a ```` b", "markdown") == ["`````markdown", "a ```` b", "`````"]


def test_only_packs_with_rules_are_read_and_every_rule_gets_a_page() -> None:
    packs = load_packs()
    files = {pack.file for pack in packs}
    assert "hard-sell.yaml" in files and "cues.yaml" not in files and "rewrites.yaml" not in files
    paths = [path for path, _ in pages(packs)]
    rules = [rule.id for pack in packs for rule in pack.rules]
    assert paths == ["rules/index.md", "rules/channels.md", *(f"rules/{rule_id}.md" for rule_id in rules)]


def test_a_rule_page_has_its_messages_why_options_and_examples(tmp_path: Path) -> None:
    (tmp_path / "ours.yaml").write_text(
        """pack: ours
description: Our own words.
rules:
  - id: discount-headline
    kind: phrases
    level: info
    languages: [en, ja]
    channels: [x]
    message: {en: "Leads with “{match}” <b>", ja: "「{match}」で始まっています"}
    rationale: A discount in the headline tells readers this post is only for buyers.
    params: {phrases: {en: ["% off"], ja: [半額]}}
    examples: {fail: ["---\\ntitle: Half price\\n---\\n50% off"], pass: ["title: How to plan\\nbody: Plan."]}
""",
        encoding="utf-8",
    )
    (pack,) = load_packs(tmp_path)
    page = rule_page(pack.rules[0])
    assert page.startswith("# discount-headline\n\n**info** · kind `phrases` · en, ja · defined in `rules/ours.yaml`")
    assert "Runs only on posts whose channel is `x`." in page
    assert '=== "English"\n\n    > Leads with “{match}” &lt;b&gt;' in page
    assert '=== "日本語"\n\n    > 「{match}」で始まっています' in page and '=== "中文"' not in page
    assert "## Why" in page and "only for buyers" in page
    assert "- **English**: `% off`" in page and "- **日本語**: `半額`" in page
    assert "```markdown\n---\ntitle: Half price\n---\n50% off\n```" in page
    assert "```yaml\ntitle: How to plan\nbody: Plan.\n```" in page
    assert "rules:\n  discount-headline: off" in page


def test_channel_limits_and_checklist_points_are_tables() -> None:
    by_id = {rule.id: rule for pack in load_packs() for rule in pack.rules}
    length = rule_page(by_id["channel-length"])
    assert "| `x` | 280 characters | X's weighted count" in length and "a URL counts 23" in length
    assert "| `weibo` | 2000 characters | as written |" in length
    profile = rule_page(by_id["linkedin-profile"])
    assert profile.count("\n| ") == 11  # a header and the ten points
    assert "| 9 | connections / つながり | `connections` | at least 500 |" in profile
    assert "The score, as one more finding:" in profile


def test_channels_page_names_each_channel_with_its_rules() -> None:
    page = dict(pages(load_packs()))["rules/channels.md"]
    assert "| `linkedin` | [`linkedin-pitch`](linkedin-pitch.md) | warning | runs only on linkedin |" in page
    assert (
        "| `facebook` | [`link-first-line`](link-first-line.md) | warning | runs only on linkedin, facebook |" in page
    )
    assert (
        "| `xiaohongshu` | [`title-length`](title-length.md) | warning | at most 20 characters in the title |" in page
    )


def test_main_writes_the_pages_to_a_folder(tmp_path: Path) -> None:
    assert rule_reference.main([str(tmp_path)]) == 0
    assert (tmp_path / "rules/index.md").read_text(encoding="utf-8").startswith("# Rule reference")
    assert (tmp_path / "rules/hard-sell.md").is_file()
    assert rule_reference.main([]) == 2


def test_a_rule_without_optional_keys_still_renders() -> None:
    page = rule_page(Rule({"id": "bare", "kind": "field", "message": "Bare."}, "p", "p.yaml"))
    assert "**warning** · kind `field` · every language" in page and "## Options" not in page
    assert "## Flagged" not in page and (REPO / "rules").is_dir()
