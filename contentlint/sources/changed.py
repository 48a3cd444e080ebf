"""`--changed [REV]`: the files git says changed (staged + unstaged against HEAD, or against REV)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from contentlint.errors import ConfigError
from contentlint.fileio import read_regular_text
from contentlint.i18n import N_, Text
from contentlint.yamlsafe import load_yaml


def changed_files(rev: str | None, cwd: Path) -> list[Path]:
    """Existing files changed against ``rev`` (default HEAD, staged and unstaged) plus untracked ones."""

    def git(*args: str) -> list[str]:
        try:
            proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=True)
        except FileNotFoundError:
            raise ConfigError(Text(N_("--changed needs git, which is not installed"))) from None
        except subprocess.CalledProcessError as exc:
            raise ConfigError(
                Text(
                    N_("--changed: git {command} failed: {problem}"),
                    command=" ".join(args),
                    problem=exc.stderr.decode("utf-8", "replace").strip(),
                )
            ) from None
        # -z: names NUL-separated and unquoted (git quotes Japanese, Chinese or other non-ASCII names otherwise)
        return [name for name in os.fsdecode(proc.stdout).split("\0") if name]

    top = Path(git("rev-parse", "--show-toplevel")[0].strip())
    names = git("diff", "-z", "--name-only", "--diff-filter=ACMR", rev or "HEAD")
    names += git("ls-files", "-z", "--others", "--exclude-standard")
    return sorted({(top / name) for name in names if (top / name).is_file()})


def calendars_touching(paths: list[Path], candidates: list[Path]) -> list[Path]:
    """Calendars among ``candidates`` whose `file:` entries point at one of the changed ``paths``."""
    from contentlint.sources.calendar import is_calendar  # only with --changed: a plain run reads no calendar here

    changed = {p.resolve() for p in paths}
    found = []
    for calendar in candidates:
        if calendar.suffix.lower() not in (".yaml", ".yml") or calendar.resolve() in changed:
            continue
        try:
            data = load_yaml(read_regular_text(calendar, "utf-8-sig"), str(calendar)).data
        except Exception:
            continue
        if not is_calendar(data):
            continue
        files = {
            (calendar.parent / str(e["file"])).resolve()
            for e in data["entries"]
            if isinstance(e, dict) and e.get("file")
        }
        if files & changed:
            found.append(calendar)
    return found
