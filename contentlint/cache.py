"""Per-file result cache: unchanged files are not analysed again.

An entry is keyed by the file's bytes, the effective config, the rule packs' contents, the shipped model's card
and the contentlint version, so any change to any of them misses. Entries are JSON (never pickle: a foreign
entry must not be able to run code), written atomically; a corrupt or foreign entry is ignored and rebuilt.
When every file hits, spaCy is never imported. Calendars are not cached (their entries can live in other files).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from contentlint.calendar.entries import Entry
from contentlint.calendar.scorecard import EntryResult
from contentlint.config import Config
from contentlint.fileio import read_regular, read_regular_text
from contentlint.packfiles import MODELS_DIR, default_pack_files, pack_files
from contentlint.post import Finding, Post, Related
from contentlint.result import PostSummary, RuleInfo
from contentlint.rewrite.rewrites import Rewrites
from contentlint.sourcemap import SourceFile, SourceMap
from contentlint.sources.comments import Directive, FileSuppressions
from contentlint.version import __version__

FORMAT = 4  # 2 added grouped-finding marks or brief slots; 3 holds both; 4 keeps calendar entries' titles


@lru_cache(maxsize=64)
def _file_digest(path: Path, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(read_regular(path)).hexdigest()


def _digest_of(path: Path) -> str:
    stat = path.stat()
    return _file_digest(path, stat.st_mtime_ns, stat.st_size)


def environment_key(config: Config, extra: tuple[Any, ...]) -> str:
    """Everything but the file's own bytes that decides a file's results."""
    packs = [*default_pack_files(), *(p for pack in config.packs for p in pack_files(pack))]
    card = MODELS_DIR / "card.json"
    parts = {
        "format": FORMAT,
        "version": __version__,
        "config": config.to_dict(),
        "extra": [str(e) for e in extra],
        "packs": [(str(p), _digest_of(p)) for p in packs],
        "model": _digest_of(card) if card.is_file() else None,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


class Cache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.hits = self.misses = 0

    def key(self, data: bytes, environment: str) -> str:
        return hashlib.sha256(environment.encode() + b"\0" + data).hexdigest()

    def get(self, key: str) -> dict[str, Any] | None:
        path = self.directory / key[:2] / f"{key}.json"
        try:
            entry = json.loads(read_regular_text(path))
            if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != key:
                raise ValueError("foreign entry")
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError, RecursionError):
            self.misses += 1  # corrupt or foreign: rebuilt and overwritten on this run
            return None
        self.hits += 1
        return entry

    def put(self, key: str, entry: dict[str, Any]) -> None:
        folder = self.directory / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                # ASCII escapes keep any text, including a file name that is not UTF-8 (a lone surrogate)
                json.dump({**entry, "format": FORMAT, "key": key}, handle)
            os.replace(tmp, folder / f"{key}.json")  # atomic: readers see the old entry or the new one
        except OSError:
            pass  # a read-only or full cache folder only costs speed


# -- (de)serialising one file's outcome ------------------------------------------------------------------------


def dump_outcome(
    posts: list[PostSummary], findings: list[Finding], feed: list[EntryResult], suppressions: FileSuppressions | None
) -> dict[str, Any]:
    return {
        "posts": [_post(p) for p in posts],
        "findings": [asdict(f) for f in findings],
        "feed": [
            {
                "index": r.entry.index,
                "line": r.entry.line,
                "path": r.entry.path,
                "date": r.date.isoformat() if r.date else None,
                "channel": r.channel,
                "label": r.label,
                "group": r.group,
                "stage": r.stage,
                "confidence": r.confidence,
                "post": None if r.entry.post is None else _entry_post(r.entry.post),
            }
            for r in feed
        ],
        "suppressions": None
        if suppressions is None
        else {
            "path": suppressions.path,
            "directives": [
                {
                    "line": d.line,
                    "column": d.column,
                    "rules": sorted(d.rules),
                    "first": d.first,
                    "last": d.last,
                    "to_end": d.to_end,
                }
                for d in suppressions.directives
            ],
        },
    }


def _entry_post(post: Post) -> dict[str, Any]:
    """What a calendar's or feed's view reads of an entry's post: where it is, its title and language."""
    return {"path": post.path, "line": post.line, "title": post.title, "lang": post.lang}


