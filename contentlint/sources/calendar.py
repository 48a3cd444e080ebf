"""Editorial calendars: YAML (`entries:`) and CSV as spreadsheets export it -> Calendar + one Post per entry."""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, SequenceNode

from contentlint.calendar.entries import Calendar, Entry, normalise_channel, parse_date
from contentlint.calendar.mix import DEFAULT_TOLERANCE, effective_target
from contentlint.errors import ContentlintError, InputError
from contentlint.fileio import read_regular
from contentlint.i18n import N_, Text, reason
from contentlint.limits import DEFAULT_LIMITS, Limits
from contentlint.post import Post
from contentlint.sourcemap import SourceFile, align, double_quoted
from contentlint.sources.decode import decode, normalise_newlines
from contentlint.sources.post import finish_post, markdown_post, node_spans

CALENDAR_KEYS = {"name", "target_mix", "tolerance", "channels", "entries", "description"}
ENTRY_KEYS = {
    "date",
    "channel",
    "title",
    "body",
    "file",
    "stage",
    "kpi",
    "lang",
    "product",
    "audience",
    "tags",
    "contentlint",
    "id",
    "status",
    "owner",
    "url",
    "sponsored",
}
# Column names as Japanese spreadsheets often have them.
CSV_ALIASES = {
    "日付": "date",
    "公開日": "date",
    "チャネル": "channel",
    "チャンネル": "channel",
    "媒体": "channel",
    "タイトル": "title",
    "件名": "title",
    "本文": "body",
    "ファイル": "file",
    "ステージ": "stage",
    "kpi": "kpi",
    "言語": "lang",
    "商品": "product",
    "製品": "product",
}

Errors = list[ContentlintError]


MAX_ENTRIES_PER_FILE = 20  # a post reposted on every channel is a handful of entries; 5,000 is an attack


class _Skipped(Exception):
    """An entry left out after the limit's one error line (not an error of its own)."""


class Drafts:
    """The files a calendar's `file:` entries point at: each read and parsed once per calendar (5,000 entries
    pointing at one 880 KB draft read and parsed it 5,000 times), and at most MAX_ENTRIES_PER_FILE entries per file
    analysed, since each is a whole post for spaCy."""

    def __init__(self) -> None:
        self._parsed: dict[Path, Post | ContentlintError] = {}
        self._uses: dict[Path, int] = {}

    def post(self, target: Path, name: str, where: str, line: int, config_lang: str | None, limits: Limits) -> Post:
        uses = self._uses[target] = self._uses.get(target, 0) + 1
        if uses == MAX_ENTRIES_PER_FILE + 1:
            raise InputError(
                Text(
                    N_(
                        "more than {count} entries point at `file: {name}`; this one and the later ones are not "
                        "analysed (each is a whole post)"
                    ),
                    count=MAX_ENTRIES_PER_FILE,
                    name=name,
                ),
                where,
                line,
                1,
            )
        if uses > MAX_ENTRIES_PER_FILE:
            raise _Skipped()
        if target not in self._parsed:
            try:
                data = read_regular(target, limits.file_bytes + 1)
            except OSError as exc:
                self._parsed[target] = InputError(
                    Text("`file: {name}`: {problem}", name=name, problem=exc.strerror or str(exc)), where, line, 1
                )
            else:
                shown = str(Path(where).parent / name)
                try:
                    self._parsed[target] = markdown_post(decode(data, shown, limits.file_bytes), config_lang, limits)
                except ContentlintError as error:
                    self._parsed[target] = error
        parsed = self._parsed[target]
        if isinstance(parsed, ContentlintError):
            raise parsed
        post = copy.copy(parsed)
        post.fields = dict(parsed.fields)
        return post


def is_calendar(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("entries"), list)


