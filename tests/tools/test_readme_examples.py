"""README and docs examples are real runs: each output block is what its command prints now."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import REPO
from tools import readme_examples
from tools.readme_examples import Example, ExampleError, documents, examples, render, select, update


def test_the_examples_checked_are_the_readme_and_every_docs_page() -> None:
    checked = documents()
    assert checked[0] == REPO / "README.md"
    assert set(checked[1:]) == set((REPO / "docs").rglob("*.md"))
    assert {REPO / "docs/quickstart.md", REPO / "docs/ja/quickstart.md", REPO / "docs/calendars.md"} <= set(checked)


def test_every_output_block_in_the_readme_and_docs_has_a_command() -> None:
    total = 0
    for path in documents():
        document = path.read_text(encoding="utf-8")
        blocks = [m.start() for m in re.finditer(r"^```text$", document, re.MULTILINE)]
        marked = {example.start for example in examples(document)}
        total += len(blocks)
        for start in blocks:
            assert start + len("```text\n") in marked, (
                f"{path.relative_to(REPO)}:"
                f"{document.count(chr(10), 0, start) + 1}: an output block without a `<!-- run: ... -->` line"
            )
    assert total >= 12


def test_every_example_is_what_its_command_prints_now() -> None:
    stale = [
        f"{path.relative_to(REPO)}:{e.line}: {e.command}"
        for path in documents()
        for e in update(path.read_text(encoding="utf-8"))[1]
    ]
    assert not stale, "stale examples (run `python -m tools.readme_examples --update`): " + ", ".join(stale)


def test_a_stale_block_is_found_and_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(
        "Intro\n\n<!-- run: $ contentlint classify samples/en/office-sale.md -->\n```text\n"
        "samples/en/office-sale.md:2: sale/at (promotional, 50%) old\n```\n\nEnd\n",
        encoding="utf-8",
    )
    assert readme_examples.main([str(path)]) == 1
    assert readme_examples.main([str(path), "--update"]) == 0
    text = path.read_text(encoding="utf-8")
    assert "$ contentlint classify samples/en/office-sale.md\nsamples/en/office-sale.md:2: sale/at (promotional" in text
    assert "50%) old" not in text and text.startswith("Intro\n") and text.endswith("```\n\nEnd\n")
    assert readme_examples.main([str(path)]) == 0


def test_filters_keep_lines_and_mark_what_they_leave_out() -> None:
    lines = ["a1", "b2", "a3", "b4", "a5"]
    assert select(lines, ["grep", "a"]) == [0, 2, 4]
    assert select(lines, ["grep", "-v", "-E", "^a"]) == [1, 3]
    assert select(lines, ["head", "-n", "2"]) == [0, 1] and select(lines, ["tail", "-n", "2"]) == [3, 4]
    with pytest.raises(ExampleError):
        select(lines, ["sed", "-n", "1p"])
    example = Example(
        'contentlint check samples/calendar.yaml | grep -E "^samples/calendar.yaml: calendar"', "", 0, 0, 1
    )
    assert (
        render(example) == "...\nsamples/calendar.yaml: calendar “Ledgerly Q1 content”, target 80-20 (at most a "
        "fifth of posts promotional (at purchase))\n...\n"
    )
    with pytest.raises(ExampleError):
        render(Example("rm -rf /", "", 0, 0, 1))
