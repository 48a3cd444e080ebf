"""One analysis of one open document, as the editor needs it: diagnostics at LSP ranges, and each post's title
(where it is, how it was classified and why, the insight-led headlines that can replace it)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types

from contentlint.analysis import Analysis
from contentlint.lsp.positions import LineIndex
from contentlint.post import Finding, Post
from contentlint.ruledocs import rule_page
from contentlint.run import BUILTIN_RULES, Runner
from contentlint.sources.readers import readers_for

SOURCE = "contentlint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
YAML_SUFFIXES = (".yaml", ".yml")
# A headline with a slot the post could not fill shows the pack's placeholder ("[product?]", "[製品?]").
_BLANK = re.compile(r"\[[^\[\]]*[?？]\]")
_UNSUPPRESSIBLE = {info.id for info in BUILTIN_RULES} - {"unsupported-language"}


@dataclass(frozen=True, slots=True)
class Evidence:
    line: int  # 1-based, in the document
    text: str
    cue_set: str


@dataclass(frozen=True, slots=True)
class Title:
    """One post's title in the document, and what the editor shows and offers on it."""

    range: types.Range
    lang: str
    label: str | None
    group: str | None
    stage: str | None
    confidence: float | None
    evidence: tuple[Evidence, ...] = ()
    headlines: tuple[str, ...] = ()  # complete insight-led rewrites (no blank left to fill)
    edit_range: types.Range | None = None  # what a rewrite replaces (None: no safe edit, e.g. markup in it)
    style: str = "text"  # how a headline is written there: "yaml", "toml" or "text"


@dataclass(slots=True)
class Snapshot:
    """What one version of a document was found to hold."""

    version: int | None
    diagnostics: list[types.Diagnostic] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)


def analyse(runner: Runner, text: str, path: Path, version: int | None, encoding: str) -> Snapshot:
    """Lint ``text`` as the file at ``path``."""
    index = LineIndex(text, encoding)
    display = str(path)
    titles: list[Title] = []

    def on_post(analysis: Analysis) -> None:
        if analysis.post.source_map.file.path == display:
            titles.append(_title(analysis, index, runner, path))

    result = runner.run_text(text, path, on_post)
    docs = rule_docs(runner, path)
    suppressible = all(reader.comments is not None for reader in readers_for(display))
    diagnostics = [
        diagnostic(f, index, docs, display, suppressible) for f in result.findings if f.path == display or f.fatal
    ]  # a broken config is reported at its own path
    return Snapshot(version, diagnostics, titles)


def diagnostic(
    finding: Finding, index: LineIndex, docs: Mapping[str, str], display: str, suppressible: bool = True
) -> types.Diagnostic:
    """The finding at its LSP range. A finding about the whole file (a calendar's mix) sits on the first line."""
    if not finding.positioned:
        start, end = index.position(1, 1), index.line_end(1)
    else:
        start = index.position(finding.line, finding.column)
        end = (
            index.position(finding.end_line, finding.end_column or finding.column)
            if finding.end_line is not None
            else index.line_end(finding.line)
        )
        if (end.line, end.character) < (start.line, start.character):
            end = start
    message = finding.full_message if finding.path == display else f"{finding.path}: {finding.full_message}"
    href = docs.get(finding.rule_id)
    data: dict[str, Any] = {
        "suppressible": suppressible
        and finding.positioned
        and finding.path == display
        and finding.rule_id not in _UNSUPPRESSIBLE
    }
    return types.Diagnostic(
        range=types.Range(start=start, end=end),
        message=message,
        severity=SEVERITY.get(finding.level, types.DiagnosticSeverity.Information),
        code=finding.rule_id,
        source=SOURCE,
        code_description=types.CodeDescription(href=href) if href else None,
        data=data,
    )


def _title(analysis: Analysis, index: LineIndex, runner: Runner, path: Path) -> Title:
    post, c = analysis.post, analysis.classification
    start_index = 0 if "title" in post.field_positions else max(post.text.find(post.title, post.body_start), 0)
    file = post.source_map
    start = file.file_offset(start_index)
    end = file.file_offset(start_index + max(len(post.title), 1) - 1) + 1
    range_ = types.Range(start=index.position(*file.file.line_col(start)), end=index.position(*file.file.line_col(end)))
    edit = _edit_span(post, path, start, end)
    evidence = tuple(Evidence(post.position(m.start).line, m.text, m.cue_set) for m in c.evidence) if c else ()
    headlines: tuple[str, ...] = ()
    if analysis.rewrites is not None and edit is not None:
        placeholders = _placeholders(runner, path, post.lang)
        headlines = tuple(
            h
            for h in analysis.rewrites.headlines
            if not _BLANK.search(h) and not any(p and p in h for p in placeholders)
        )
    edit_range = None
    style = "text"
    if edit is not None:
        (edit_start, edit_end), style = edit
        edit_range = types.Range(
            start=index.position(*file.file.line_col(edit_start)), end=index.position(*file.file.line_col(edit_end))
        )
    return Title(
        range_,
        post.lang,
        c.label if c else None,
        c.group if c else None,
        c.stage if c else None,
        c.confidence if c else None,
        evidence,
        headlines,
        edit_range,
        style,
    )


def _edit_span(post: Post, path: Path, start: int, end: int) -> tuple[tuple[int, int], str] | None:
    """File offsets a new title replaces and how it is written there; None where no edit is safe: a title with
    escapes or markup in it (the file does not hold it verbatim), or a CSV cell."""
    text = post.source_map.file.text
    if not post.title or text[start:end] != post.title or path.suffix.lower() == ".csv":
        return None
    if "title" not in post.field_positions:
        return (start, end), "text"  # the body's first line (a Markdown heading): its text is replaced
    toml = path.suffix.lower() not in YAML_SUFFIXES and text.startswith("+++")
    quote = text[start - 1] if start > 0 and text[start - 1] in "'\"" else ""
    if quote:
        if text[end : end + 1] != quote:
            return None
        return (start - 1, end + 1), "toml" if toml else "yaml"
    return None if toml else ((start, end), "yaml")


def rule_docs(runner: Runner, path: Path) -> dict[str, str]:
    """Rule id -> the URI of its documentation: for a shipped rule, its page on the docs site when the config
    says where the team hosts it (`docs_url`); otherwise the rule's definition in its pack (message, rationale and
    examples, what `contentlint explain` prints), at its line, which is there offline for a team's own packs
    too. Built-in rules have none."""
    try:
        config = runner.effective(runner.resolver.for_file(path).for_path(path))
        rules = runner.ruleset(config).rules
    except Exception:
        return {}
    return {
        rule.id: rule_page(rule.id, rule.source, config.docs_url)
        or Path(rule.source).resolve().as_uri() + (f"#L{rule.line}" if rule.line else "")
        for rule in rules
        if rule.source
    }


def _placeholders(runner: Runner, path: Path, lang: str) -> tuple[str, ...]:
    """The placeholders the rule packs governing ``path`` put where a slot is unknown."""
    try:
        config = runner.effective(runner.resolver.for_file(path).for_path(path))
        forms = runner.ruleset(config).analyser.rewrite_forms.get(lang) or {}
    except Exception:
        return ()
    return tuple(str(v) for v in (forms.get("placeholders") or {}).values())
