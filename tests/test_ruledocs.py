from __future__ import annotations

from pathlib import Path

from contentlint.packfiles import default_pack_files
from contentlint.ruledocs import rule_page

SHIPPED = str(next(p for p in default_pack_files() if p.name == "hard-sell.yaml"))


def test_a_shipped_rule_links_to_its_page_on_the_docs_site() -> None:
    assert (
        rule_page("hard-sell", SHIPPED, "https://docs.example.com/cl") == "https://docs.example.com/cl/rules/hard-sell/"
    )
    assert rule_page("hard-sell", SHIPPED, "https://docs.example.com/") == "https://docs.example.com/rules/hard-sell/"


def test_no_page_without_a_docs_site_or_for_a_teams_own_rule(tmp_path: Path) -> None:
    own = tmp_path / "hard-sell.yaml"  # a team's pack that redefines a shipped rule id: the site is not about it
    own.write_text("rules: []\n", encoding="utf-8")
    assert rule_page("hard-sell", SHIPPED, None) is None
    assert rule_page("hard-sell", SHIPPED, "") is None
    assert rule_page("hard-sell", str(own), "https://docs.example.com") is None
    assert rule_page("config-error", "", "https://docs.example.com") is None