def load_yaml_calendar(
    file: SourceFile,
    data: dict[str, Any],
    node: Node | None,
    config_lang: str | None,
    limits: Limits = DEFAULT_LIMITS,
    target_override: Any = None,
    config_target: Any = None,
    config_tolerance: Any = DEFAULT_TOLERANCE,
) -> tuple[Calendar, Errors]:
    path = file.path
    unknown = sorted(set(data) - CALENDAR_KEYS)
    errors: Errors = []
    if unknown:
        errors.append(
            InputError(
                Text(
                    N_("unknown calendar key `{key}` (known: {known})"),
                    key=unknown[0],
                    known=", ".join(sorted(CALENDAR_KEYS)),
                ),
                path,
                1,
                1,
            )
        )
    try:
        target = effective_target(
            override=target_override,
            calendar_mix=data.get("target_mix"),
            calendar_tolerance=data.get("tolerance"),
            config_target=config_target,
            config_tolerance=config_tolerance,
        )
    except ValueError as exc:
        raise InputError(reason(exc), path, _key_line(node, "target_mix")) from None
    channels = data.get("channels") or {}
    if isinstance(channels, list):
        channels = {str(c).lower(): None for c in channels}
    if not isinstance(channels, dict):
        raise InputError(
            Text(N_("`channels` must be a list of names or a mapping of name -> open/closed")),
            path,
            _key_line(node, "channels"),
        )
    calendar = Calendar(
        path=path,
        name=str(data.get("name") or Path(path).stem),
        kind="calendar",
        target=target,
        channel_types={str(k).lower(): str(v).lower() for k, v in channels.items() if v in ("open", "closed")},
    )
    items = data["entries"]
    if len(items) > limits.calendar_entries:
        raise InputError(
            Text(
                N_(
                    "calendar has {count} entries, over the limit of {limit} "
                    "(max_calendar_entries in .contentlint.yaml)"
                ),
                count=len(items),
                limit=limits.calendar_entries,
            ),
            path,
            _key_line(node, "entries") or 1,
            1,
        )
    nodes = _entry_nodes(node)
    drafts = Drafts()
    for index, raw in enumerate(items):
        entry_node = nodes[index] if index < len(nodes) else None
        line = entry_node.start_mark.line + 1 if entry_node is not None else 1
        try:
            calendar.entries.append(_yaml_entry(file, raw, entry_node, index, line, config_lang, limits, drafts))
        except ContentlintError as error:
            errors.append(error)
        except _Skipped:
            continue
    return calendar, errors


def _yaml_entry(
    file: SourceFile,
    raw: Any,
    node: Node | None,
    index: int,
    line: int,
    config_lang: str | None,
    limits: Limits,
    drafts: Drafts,
) -> Entry:
    path = file.path
    if not isinstance(raw, dict):
        raise InputError(
            Text(N_("entry {number} must be a mapping (date, channel, title, body or file)"), number=index + 1),
            path,
            line,
            1,
        )
    unknown = sorted(str(k) for k in set(raw) - ENTRY_KEYS)  # keys may be numbers, dates ...
    if unknown:
        raise InputError(
            Text(N_("entry {number}: unknown key `{key}`"), number=index + 1, key=unknown[0]), path, line, 1
        )
    fields = {k: v for k, v in raw.items() if k not in ("body", "file")}
    try:
        date = parse_date(raw.get("date"))
    except ValueError as exc:
        raise InputError(
            Text(N_("entry {number}: {problem}"), number=index + 1, problem=reason(exc)), path, line, 1
        ) from None
    channel = normalise_channel(raw.get("channel"))
    spans = node_spans(node, 0)
    if raw.get("file"):
        post = _file_entry(Path(path), str(raw["file"]), fields, line, config_lang, limits, drafts)
    else:
        body = raw.get("body") or ""
        if not isinstance(body, str):
            raise InputError(Text(N_("entry {number}: `body` must be text"), number=index + 1), path, line, 1)
        if "body" in spans:
            start, end = spans["body"]
            offsets = align(body, file.text, start, end, double_quoted(file.text, start))
            locate: Callable[[int], int] = lambda i: offsets[i] if i < len(offsets) else end  # noqa: E731
        else:
            locate = lambda _i: file.line_offset(line - 1)  # noqa: E731
        post = finish_post(
            file, fields, spans, body, locate, config_lang, index, title_offset=file.line_offset(line - 1)
        )
        post.body_span = spans.get("body")
    if not raw.get("file"):
        post.line = line
    post.calendar, post.entry_line, post.index = path, line, index
    return Entry(index=index, line=line, path=path, date=date, channel=channel, post=post)


def _file_entry(
    calendar_path: Path,
    name: str,
    fields: dict[str, Any],
    line: int,
    config_lang: str | None,
    limits: Limits,
    drafts: Drafts,
) -> Post:
    where = str(calendar_path)
    if not isinstance(name, str) or "\0" in name:
        raise InputError(Text(N_("`file:` must be a path without NUL characters")), where, line, 1)
    base = calendar_path.parent.resolve()
    target = (base / name).resolve()
    if base not in target.parents:
        raise InputError(
            Text(N_("`file: {name}` points outside the calendar's folder; refused"), name=name), where, line, 1
        )
    post = drafts.post(target, name, where, line, config_lang, limits)
    merged = {**post.fields, **fields}
    if "lang" in fields:
        from contentlint import lang as language

        post.lang, post.lang_source = language.normalise(fields["lang"]), "front-matter"
    post.fields = merged
    return post


