"""Every output shown in README.md and in the docs site's pages (docs/**/*.md) comes from a real run, and a test
keeps it so.

An example is an HTML comment naming the command, directly followed by a fenced block holding its output:

    <!-- run: contentlint check samples/calendar.yaml | tail -n 9 -->
    ```text
    ...what the command prints...
    ```

The command runs in-process (`contentlint.cli.main`) from the repository's root, so no install or shell is needed,
with an English interface whatever the locale (`--ui-lang` in the command picks another).
After it, `| head -n N`, `| tail -n N` and `| grep [-v] PATTERN` (a Python regular expression) pick the lines worth
showing, as they would in a shell; each stretch of lines they leave out is shown as `...`, so a reader knows the
block is cut. A command written as `run: $ contentlint ...` shows the command line (without the filters) first.

    python -m tools.readme_examples             # check: print the stale examples, exit 1 if any
    python -m tools.readme_examples --update    # rewrite the blocks with what the commands print now
    python -m tools.readme_examples docs/quickstart.md   # only the documents named
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import shlex
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ELLIPSIS = "..."
_MARKER = re.compile(
    r"^<!-- run: (?P<command>.+?) -->\n```(?P<lang>[\w-]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL
)


class ExampleError(Exception):
    """A marker that cannot be run (unknown program or filter)."""


@dataclass(frozen=True, slots=True)
class Example:
    command: str  # as written in the marker
    shown: str  # the block's current content
    start: int  # offsets of the content inside the document
    end: int
    line: int  # of the marker, for messages

    @property
    def prompt(self) -> bool:
        return self.command.startswith("$ ")

    def stages(self) -> list[list[str]]:
        """The command and its filters, each split as a shell would."""
        text = self.command[2:] if self.prompt else self.command
        return [shlex.split(part) for part in text.split(" | ")]


def documents() -> list[Path]:
    """The documents whose examples are checked: README.md, then every page of the docs site, in path order."""
    return [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]


def examples(document: str) -> Iterator[Example]:
    for match in _MARKER.finditer(document):
        yield Example(
            match.group("command"),
            match.group("body"),
            match.start("body"),
            match.end("body"),
            document.count("\n", 0, match.start()) + 1,
        )


def run_contentlint(argv: Sequence[str]) -> str:
    """What `contentlint ARGV` prints on stdout, run in-process from the repository's root."""
    from contentlint.cli import main

    stdout, stderr = io.StringIO(), io.StringIO()
    previous = Path.cwd()
    # The examples are in English whatever the writer's locale; one in another language says --ui-lang.
    locale = os.environ.get("LC_ALL")
    os.environ["LC_ALL"] = "C.UTF-8"
    os.chdir(REPO)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            main(list(argv))
    finally:
        os.chdir(previous)
        if locale is None:
            del os.environ["LC_ALL"]
        else:
            os.environ["LC_ALL"] = locale
    return stdout.getvalue().replace(str(REPO) + os.sep, "")


def select(lines: list[str], stage: list[str]) -> list[int]:
    """The indexes of ``lines`` that a `head`, `tail` or `grep` stage keeps."""
    name, args = stage[0], stage[1:]
    if name in ("head", "tail") and len(args) == 2 and args[0] == "-n" and args[1].isdigit():
        count = int(args[1])
        indexes = list(range(len(lines)))
        return indexes[:count] if name == "head" else indexes[max(0, len(lines) - count) :]
    if name == "grep" and args:
        invert = args[0] == "-v"
        rest = [a for a in args if a not in ("-v", "-E")]
        if len(rest) == 1:
            pattern = re.compile(rest[0])
            return [i for i, line in enumerate(lines) if bool(pattern.search(line)) != invert]
    raise ExampleError(f"unknown filter `{' '.join(stage)}` (use head -n N, tail -n N or grep [-v] PATTERN)")


def render(example: Example) -> str:
    """The block's content as the command prints it now."""
    command, *filters = example.stages()
    if not command or command[0] != "contentlint":
        raise ExampleError(f"line {example.line}: only contentlint commands can run, not `{example.command}`")
    lines = run_contentlint(command[1:]).rstrip("\n").split("\n")
    kept = list(range(len(lines)))
    for stage in filters:
        chosen = select([lines[i] for i in kept], stage)
        kept = [kept[i] for i in chosen]
    out = [f"$ {shlex.join(command)}"] if example.prompt else []
    previous = -1
    for index in kept:
        if index > previous + 1:
            out.append(ELLIPSIS)
        out.append(lines[index])
        previous = index
    if previous < len(lines) - 1:
        out.append(ELLIPSIS)
    return "\n".join(out) + "\n"


def update(document: str) -> tuple[str, list[Example]]:
    """The document with every example's block rendered again, and the examples that had changed."""
    pieces, stale, last = [], [], 0
    for example in examples(document):
        fresh = render(example)
        if fresh != example.shown:
            stale.append(example)
        pieces += [document[last : example.start], fresh]
        last = example.end
    pieces.append(document[last:])
    return "".join(pieces), stale


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.readme_examples", description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="default: README.md and docs/**/*.md")
    parser.add_argument("--update", action="store_true", help="rewrite stale blocks instead of failing")
    options = parser.parse_args(argv)
    failed = 0
    for path in options.files or documents():
        document = path.read_text(encoding="utf-8")
        fresh, stale = update(document)
        for example in stale:
            shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
            print(f"{shown}:{example.line}: output of `{example.command}` has changed", file=sys.stderr)
        if options.update and stale:
            path.write_text(fresh, encoding="utf-8")
        elif stale:
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
