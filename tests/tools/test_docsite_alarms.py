from __future__ import annotations

from pathlib import Path

from tools.docsite_alarms import measure

GUIDE = (
    "---\ntitle: Configure the export\n---\nThis guide shows you, step by step, how to set up the nightly export."
    "\n\n## Open the settings\n\n1. Choose Settings > Export.\n2. Pick the folder and the time.\n\n## Check the first "
    "run\n\nAfter the first night, open the folder and compare the row count with the report (see [the export "
    "reference](https://example.com/export)).\n"
)
SALE = (
    '---\ntitle: "Spring sale: 30% off every plan"\n---\nEverything is 30% off this week only. Use code SPRING30 at '
    "checkout. Offer ends Sunday. Buy now!\n"
)


def test_a_docs_folder_is_measured_page_by_page(tmp_path: Path) -> None:
    (tmp_path / "guide.md").write_text(GUIDE, encoding="utf-8")
    (tmp_path / "sale.md").write_text(SALE, encoding="utf-8")
    (tmp_path / "broken.md").write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    found = measure(tmp_path)
    assert found["pages"] == 2 and found["errors"] == 1  # the broken front matter is an error, the others are read
    assert found["promotional"] == 1 and found["labels"]["sale"] == 1
    assert found["warned"] <= 1 and found["warnings"]["hard-sell"] >= 1
