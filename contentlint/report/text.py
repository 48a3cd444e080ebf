"""Plain text: `path:line:col: level [rule-id] message`, sorted, then a summary."""
from __future__ import annotations

from typing import TextIO

from contentlint.result import Result


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def write_text(result: Result, stream: TextIO) -> None:
    for f in result.findings:
        stream.write(f"{f.path}:{f.line}:{f.column}: {f.level} [{f.rule_id}] {f.message}\n")
    counts = result.counts()
    problems = sum(counts.values())
    summary = (f"{_plural(problems, 'problem')} ({_plural(counts['error'], 'error')}, "
               f"{_plural(counts['warning'], 'warning')}, {_plural(counts['info'], 'info')}) "
               f"in {_plural(result.files, 'file')}, {_plural(len(result.posts), 'post')}")
    stream.write(("\n" if result.findings else "") + summary + "\n")