def _title_post(data: dict[str, Any]) -> Post:
    """An entry's post as the cache keeps it: its title as the whole text (the body was analysed already)."""
    title = data["title"]
    source = SourceMap(SourceFile(data["path"], title), range(len(title)))
    return Post(data["path"], title, source, title=title, lang=data["lang"], line=data["line"])


def _post(p: PostSummary) -> dict[str, Any]:
    data = asdict(p)
    data["rewrites"] = p.rewrites.to_dict() if p.rewrites else None
    data["evidence"] = [list(e) for e in p.evidence]
    data["marks"] = [list(m) for m in p.marks]
    return data


Outcome = tuple[list[PostSummary], list[Finding], list[EntryResult], FileSuppressions | None]


def load_outcome(entry: dict[str, Any]) -> Outcome | None:
    """The outcome stored in ``entry``, or None when the entry does not have the shape ``dump_outcome`` writes
    (a corrupt or foreign entry of any shape: the caller analyses the file again)."""
    try:
        outcome = _load_outcome(entry)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        return None
    posts, findings, _feed, _suppressions = outcome
    if not all(_well_typed(f) for f in findings) or not all(isinstance(p.path, str) for p in posts):
        return None
    return outcome


def _well_typed(finding: Finding) -> bool:
    return (
        isinstance(finding.path, str)
        and isinstance(finding.line, int)
        and isinstance(finding.column, int)
        and isinstance(finding.rule_id, str)
        and isinstance(finding.message, str)
        and finding.level in ("error", "warning", "info")
    )


def _load_outcome(entry: dict[str, Any]) -> Outcome:
    posts = []
    for data in entry["posts"]:
        rewrites = data.pop("rewrites")
        data["evidence"] = tuple(tuple(e) for e in data["evidence"])
        data["marks"] = tuple(tuple(m) for m in data["marks"])
        posts.append(PostSummary(**data, rewrites=Rewrites.from_dict(rewrites) if rewrites else None))
    findings = [
        Finding(**{**f, "related": tuple(Related(**r) for r in f.get("related", ()))}) for f in entry["findings"]
    ]
    feed = [
        EntryResult(
            Entry(
                r["index"],
                r["line"],
                r["path"],
                dt.date.fromisoformat(r["date"]) if r["date"] else None,
                r["channel"],
                None if r["post"] is None else _title_post(r["post"]),
            ),
            r["label"],
            r["group"],
            r["stage"],
            r["confidence"],
        )
        for r in entry["feed"]
    ]
    raw = entry["suppressions"]
    suppressions = None
    if raw is not None:
        suppressions = FileSuppressions(
            raw["path"],
            [
                Directive(
                    d["line"], d["column"], frozenset(d["rules"]), d["first"], d["last"], to_end=d.get("to_end", False)
                )
                for d in raw["directives"]
            ],
        )
    return posts, findings, feed, suppressions


def dump_rule_infos(infos: list[RuleInfo]) -> dict[str, Any]:
    return {"rules": [{**asdict(info), "rationales": dict(info.rationales)} for info in infos]}


def load_rule_infos(entry: dict[str, Any] | None) -> list[RuleInfo] | None:
    """The rule descriptions ``dump_rule_infos`` stored; None for no entry or one of another shape."""
    if entry is None:
        return None
    try:
        infos = [RuleInfo(**data) for data in entry["rules"]]
    except (KeyError, TypeError):
        return None
    if not all(
        isinstance(i.id, str) and isinstance(i.rationale, str) and isinstance(i.rationales, dict) for i in infos
    ):
        return None
    return infos
