"""Markdown files (with YAML `---` or TOML `+++` front matter) and YAML posts -> Post."""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from yaml.nodes import Node, ScalarNode

from contentlint import lang as language
from contentlint import languages
from contentlint.errors import EmptyPost, InputError
from contentlint.i18n import N_, Text
from contentlint.limits import DEFAULT_LIMITS, Limits
from contentlint.post import Position, Post, channel_of
from contentlint.sourcemap import ProjectionBuilder, Shift, SourceFile, align, double_quoted
from contentlint.sources.markdown import MAX_NESTING, TooDeep, project_markdown
from contentlint.yamlsafe import LoadedYaml, load_yaml, mapping_value_nodes

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

# Shown in the interface language (a message without placeholders, so the catalogue finds it as it is).
UNSUPPORTED_TEXT = N_(
    "the text is in a language contentlint cannot analyse (it reads English, Japanese and Chinese); "
    "if it is one of those, say so with `lang:` in the front matter or `--lang`, else exclude the "
    "file"
)
_FENCES = {"---": "yaml", "+++": "toml"}
_TOML_KEY = re.compile(r"^[ \t]*([A-Za-z0-9_-]+|\"[^\"]*\")[ \t]*=[ \t]*", re.MULTILINE)
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


@dataclass(slots=True)
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    body_start: int = 0
    # file offset where each top-level field's value starts, and the end of its value's source text
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


def split_front_matter(file: SourceFile, limits: Limits = DEFAULT_LIMITS) -> FrontMatter:
    text = file.text
    first_end = text.find("\n")
    opener = (text if first_end == -1 else text[:first_end]).rstrip()
    kind = _FENCES.get(opener)
    if kind is None:
        return FrontMatter()
    start = first_end + 1
    closers = ("---", "...") if kind == "yaml" else ("+++",)
    pos = start
    while pos <= len(text):
        end = text.find("\n", pos)
        line = text[pos:] if end == -1 else text[pos:end]
        if line.rstrip() in closers:
            block = text[start:pos]
            body_start = len(text) if end == -1 else end + 1
            if kind == "yaml":
                return _yaml_front_matter(file, block, start, body_start, limits)
            return _toml_front_matter(file, block, start, body_start, limits)
        if end == -1:
            break
        pos = end + 1
    raise InputError(
        Text(N_("front matter opened with '{opener}' on line 1 is never closed"), opener=opener), file.path, 1, 1
    )


def _yaml_front_matter(file: SourceFile, block: str, start: int, body_start: int, limits: Limits) -> FrontMatter:
    loaded = load_yaml(block, file.path, line_offset=1, limits=limits)
    if loaded.data is None:
        return FrontMatter(body_start=body_start)
    if not isinstance(loaded.data, dict):
        raise InputError(Text(N_("front matter must be a mapping of fields (key: value)")), file.path, 2, 1)
    return FrontMatter(_title_as_written(dict(loaded.data), loaded.node), body_start, node_spans(loaded.node, start))


def _title_as_written(data: dict[str, Any], node: Node | None) -> dict[str, Any]:
    """A title YAML reads as a number, date or boolean (`title: 1.`, `title: 2026-01-01`) stays the text."""
    title = mapping_value_nodes(node).get("title")
    if isinstance(title, ScalarNode) and "title" in data and not isinstance(data["title"], str):
        data["title"] = title.value
    return data


