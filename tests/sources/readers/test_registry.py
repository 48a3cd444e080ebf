"""The input-format registry: one reader per format decides suffixes, sniffing, parsing and comment syntax."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from contentlint.cli import main
from contentlint.config import Config
from contentlint.errors import InputError
from contentlint.sources import readers
from contentlint.sources.comments import YAML_COMMENTS, CommentSyntax
from contentlint.sources.load import load_target
from contentlint.sources.post import markdown_post
from contentlint.sources.readers import Loaded, Source, include_globs, readers_for
from contentlint.sources.target import Target
from tests.helpers import REPO

HARD_SELL = "---\ntitle: Spring sale\n---\nEverything is 30% off. Buy now — limited time only!\n"


def test_the_default_include_globs_are_every_readers_suffixes() -> None:
    every = {suffix for reader in readers.READERS for suffix in reader.suffixes}
    assert {glob.removeprefix("*") for glob in include_globs()} == every
    assert len(include_globs()) == len(set(include_globs()))


# Left out of the pre-commit hook on purpose: a CSV file handed over by name must be a calendar (it is an error
# otherwise), and a content repository holds CSV data of every other kind.
NOT_IN_HOOK = {".csv"}


def test_the_pre_commit_hook_hands_over_every_readers_suffix_but_the_ones_left_out() -> None:
    import re

    import yaml

    hook = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    files = re.compile(hook["files"])
    handed = {suffix for suffix in readers.suffixes() if files.search(f"posts/a{suffix}")}
    assert handed == set(readers.suffixes()) - NOT_IN_HOOK


def test_init_writes_the_registrys_include_globs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    written = (tmp_path / ".contentlint.yaml").read_text(encoding="utf-8")
    assert f"include: {json.dumps(list(include_globs()))}\n" in written


@pytest.mark.parametrize(
    "name, expected",
    [
        ("post.md", ["markdown"]),
        ("POST.MDX", ["markdown"]),
        ("post.markdown", ["markdown"]),
        ("plan.yml", ["linkedin-profile", "yaml-calendar", "yaml-post"]),
        ("plan.CSV", ["csv-calendar"]),
        ("<stdin>", ["markdown"]),
        ("notes.txt", ["markdown"]),  # no known suffix: read as Markdown, as stdin is
    ],
)
def test_readers_for_a_name_in_the_order_they_are_tried(name: str, expected: list[str]) -> None:
    assert [reader.name for reader in readers_for(name)] == expected


def test_the_first_reader_that_sniffs_a_yaml_file_reads_it(write: Callable[..., Path]) -> None:
    """A profile's `kind` wins over `entries:`, which wins over `body:`."""
    profile = write("profile.yaml", "kind: linkedin-profile\nname: Ana\nentries: []\n")
    with pytest.raises(InputError, match="unknown profile key `entries`"):  # read as a profile, not a calendar
        load_target(Target(str(profile), profile, True), Config())
    calendar = write("calendar.yaml", "entries:\n  - {date: 2026-01-05, title: How to close, body: Steps.}\nbody: x\n")
    loaded = load_target(Target(str(calendar), calendar, True), Config())
    assert loaded.calendar is not None and len(loaded.posts) == 1 and loaded.profile is None


def test_a_csv_calendar_has_no_comment_syntax_so_no_suppressions(write: Callable[..., Path]) -> None:
    path = write(
        "plan.csv",
        "date,channel,title,body\n2026-01-05,blog,How to close the month,"
        '"# contentlint: disable=hard-sell <!-- contentlint-disable -->"\n',
    )
    loaded = load_target(Target(str(path), path, True), Config())
    assert loaded.calendar is not None and loaded.suppressions is None


@dataclass(frozen=True, slots=True)
class _NoteReader:
    """A format a plug-in might add: Markdown with `#` comments, in `.note` files."""

    name: str = "note"
    suffixes: tuple[str, ...] = (".note",)
    comments: CommentSyntax | None = YAML_COMMENTS

    def sniff(self, source: Source) -> bool:
        return True

    def read(self, source: Source) -> Loaded:
        return Loaded([markdown_post(source.file(), source.config.language, source.config.limits)])


def test_a_new_format_is_one_reader_in_the_registry(
    write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The registry alone decides how a file is read and how its suppression comments are written: a `.note`
    reader with `#` comments is honoured by the suppression scan without any change elsewhere."""
    silenced = write("sale.note", HARD_SELL.replace("---\n", "---\n# contentlint: disable\n", 1))
    monkeypatch.setattr(readers, "READERS", (_NoteReader(), *readers.READERS))
    assert [reader.name for reader in readers_for("sale.note")] == ["note"]
    assert main(["check", "--no-cache", "--no-config", "--format", "json", str(silenced)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["findings"] == [] and len(report["posts"]) == 1
    monkeypatch.setattr(readers, "READERS", readers.READERS[1:])  # without the reader: Markdown, where `#` starts
    assert main(["check", "--no-cache", "--no-config", "--format", "json", str(silenced)]) == 1  # no directive
    assert any(f["rule"] == "hard-sell" for f in json.loads(capsys.readouterr().out)["findings"])
