"""Every suppression form, unused suppressions, per-path overrides, and the baseline."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from contentlint.cli import main
from tests.helpers import run

BODY = "Buy now! Limited time only."


def rules_at(out: str) -> list[tuple[int, str]]:
    found = []
    for line in out.splitlines():
        parts = line.split(":")
        if len(parts) > 3 and parts[1].isdigit() and "[" in line:
            found.append((int(parts[1]), line.split("[", 1)[1].split("]", 1)[0]))
    return found


def test_markdown_disable_enable_and_next_line(write: Callable[..., Path]) -> None:
    path = write(
        "a.md",
        "---\ntitle: Notes\n---\n"
        "<!-- contentlint-disable hard-sell -->\nBuy now!\n<!-- contentlint-enable hard-sell -->\n"
        "Limited time only.\n"
        "<!-- contentlint-disable-next-line hard-sell -->\nAct now!\n"
        "Shop now!\n",
    )
    found = rules_at(run(["check", str(path)])[1])
    hard_sell = [line for line, rule in found if rule == "hard-sell"]
    assert hard_sell == [7, 10]  # line 5 (block) and line 9 (next line) are silenced


def test_disable_without_ids_silences_every_rule_and_unused_ones_are_reported(write: Callable[..., Path]) -> None:
    path = write(
        "a.md",
        "---\ntitle: Sale\nkpi: followers\n---\n<!-- contentlint-disable -->\n" + BODY + "\n"
        "<!-- contentlint-disable-next-line follower-bait -->\nNothing to see.\n",
    )
    found = rules_at(run(["check", str(path)])[1])
    assert "hard-sell" not in {rule for _, rule in found}
    assert (7, "unused-suppression") in found  # nothing on line 8 for follower-bait
    assert (3, "vanity-kpi") in found  # a block only covers the lines after it


def test_yaml_comment_forms(write: Callable[..., Path]) -> None:
    path = write(
        "post.yaml",
        "title: Sale  # contentlint: disable=promo-without-outcome,low-confidence\n"
        "kpi: followers  # contentlint: disable=vanity-kpi\n"
        "# contentlint: disable=hard-sell\n"
        "body: |\n  Buy now! Limited time only.\n",
    )
    code, out, _ = run(["check", str(path)])
    found = {rule for _, rule in rules_at(out)}
    assert not {"vanity-kpi", "hard-sell", "promo-without-outcome"} & found
    assert code in (0, 1)


def test_front_matter_disable_and_its_validation(write: Callable[..., Path]) -> None:
    path = write("a.md", "---\ntitle: Sale\ncontentlint: {disable: [hard-sell, follower-bait]}\n---\n" + BODY + "\n")
    found = rules_at(run(["check", str(path)])[1])
    assert "hard-sell" not in {r for _, r in found}
    bad = write("b.md", "---\ntitle: x\ncontentlint: hard-sell\n---\nText.\n")
    code, out, _ = run(["check", str(bad)])
    assert code == 2 and f"{bad}:3:14: error [input-error] `contentlint:` expects" in out


def test_input_errors_cannot_be_suppressed(write: Callable[..., Path]) -> None:
    path = write(
        "a.md",
        "---\ntitle: [oops\ncontentlint: {disable: [input-error]}\n---\n<!-- contentlint-disable -->\nBuy now!\n",
    )
    code, out, _ = run(["check", str(path)])
    assert code == 2 and "[input-error] invalid YAML" in out


def test_per_path_overrides_in_config(write: Callable[..., Path], tmp_path: Path) -> None:
    write(".contentlint.yaml", "overrides:\n  - files: ['drafts/**']\n    rules: {hard-sell: off}\n")
    draft = write("drafts/2026/a.md", "---\ntitle: Sale\n---\n" + BODY + "\n")
    post = write("posts/a.md", "---\ntitle: Sale\n---\n" + BODY + "\n")
    out = run(["check", str(tmp_path)])[1]
    assert f"{post}:4:1: warning [hard-sell]" in out and f"{draft}:4:1: warning [hard-sell]" not in out


def test_baseline_survives_line_shifts_and_fails_only_on_new_findings(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    post = write("a.md", "---\ntitle: Sale\n---\n" + BODY + "\n")
    baseline = tmp_path / "baseline.json"
    code, _out, err = run(["check", str(post), "--baseline", str(baseline)])
    assert code == 0 and "baseline written" in err
    data = json.loads(baseline.read_text())
    assert data["schema"] == "contentlint.baseline/1" and len(data["findings"]) >= 2
    post.write_text("---\ntitle: Sale\n---\nA new first line.\n\n" + BODY + "\n", encoding="utf-8")
    code, out, err = run(["check", str(post), "--baseline", str(baseline)])
    assert code == 0 and "[hard-sell]" not in out and "known findings hidden" in err
    post.write_text("---\ntitle: Sale\n---\nA new first line.\n\n" + BODY + " Act now!\n", encoding="utf-8")
    code, out, _ = run(["check", str(post), "--baseline", str(baseline)])
    assert code == 1 and "“Act now”" in out and "“Buy now”" not in out
    broken = write("broken.json", "not json")
    assert main(["check", str(post), "--baseline", str(broken)]) == 2


def test_unclosed_suppression_comments_are_scanned_in_linear_time(write: Callable[..., Path]) -> None:
    from contentlint.sources.comments import MARKDOWN_COMMENTS, scan
    from tests.helpers import finishes_within

    text = "Buy now.\n" + "<!-- contentlint-disable " * 37_000 + "\n"
    assert finishes_within(30, lambda: len(scan("post.md", text, MARKDOWN_COMMENTS).directives)) == 0
    bad = write("bad.md", text)
    good = write("good.md", "---\ntitle: Spring sale\n---\nBuy now! Limited time only.\n")
    code, out, _ = run(["check", "--no-cache", str(bad), str(good)])
    assert code == 1 and f"{bad}:1:1: warning [hard-sell]" in out and f"{good}:4:1: warning [hard-sell]" in out