def _toml_front_matter(file: SourceFile, block: str, start: int, body_start: int, limits: Limits) -> FrontMatter:
    depth, line = _toml_depth(block, limits.yaml_depth)
    if depth > limits.yaml_depth:
        # tomllib recurses once per level (RecursionError) and builds every level of a dotted key (gigabytes for
        # a 50,000-deep key in 100 KB), so nesting is bounded before it parses.
        raise InputError(
            Text(
                N_("TOML front matter nested deeper than {depth} levels (max_yaml_depth in .contentlint.yaml)"),
                depth=limits.yaml_depth,
            ),
            file.path,
            line + 2,
            1,
        )
    try:
        data = tomllib.loads(block)
    except tomllib.TOMLDecodeError as exc:
        # tomllib puts the position only in its message: "... (at line 3, column 9)"
        where = _TOML_POSITION.search(str(exc))
        error_line, column = (int(where.group(1)) + 1, int(where.group(2))) if where else (None, None)
        problem = _TOML_POSITION.sub("", str(exc)).strip()
        raise InputError(
            Text(N_("invalid TOML front matter: {problem}"), problem=problem), file.path, error_line, column
        ) from None
    spans: dict[str, tuple[int, int]] = {}
    offset = 0
    for raw in block.splitlines(keepends=True):  # one pass: keys after the first [table] header are not top-level
        if raw.lstrip().startswith("["):
            break
        match = _TOML_KEY.match(raw)
        if match:
            key = match.group(1).strip('"')
            end = offset + len(raw.rstrip("\r\n"))
            spans.setdefault(key, (start + offset + match.end(), start + end))
        offset += len(raw)
    return FrontMatter(data, body_start, spans)


def _toml_depth(block: str, limit: int) -> tuple[int, int]:
    """Deepest nesting of arrays, inline tables and dotted keys in a TOML text, and the line (0-based) where it
    passed ``limit``; strings and comments are skipped. Linear, and it stops at the first level past the limit."""
    deepest = depth = dots = line = 0
    in_key, i, n = True, 0, len(block)
    while i < n:
        c = block[i]
        if c in "\"'":
            fence = c * 3 if block.startswith(c * 3, i) else c
            j = i + len(fence)
            while j < n and not block.startswith(fence, j) and (len(fence) == 3 or block[j] != "\n"):
                j += 2 if c == '"' and block[j] == "\\" else 1
            line += block.count("\n", i, j)
            i = j + len(fence)
            continue
        if c == "#":
            i = block.find("\n", i)
            i = n if i == -1 else i
            continue
        if c in "[{":
            depth += 1
            in_key = c == "{"
        elif c in "]}":
            depth -= 1
        elif c == "," and depth:
            in_key = True
        elif c == "." and in_key:
            dots += 1
        elif c == "=":
            in_key, dots = False, 0
        elif c == "\n":
            line += 1
            if depth <= 0:
                in_key, dots, depth = True, 0, 0
        deepest = max(deepest, depth, dots + 1)
        if deepest > limit:
            return deepest, line
        i += 1
    return deepest, line


def node_spans(node: Node | None, base: int) -> dict[str, tuple[int, int]]:
    spans = {}
    for key, value in mapping_value_nodes(node).items():
        offset = base + value.start_mark.index
        if isinstance(value, ScalarNode) and value.style in ('"', "'"):
            offset += 1  # point at the text, not the quote
        spans[key] = (offset, base + value.end_mark.index)
    return spans


def _field_positions(file: SourceFile, spans: Mapping[str, tuple[int, int]]) -> dict[str, Position]:
    return {key: Position(*file.line_col(start)) for key, (start, _end) in spans.items()}


def _title_from_body(prose: str) -> str:
    for line in prose.splitlines():
        if line.strip():
            return line.strip()
    return ""


