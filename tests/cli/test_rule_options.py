"""Config can set a rule's options (`rules: {id: {options: {...}}}`), checked against the rule kind's schema."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from contentlint.cache import environment_key
from contentlint.cli import main
from contentlint.config import load_config

POST = "---\ntitle: Ten tips for better spreadsheets\nkpi: {kpi}\n---\nTen tips you can use today.\n"
DOWNLOADS_ARE_VANITY = """\
rules:
  vanity-kpi:
    level: error
    options: {values: [downloads]}
"""


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-cache", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def vanity(out: str) -> list[str]:
    return [line for line in out.splitlines() if "[vanity-kpi]" in line]


def test_options_replace_the_rules_params(
    write: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    downloads, followers = write("a.md", POST.format(kpi="downloads")), write("b.md", POST.format(kpi="followers"))
    assert vanity(check(capsys, str(downloads), str(followers))[1]) == [
        line for line in check(capsys, str(followers))[1].splitlines() if "[vanity-kpi]" in line
    ]
    write(".contentlint.yaml", DOWNLOADS_ARE_VANITY)
    code, out, _ = check(capsys, str(downloads), str(followers))
    assert code == 1
    found = vanity(out)
    assert len(found) == 1 and found[0].startswith(f"{downloads}:3:6: error [vanity-kpi] kpi “downloads”"), out


def test_options_in_a_path_override_apply_to_its_files_only(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        ".contentlint.yaml",
        "overrides:\n  - files: [drafts/**]\n    rules:\n      vanity-kpi: {options: {values: [downloads]}}\n",
    )
    draft, post = write("drafts/a.md", POST.format(kpi="downloads")), write("posts/a.md", POST.format(kpi="downloads"))
    found = vanity(check(capsys, str(draft), str(post))[1])
    assert [line.split(":")[0] for line in found] == [str(draft)]


@pytest.mark.parametrize(
    ("setting", "complaint"),
    [
        (
            "{options: {belw: 0.4}}",
            "rules: `low-confidence`: unknown option `belw` (a `low-confidence` rule takes: below)",
        ),
        ("{options: {below: 1.4}}", "rules: `low-confidence`: option `below`: expected a number from 0 to 1"),
        (
            "{level: info, options: {below: yes}}",
            "rules: `low-confidence`: option `below`: expected a number from 0 to 1",
        ),
    ],
)
def test_a_bad_option_names_the_file_the_rule_and_the_option(
    write: Callable[..., Path], setting: str, complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write(".contentlint.yaml", f"language: en\nrules:\n  hard-sell: error\n  low-confidence: {setting}\n")
    code, out, _ = check(capsys, str(write("a.md", POST.format(kpi="visits"))))
    assert code == 2
    assert out.splitlines()[0] == f"{config}:4:1: error [config-error] {complaint}"


@pytest.mark.parametrize(
    ("ui_lang", "locale", "complaint"),
    [
        (
            "ja",
            "ja_JP.UTF-8",
            "rules：`vanity-kpi`：オプション `values`：文字列を 1 つ以上並べたリストを指定してください",
        ),
        ("zh", "zh_CN.UTF-8", "rules：`vanity-kpi`：选项 `values`：应为非空的字符串列表"),
    ],
)
def test_the_error_is_in_the_interface_language(
    write: Callable[..., Path],
    ui_lang: str,
    locale: str,
    complaint: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = write(".contentlint.yaml", "rules:\n  vanity-kpi:\n    options: {values: []}\n")
    post = str(write("a.md", POST.format(kpi="visits")))
    code, out, _ = check(capsys, "--ui-lang", ui_lang, post)
    assert code == 2 and out.splitlines()[0] == f"{config}:2:1: error [config-error] {complaint}"
    monkeypatch.setenv("LANG", locale)  # `contentlint rules` has no --ui-lang: the locale decides
    assert main(["rules", "--config", str(config)]) == 2
    assert capsys.readouterr().err.strip() == f"contentlint: {config}:2: {complaint}"


def test_an_option_that_breaks_the_kinds_own_check_is_refused(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    config = write(".contentlint.yaml", "rules:\n  linkedin-pitch:\n    options: {phrases: {en: [act now]}}\n")
    assert main(["rules", "--config", str(config)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"contentlint: {config}:2: rules: `linkedin-pitch`: options: "
        "phrases: no entry for language 'ja' listed in `languages`"
    )


def test_options_must_be_a_mapping(write: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    config = write(".contentlint.yaml", "rules:\n  vanity-kpi: {options: [downloads]}\n")
    assert main(["rules", "--config", str(config)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"contentlint: {config}:1: rules: vanity-kpi: options: expected a mapping of option name -> value, "
        "e.g. {below: 0.4}"
    )


def test_config_show_prints_the_options_and_they_load_back(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    config = write(".contentlint.yaml", DOWNLOADS_ARE_VANITY)
    assert main(["config", "--show", "--config", str(config)]) == 0
    shown = yaml.safe_load(capsys.readouterr().out)["rules"]
    assert shown == {"vanity-kpi": {"enabled": True, "level": "error", "options": {"values": ["downloads"]}}}
    again = write("again.yaml", yaml.safe_dump({"rules": shown}))
    assert load_config(again).rules == load_config(config).rules


def test_options_are_part_of_the_result_cache_key(
    write: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write(".contentlint.yaml", DOWNLOADS_ARE_VANITY)
    post = str(write("a.md", POST.format(kpi="downloads")))
    cache = ["--cache-dir", str(tmp_path / "cache")]
    for _ in range(2):  # the second run reads the cache
        code = main(["check", *cache, post])
        assert code == 1 and len(vanity(capsys.readouterr().out)) == 1
    key = environment_key(load_config(config), ())
    config.write_text(DOWNLOADS_ARE_VANITY.replace("downloads", "followers"), encoding="utf-8")
    assert environment_key(load_config(config), ()) != key
    code = main(["check", *cache, post])
    assert code == 0 and vanity(capsys.readouterr().out) == []
