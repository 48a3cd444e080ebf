from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from contentlint.cli import main
from tests.helpers import INSIGHT_EN, PROMO_JA, REPO, run, tree_digest

PROMO_EN = "---\ntitle: Spring sale\nchannel: x\n---\nEverything is 30% off. Buy now — limited time only!\n"
INSIGHT_JA = (
    "---\ntitle: 統計分析でユーザー行動を理解する方法\n---\n"
    "あなたのデータに問いを立てる方法を、手順に沿って紹介します。"
    "まず会員登録日と解約日を書き出し、次に登録月ごとにグループに分けます。最後に継続率の曲線を比べると、"
    "どの時期のお客様がどんな課題を抱えているのかが見えてきます。\n"
)


def test_clean_posts_exit_0(write: Callable[..., Path]) -> None:
    code, out, _ = run(["check", str(write("a.md", INSIGHT_EN)), str(write("b.md", INSIGHT_JA))])
    assert code == 0
    assert "(0 errors, 0 warnings, " in out and out.strip().endswith("in 2 files, 2 posts"), out


def test_findings_exit_1_with_positions_in_both_languages(write: Callable[..., Path], tmp_path: Path) -> None:
    en, ja = write("en.md", PROMO_EN), write("ja.md", PROMO_JA)
    code, out, _ = run(["check", str(tmp_path)])
    assert code == 1
    lines = out.splitlines()
    hard_sell = [line for line in lines if "[hard-sell]" in line]
    assert hard_sell[0].startswith(f"{en}:5:24: warning [hard-sell] Hard-sell pressure: “Buy now”.")
    assert hard_sell[1].startswith(f"{en}:5:34: warning [hard-sell] Hard-sell pressure: “limited time only”")
    assert hard_sell[2].startswith(f"{ja}:4:13: warning [hard-sell] 売り込みの圧力：「今だけ」")
    assert len(hard_sell) == 4
    findings = [line for line in lines if re.match(r"^\S+:\d+:\d+: ", line)]
    assert findings == sorted(
        findings, key=lambda f: (f.split(":")[0], int(f.split(":")[1]), int(f.split(":")[2]), f.split("[")[1])
    )
    assert lines[-1].endswith("in 2 files, 2 posts") and "(0 errors" in lines[-1]


def test_fail_level_error_lets_warnings_pass(write: Callable[..., Path]) -> None:
    path = str(write("en.md", PROMO_EN))
    assert run(["check", "--fail-level", "error", path])[0] == 0
    assert run(["check", "--fail-level", "info", path])[0] == 1


def test_config_can_raise_a_rule_to_error_and_turn_one_off(write: Callable[..., Path], tmp_path: Path) -> None:
    write(".contentlint.yaml", "fail_level: error\nrules:\n  hard-sell: error\n  vanity-kpi: off\n")
    path = write("en.md", PROMO_EN.replace("channel: x", "kpi: followers"))
    code, out, _ = run(["check", str(path)])
    assert code == 1
    assert "error [hard-sell]" in out and "vanity-kpi" not in out
    code, out, _ = run(["check", "--no-config", str(path)])
    assert "warning [hard-sell]" in out and "vanity-kpi" in out