def finish_post(
    file: SourceFile,
    fields: dict[str, Any],
    spans: Mapping[str, tuple[int, int]],
    body: str,
    locate_body: Any,
    config_lang: str | None,
    index: int = 0,
    title_offset: int = 0,
) -> Post:
    builder = ProjectionBuilder()
    title = fields.get("title")
    title_text = "" if title is None else str(title).strip()
    if title_text and "title" in spans:
        start, end = spans["title"]
        builder.add(title_text, align(title_text, file.text, start, end, double_quoted(file.text, start)))
        builder.add_at("\n\n", end)
    elif title_text:
        builder.add_at(title_text, title_offset)
        builder.add_at("\n\n", title_offset)
    body_start = len(builder)
    try:
        project_markdown(body, builder, locate_body)
    except TooDeep as exc:
        line = file.line_col(locate_body(_line_start(body, exc.line)))[0]
        too_deep = N_(
            "Markdown nested deeper than {levels} levels of lists and quotes; the text below that depth would not "
            "be analysed"
        )
        raise InputError(Text(too_deep, levels=MAX_NESTING // 2), file.path, line, 1) from None
    text, source_map = builder.build(file)
    if not text.strip():
        raise EmptyPost(Text(N_("empty post: no title and no prose in the body")), file.path, 1, 1)
    lang, lang_source = language.resolve(fields.get("lang"), config_lang, text)
    line = file.line_col(spans["title"][0] if "title" in spans else title_offset)[0]
    if lang_source == "detected" and not languages.is_supported(lang):
        raise InputError(UNSUPPORTED_TEXT, file.path, line, 1)
    return Post(
        path=file.path,
        text=text,
        source_map=source_map,
        list_items=tuple(builder.list_items),
        title=title_text or _title_from_body(text[body_start:]),
        body_start=body_start,
        fields=fields,
        field_positions=_field_positions(file, spans),
        lang=lang,
        lang_source=lang_source,
        line=line,
        index=index,
        written_for=channel_of(fields),
    )


def markdown_post(file: SourceFile, config_lang: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Post:
    """A Markdown file, with optional front matter."""
    front = split_front_matter(file, limits)
    body = file.text[front.body_start :]
    base = front.body_start
    post = finish_post(file, front.data, front.spans, body, Shift(base), config_lang)
    post.body_span = (base, len(file.text))
    return post


def is_yaml_post(data: object) -> bool:
    return isinstance(data, dict) and "body" in data and "entries" not in data


def yaml_post(file: SourceFile, config_lang: str | None = None, loaded: LoadedYaml | None = None) -> Post:
    """A YAML file holding one post: `title`, `body` (Markdown) and front-matter fields.

    ``loaded`` is the file already parsed by a caller that had to look inside it first.
    """
    if loaded is None:
        loaded = load_yaml(file.text, file.path)
    if not is_yaml_post(loaded.data):
        raise InputError(
            Text(N_("not a post: a YAML post is a mapping with a `body` (and usually a `title`)")), file.path, 1, 1
        )
    fields = _title_as_written(dict(loaded.data), loaded.node)
    body = fields.pop("body")
    if not isinstance(body, str):
        raise InputError(Text(N_("`body` must be text")), file.path, *_node_line_col(loaded.node, "body"))
    spans = node_spans(loaded.node, 0)
    start, end = spans["body"]
    offsets = align(body, file.text, start, end, double_quoted(file.text, start))
    end_offset = end
    post = finish_post(file, fields, spans, body, lambda i: offsets[i] if i < len(offsets) else end_offset, config_lang)
    post.body_span = (start, end)
    return post


def _node_line_col(node: Node | None, key: str) -> tuple[int | None, int | None]:
    value = mapping_value_nodes(node).get(key)
    if value is None:
        return None, None
    return value.start_mark.line + 1, value.start_mark.column + 1


def text_post(path: str, title: str, body: str, fields: dict[str, Any] | None = None, lang: str | None = None) -> Post:
    """A post from strings (a labelled corpus record): positions refer to the body text, the title to 1:1."""
    file = SourceFile(path, body)
    all_fields = {**(fields or {}), "title": title}
    if lang:
        all_fields.setdefault("lang", lang)
    post = finish_post(file, all_fields, {}, body, lambda offset: offset, None)
    post.body_span = (0, len(body))
    return post


def _line_start(text: str, line: int) -> int:
    """Offset of the 0-based ``line`` in ``text`` (its end when there are fewer lines)."""
    offset = 0
    for _ in range(line):
        offset = text.find("\n", offset) + 1
        if offset == 0:
            return max(len(text) - 1, 0)
    return min(offset, max(len(text) - 1, 0))
