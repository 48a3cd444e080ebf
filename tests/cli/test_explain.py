"""`contentlint explain ID`: a mistyped id gets the ids it probably meant, on the error line, exit 2."""

from __future__ import annotations

import pytest

from contentlint.cli import main
from contentlint.cli.explain import similar_ids


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("hardsell", "hard-sell"),
        ("hard_sell", "hard-sell"),
        ("Hard-Sell", "hard-sell"),
        ("folower-bait", "follower-bait"),
        ("hard", "hard-sell"),
        ("vanity", "vanity-kpi"),
    ],
)
def test_a_mistyped_id_suggests_the_rule(typed: str, meant: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "--no-config", typed]) == 2
    error = [line for line in capsys.readouterr().err.splitlines() if line.startswith("Error:")]
    assert len(error) == 1 and f"unknown rule id `{typed}`" in error[0]
    assert error[0].split("Did you mean: ", 1)[1].split(", ")[0].rstrip("?") == meant


def test_nothing_close_points_at_the_rule_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "--no-config", "zzzz"]) == 2
    assert "See `contentlint rules`." in capsys.readouterr().err


def test_suggestions_are_ordered_closest_first() -> None:
    assert similar_ids("hardsell", ["follower-bait", "hard-sell", "hardware"])[0] == "hard-sell"
    assert similar_ids("qqq", ["hard-sell"]) == []
