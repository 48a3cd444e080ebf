"""The shared option groups: each adds its options to a command and gathers their values into one
`CommandOptions`; a group a command lacks keeps its defaults."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from contentlint.cli.options import CommandOptions, gate_options, output_options, run_options


def _command(received: list[CommandOptions]) -> click.Command:
    @click.command("probe")
    @run_options
    @gate_options
    @output_options
    @click.option("--format", "fmt", default="text")
    def probe(opts: CommandOptions, fmt: str) -> None:
        received.append(opts)
        click.echo(fmt)

    return probe


def test_the_groups_gather_their_values_into_one_options_object() -> None:
    received: list[CommandOptions] = []
    args = ["a.md", "b.md", "--no-config", "--lang", "ja", "-j", "2", "--target", "70-20-10", "-o", "out.html"]
    result = CliRunner().invoke(_command(received), [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.output == "json\n"
    (opts,) = received
    assert opts.paths == ("a.md", "b.md")
    assert (opts.no_config, opts.language, opts.jobs, opts.target, opts.output) == (
        True,
        "ja",
        2,
        "70-20-10",
        Path("out.html"),
    )
    assert opts.fail_level is None and opts.fail_under is None and opts.stdin_filename == "<stdin>"  # defaults


def test_the_options_keep_their_order_in_help() -> None:
    shown = CliRunner().invoke(_command([]), ["--help"]).output
    names = [line.split()[0].rstrip(",") for line in shown.splitlines() if line.startswith("  -")]
    assert names == [
        "--config",
        "--no-config",
        "--lang",
        "--stdin-filename",
        "--cache-dir",
        "--no-cache",
        "-j",
        "--ui-lang",
        "-v",
        "--target",
        "--fail-under",
        "-o",
        "--template",
        "--format",
        "--help",
    ]


def test_run_options_are_built_from_the_gathered_values() -> None:
    options = CommandOptions(paths=("x",), no_cache=True, fail_level="error", ui_lang="zh").run_options()
    assert options.cache_dir is None and options.fail_level == "error" and options.ui_lang == "zh"
    assert not CommandOptions(no_config=True).run_options().use_config_files