def _entry_nodes(node: Node | None) -> list[Node]:
    if not isinstance(node, MappingNode):
        return []
    for key, value in node.value:
        if key.value == "entries" and isinstance(value, SequenceNode):
            return list(value.value)
    return []


def _key_line(node: Node | None, key: str) -> int | None:
    if isinstance(node, MappingNode):
        for k, _v in node.value:
            if k.value == key:
                line: int = k.start_mark.line + 1
                return line
    return None


def decode_csv(data: bytes, path: str, max_bytes: int) -> SourceFile:
    """UTF-8 (with or without BOM) or, as Japanese Excel writes it, Shift_JIS/CP932."""
    try:
        return decode(data, path, max_bytes)
    except InputError as error:
        if "not UTF-8" not in error.message:
            raise
    try:
        return SourceFile(path, normalise_newlines(data.decode("cp932")))
    except UnicodeDecodeError:
        raise InputError(Text(N_("CSV is neither UTF-8 nor Shift_JIS/CP932; export it as UTF-8")), path, 1, 1) from None


def load_csv_calendar(
    file: SourceFile,
    config_lang: str | None,
    target_override: Any = None,
    limits: Limits = DEFAULT_LIMITS,
    config_target: Any = None,
    config_tolerance: Any = DEFAULT_TOLERANCE,
) -> tuple[Calendar, Errors]:
    path = file.path
    import csv  # imported here: most runs read no CSV calendar

    # A cell may be as long as the file may be (the csv module's default stops at 128 KiB and raises).
    csv.field_size_limit(max(csv.field_size_limit(), limits.file_bytes))
    reader = csv.reader(io.StringIO(file.text, newline=""))
    errors: Errors = []
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(
            Text(N_("empty CSV: expected a header row (date, channel, title, body ...)")), path, 1, 1
        ) from None
    columns = [CSV_ALIASES.get(h.strip(), CSV_ALIASES.get(h.strip().lower(), h.strip().lower())) for h in header]
    missing = [c for c in ("date", "title") if c not in columns]
    if missing:
        raise InputError(
            Text(
                N_("CSV header has no `{column}` column (found: {found})"), column=missing[0], found=", ".join(columns)
            ),
            path,
            1,
            1,
        )
    try:
        target = effective_target(
            override=target_override, config_target=config_target, config_tolerance=config_tolerance
        )
        calendar = Calendar(path=path, name=Path(path).stem, kind="calendar", target=target)
    except ValueError as exc:
        raise InputError(reason(exc), path) from None
    line = reader.line_num + 1
    drafts = Drafts()
    for index, row in enumerate(reader):
        row_line, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if index >= limits.calendar_entries:
            errors.append(
                InputError(
                    Text(
                        N_(
                            "more than {limit} entries; the rest is not read "
                            "(max_calendar_entries in .contentlint.yaml)"
                        ),
                        limit=limits.calendar_entries,
                    ),
                    path,
                    row_line,
                    1,
                )
            )
            break
        if len(row) != len(columns):
            errors.append(
                InputError(
                    Text(N_("row has {cells} cells, the header has {columns}"), cells=len(row), columns=len(columns)),
                    path,
                    row_line,
                    1,
                )
            )
            continue
        cells = {col: cell.strip() for col, cell in zip(columns, row, strict=True) if col}
        try:
            calendar.entries.append(_csv_entry(file, cells, index, row_line, config_lang, limits, drafts))
        except ContentlintError as error:
            errors.append(error)
        except _Skipped:
            continue
    return calendar, errors


def _csv_entry(
    file: SourceFile,
    cells: dict[str, str],
    index: int,
    line: int,
    config_lang: str | None,
    limits: Limits,
    drafts: Drafts,
) -> Entry:
    try:
        date = parse_date(cells.get("date"))
    except ValueError as exc:
        raise InputError(reason(exc), file.path, line, 1) from None
    if cells.get("file"):
        post = _file_entry(Path(file.path), cells["file"], _csv_fields(cells), line, config_lang, limits, drafts)
    else:
        at = file.line_offset(line - 1)
        post = finish_post(
            file, _csv_fields(cells), {}, cells.get("body", ""), lambda _i: at, config_lang, index, title_offset=at
        )
    if not cells.get("file"):
        post.line = line
    post.calendar, post.entry_line, post.index = file.path, line, index
    return Entry(
        index=index, line=line, path=file.path, date=date, channel=normalise_channel(cells.get("channel")), post=post
    )


def _csv_fields(cells: dict[str, str]) -> dict[str, Any]:
    return {k: v for k, v in cells.items() if k not in ("body", "file") and v != "" and k in ENTRY_KEYS}
