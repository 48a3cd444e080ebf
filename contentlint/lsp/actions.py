"""Code actions on a document: put an insight-led headline in place of a promotional title, silence a rule on
one line with the comment contentlint reads (contentlint/suppress.py), open a rule's documentation."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

import yaml
from lsprotocol import types

from contentlint.lsp.document import SOURCE, Snapshot, Title
from contentlint.lsp.positions import LineIndex
from contentlint.lsp.texts import text
from contentlint.sources.comments import YAML_COMMENTS
from contentlint.sources.readers import readers_for

OPEN_DOCS = "contentlint.openRuleDocs"
_FENCES = ("---", "+++")
_INDENT = re.compile(r"[ \t]*")
_FLOW = set(",[]{}")  # a plain scalar with these breaks inside a flow mapping (`- {title: ..., date: ...}`)


def code_actions(
    snapshot: Snapshot,
    uri: str,
    path_name: str,
    document: str,
    request: types.Range,
    diagnostics: Sequence[types.Diagnostic],
    ui: str,
) -> list[types.CodeAction | types.Command]:
    actions: list[types.CodeAction | types.Command] = []
    for title in snapshot.titles:
        if title.edit_range is not None and _on_lines(title.range, request):
            actions.extend(_rewrite(title, headline, uri, ui) for headline in title.headlines)
    index = LineIndex(document)
    for diagnostic in diagnostics:
        if diagnostic.source != SOURCE or not isinstance(diagnostic.code, str):
            continue
        rule = diagnostic.code
        data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
        if data.get("suppressible"):
            line = diagnostic.range.start.line
            actions.append(
                types.CodeAction(
                    title=text(ui, "action.disable", rule=rule),
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=_edit(
                        uri,
                        types.Range(
                            start=types.Position(line=line, character=0), end=types.Position(line=line, character=0)
                        ),
                        _suppression(index, line, rule, path_name),
                    ),
                )
            )
        if diagnostic.code_description is not None:
            # A bare Command, not a CodeAction carrying one: lsprotocol's converter (and so every pygls-based
            # client) reads any action with a `command` field as a Command and loses the rest.
            label = text(ui, "action.docs", rule=rule)
            actions.append(types.Command(title=label, command=OPEN_DOCS, arguments=[diagnostic.code_description.href]))
    return _unique(actions)


def written_title(headline: str, style: str) -> str:
    """A headline as it must be written where the title stands: a YAML scalar (plain where that reads the same,
    else double-quoted), a TOML string, or the text itself in a Markdown heading."""
    if style == "toml":
        return json.dumps(headline, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    if style == "yaml":
        dumped = yaml.safe_dump(headline, allow_unicode=True, width=1_000_000).split("\n", 1)[0]
        if dumped == headline and not _FLOW & set(headline):
            return headline
        return json.dumps(headline, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar
    return headline


def suppression_comment(rule: str, yaml_file: bool, in_front_matter: bool) -> str:
    """The comment that silences ``rule`` on the next line, as contentlint/suppress.py reads it. Markdown front
    matter is YAML or TOML: there the HTML comment sits inside a `#` comment, where suppress.py still finds it."""
    if yaml_file:
        return f"# contentlint: disable-next-line={rule}"
    comment = f"<!-- contentlint-disable-next-line {rule} -->"
    return f"# {comment}" if in_front_matter else comment


def _rewrite(title: Title, headline: str, uri: str, ui: str) -> types.CodeAction:
    assert title.edit_range is not None
    return types.CodeAction(
        title=text(ui, "action.rewrite", headline=headline),
        kind=types.CodeActionKind.RefactorRewrite,
        edit=_edit(uri, title.edit_range, written_title(headline, title.style)),
    )


def _suppression(index: LineIndex, line: int, rule: str, path_name: str) -> str:
    current = index.line_text(line)
    indent = _INDENT.match(current).group(0)  # type: ignore[union-attr]
    yaml_file = readers_for(path_name)[0].comments is YAML_COMMENTS
    return indent + suppression_comment(rule, yaml_file, not yaml_file and _in_front_matter(index, line)) + "\n"


def _in_front_matter(index: LineIndex, line: int) -> bool:
    """Whether 0-based ``line`` lies between a Markdown file's opening front-matter fence and its closing one."""
    opener = index.line_text(0).rstrip()
    if opener not in _FENCES or line == 0:
        return False
    closers = ("---", "...") if opener == "---" else ("+++",)
    for number in range(1, len(index.lines)):
        if index.line_text(number).rstrip() in closers:
            return line < number
    return False


def _edit(uri: str, range_: types.Range, new_text: str) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: [types.TextEdit(range=range_, new_text=new_text)]})


def _on_lines(a: types.Range, b: types.Range) -> bool:
    """Whether ``b`` touches a line of ``a`` (the cursor anywhere on the title's line)."""
    return a.start.line <= b.end.line and b.start.line <= a.end.line


def _unique(actions: list[types.CodeAction | types.Command]) -> list[types.CodeAction | types.Command]:
    """One action per title: two findings of one rule on a line would offer the same edit twice."""
    seen: set[str] = set()
    kept = []
    for action in actions:
        if action.title not in seen:
            seen.add(action.title)
            kept.append(action)
    return kept
