"""The hover on a post's title: how contentlint classified the post and the phrases that drove it."""

from __future__ import annotations

from lsprotocol import types

from contentlint.lsp.document import Snapshot, Title
from contentlint.lsp.texts import text

MAX_EVIDENCE = 12  # a long post can have dozens of cue hits; the first ones say enough


def hover(snapshot: Snapshot, position: types.Position, ui: str) -> types.Hover | None:
    for title in snapshot.titles:
        if title.range.start.line <= position.line <= title.range.end.line:
            return types.Hover(
                contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=describe(title, ui)),
                range=title.range,
            )
    return None


def describe(title: Title, ui: str) -> str:
    if title.label is None or title.group is None or title.stage is None or title.confidence is None:
        return text(ui, "hover.unclassified", lang=title.lang)
    lines = [
        text(
            ui,
            "hover.heading",
            label=text(ui, f"label.{title.label}"),
            code=title.label,
            group=text(ui, f"group.{title.group}"),
        ),
        "",
        text(
            ui,
            "hover.stage",
            stage=text(ui, f"stage.{title.stage}"),
            code=title.stage,
            confidence=f"{title.confidence:.0%}",
        ),
        "",
    ]
    if not title.evidence:
        lines.append(text(ui, "hover.no_evidence"))
        return "\n".join(lines)
    lines.append(text(ui, "hover.evidence"))
    for item in title.evidence[:MAX_EVIDENCE]:
        lines.append(
            "- " + text(ui, "hover.evidence_item", text=item.text.replace("`", "'"), line=item.line, cue=item.cue_set)
        )
    return "\n".join(lines)