def test_input_errors_exit_2_and_other_files_are_still_linted(write: Callable[..., Path], tmp_path: Path) -> None:
    write("good.md", PROMO_EN)
    write("broken.md", "---\ntitle: [oops\n---\nbody\n")
    write("sjis.md", "今だけ半額".encode("cp932"))
    write("empty.md", "")
    write("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    before = tree_digest(tmp_path)
    code, out, err = run(["check", str(tmp_path)])
    assert code == 2
    assert "Traceback" not in out + err
    assert f"{tmp_path}/broken.md:3:1: error [input-error] invalid YAML" in out
    assert f"{tmp_path}/sjis.md:1:1: error [input-error] not UTF-8 (byte 0x8d), looks like Shift_JIS" in out
    assert "empty.md" not in out  # no prose: holds no post, skipped (named with --verbose)
    assert f"{tmp_path}/image.md:1:1: error [input-error] binary file (a PNG image)" in out
    assert f"{tmp_path}/good.md:5:24: warning [hard-sell]" in out
    assert tree_digest(tmp_path) == before


def test_broken_config_exit_2_names_file_and_key(write: Callable[..., Path], tmp_path: Path) -> None:
    config = write(".contentlint.yaml", "fail_level: error\ncolour: red\n")
    code, out, _ = run(["check", str(write("a.md", INSIGHT_EN))])
    assert code == 2
    assert f"{config}:2:1: error [config-error] unknown key `colour`" in out


def test_broken_user_pack_exit_2(write: Callable[..., Path]) -> None:
    pack = write("pack.yaml", "rules:\n  - id: x\n    kind: nope\n    message: m\n    rationale: r\n")
    write(".contentlint.yaml", "packs: [pack.yaml]\n")
    code, out, _ = run(["check", str(write("a.md", INSIGHT_EN))])
    assert code == 2
    assert f"{pack}:2:1: error [rule-error] rule `x`: kind: 'nope' is not a rule kind" in out


def test_invalid_token_pattern_in_user_pack_is_blamed_on_the_pack(write: Callable[..., Path]) -> None:
    write(
        "pack.yaml",
        "rules:\n  - id: x\n    kind: pattern\n    languages: [en]\n    message: m\n"
        "    rationale: r\n    params:\n      patterns: {en: [[{NOT_AN_ATTR: 1}]]}\n",
    )
    write(".contentlint.yaml", "packs: [pack.yaml]\n")
    code, out, _ = run(["check", str(write("a.md", INSIGHT_EN))])
    assert code == 2 and "[rule-error] rule `x`: params.patterns: invalid token pattern" in out


def test_unknown_language_warns_exit_2_and_runs_language_independent_rules(write: Callable[..., Path]) -> None:
    path = write("fr.md", "---\nlang: fr\nkpi: followers\n---\nAchetez maintenant !\n")
    code, out, _ = run(["check", str(path)])
    assert code == 2
    assert f"{path}:2:7: warning [unsupported-language] no language pipeline for 'fr'" in out
    assert f"{path}:3:6: warning [vanity-kpi]" in out


def test_missing_path_and_usage_errors_exit_2(tmp_path: Path) -> None:
    code, out, _ = run(["check", str(tmp_path / "nope.md")])
    assert code == 2 and "no such file or directory" in out
    assert main(["check"]) == 2
    assert main(["check", "--format", "yaml", "x.md"]) == 2
    assert main(["frobnicate"]) == 2


def test_json_output(write: Callable[..., Path]) -> None:
    path = write("ja.md", PROMO_JA)
    code, out, _ = run(["check", "--format", "json", str(path)])
    data = json.loads(out)
    assert code == 1
    assert data["schema"] == "contentlint.check/3"
    assert data["summary"]["exit_code"] == 1
    first = next(f for f in data["findings"] if f["rule"] == "hard-sell")
    assert list(first) == sorted(first)
    assert (first["rule"], first["line"], first["column"], first["text"]) == ("hard-sell", 4, 13, "今だけ")
    (post,) = data["posts"]
    assert {k: post[k] for k in ("path", "line", "title", "lang")} == {
        "path": str(path),
        "line": 2,
        "title": "春のセール",
        "lang": "ja",
    }
    assert (post["label"], post["group"], post["stage"]) == ("sale", "promotional", "at")


def test_stdin(write: Callable[..., Path]) -> None:
    code, out, _ = run(["check", "--stdin-filename", "draft.md", "-"], stdin=PROMO_JA.encode())
    assert code == 1 and "\ndraft.md:4:13: warning [hard-sell]" in "\n" + out


def test_lang_option_overrides_detection(write: Callable[..., Path]) -> None:
    path = write("x.md", "---\ntitle: 今だけ\n---\nBuy now.\n")
    assert "“Buy now”" in run(["check", "--lang", "en", str(path)])[1]


def test_samples_show_findings_in_both_languages() -> None:
    code, out, _ = run(["check", str(REPO / "samples")])
    assert code == 1
    for name in (
        "en/office-sale.md",
        "ja/office-sale.md",
        "en/launch-announcement.yaml",
        "ja/new-service-announcement.yaml",
    ):
        assert f"samples/{name}:" in out
    for clean in ("excel-statistics-user-behaviour.md", "pivot-table", "three-ways"):
        assert not [line for line in out.splitlines() if clean in line and ": warning [" in line], clean


def test_module_entry_point_and_console_script() -> None:
    proc = subprocess.run([sys.executable, "-m", "contentlint", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and "contentlint" in proc.stdout


def test_rules_and_explain() -> None:
    code, out, _ = run(["rules"])
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == [
        "cadence-drop",
        "calendar-gap",
        "calendar-span",
        "channel-length",
        "channel-mix",
        "closed-channel-promos",
        "company-centric",
        "follower-bait",
        "hard-sell",
        "insight-free-weeks",
        "instagram-hashtag-limit",
        "irregular-cadence",
        "ja-stealth-marketing",
        "ja-unsupported-superlative",
        "link-first-line",
        "linkedin-hashtags",
        "linkedin-no-question",
        "linkedin-pitch",
        "linkedin-profile",
        "low-confidence",
        "mix-score",
        "open-channel-only-promos",
        "promo-streak",
        "promo-without-outcome",
        "stage-mismatch",
        "title-length",
        "unsupported-superlative",
        "vanity-kpi",
        "weibo-fold",
        "x-hashtags",
        "zh-absolute-terms",
        "zh-ad-label",
        "zh-superlative",
    ]
    assert "linkedin-pitch" in out and "(linkedin)" in run(["rules"])[1].split("linkedin-pitch", 1)[1].split("\n")[0]
    code, out, _ = run(["explain", "hard-sell"])
    assert code == 0 and "Why:" in out and "今すぐ購入" in out
    assert main(["explain", "hard"]) == 2
    data = json.loads(run(["rules", "--format", "json"])[1])
    assert {r["id"] for r in data["rules"]} >= {"hard-sell", "vanity-kpi"}


def test_spacy_is_not_imported_for_rules_or_language_independent_posts(write: Callable[..., Path]) -> None:
    path = write("fr.md", "---\nlang: fr\n---\nBonjour\n")
    code = (
        "import sys; from contentlint.cli import main; main(['rules']); "
        f"main(['check', {str(path)!r}]); print('spacy' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip().endswith("False"), proc.stdout + proc.stderr


def test_named_files_that_hold_no_post_are_skipped_and_named_only_with_verbose(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    """pre-commit names every file of a commit: site config, data YAML and section pages are not errors."""
    files = [
        write("config.yaml", "baseURL: https://example.org/\ntitle: Churn notes\n"),
        write(".pre-commit-config.yaml", "repos: []\n"),
        write("data/authors.yaml", "- name: Ana\n"),
        write("content/_index.md", "---\ntitle: Blog\n---\n"),
        write("content/old.md", "---\nredirect: /blog/new\n---\n"),
        write("content/post.md", INSIGHT_EN),
    ]
    code, out, err = run(["check", "--no-cache", *map(str, files)])
    assert code == 0, out
    assert out.strip().endswith("in 6 files, 1 post") and err == ""
    code, out, err = run(["check", "--no-cache", "--verbose", *map(str, files)])
    assert code == 0
    skipped = [line for line in err.splitlines() if line.startswith("contentlint: skipped ")]
    assert len(skipped) == 5 and f"contentlint: skipped {files[0]}: holds no post, calendar or profile" in err
    assert f"contentlint: skipped {files[4]}: no prose to lint" in err


@pytest.mark.parametrize("command", ["check", "report"])
def test_a_report_never_overwrites_an_input(
    command: str, write: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = write("posts/victim.md", PROMO_EN)
    config = write(".contentlint.yaml", "fail_level: warning\n")
    before = tree_digest(tmp_path)
    for output, paths in ((post, [post]), (post, [tmp_path / "posts"]), (config, [post])):
        assert main([command, "--no-cache", "-o", str(output), *map(str, paths)]) == 2
        assert "a report never overwrites an input" in capsys.readouterr().err
    assert tree_digest(tmp_path) == before
    code, _, _ = run([command, "--no-cache", "-o", str(tmp_path / "report.txt"), str(post)])
    assert code in (0, 1) and (tmp_path / "report.txt").stat().st_size > 0
