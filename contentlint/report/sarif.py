"""SARIF 2.1.0 for code scanning, built as data."""

from __future__ import annotations

from typing import Any, TextIO

from contentlint.report.printable import json_text, markdown_escape
from contentlint.result import Result
from contentlint.version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def sarif_document(result: Result) -> dict[str, Any]:
    ids = sorted({f.rule_id for f in result.findings} | set(result.rules))
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    rules = []
    for rule_id in ids:
        info = result.rules.get(rule_id)
        rationale = (
            info.rationale if info else "An input, config or rule-pack problem that stopped a file being linted."
        )
        rules.append(
            {
                "id": rule_id,
                "name": "".join(part.capitalize() for part in rule_id.split("-")),
                "shortDescription": {"text": rule_id.replace("-", " ")},
                "fullDescription": {"text": rationale},
                "help": {
                    "text": f"{rationale}\n\nRun `contentlint explain {rule_id}` for examples.",
                    # GitHub renders this as Markdown: a rule pack's text must not become markup or links
                    "markdown": f"{markdown_escape(rationale)}\n\nRun `contentlint explain {rule_id}` for examples.",
                },
                "defaultConfiguration": {"level": LEVELS[info.level] if info else "error"},
                **({"helpUri": info.page} if info and info.page else {}),
            }
        )
    results = []
    for f in result.findings:
        location: dict[str, Any] = {"artifactLocation": {"uri": _uri(f.path)}}
        if f.positioned:  # a feed's or calendar's own finding is about the whole folder or file: no region
            location["region"] = {"startLine": f.line, "startColumn": f.column}
            if f.end_line is not None and f.end_column is not None:
                location["region"].update(endLine=f.end_line, endColumn=f.end_column)
        entry: dict[str, Any] = {
            "ruleId": f.rule_id,
            "ruleIndex": index[f.rule_id],
            "level": LEVELS[f.level],
            "message": {"text": f.full_message},
            "locations": [{"physicalLocation": location}],
        }
        if f.related:  # the posts a feed's finding is about
            entry["relatedLocations"] = [
                {
                    "id": number,
                    "message": {"text": f"{r.path}:{r.line}"},
                    "physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}, "region": {"startLine": r.line}},
                }
                for number, r in enumerate(f.related, 1)
            ]
        results.append(entry)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "contentlint",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/contentlint/",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _uri(path: str) -> str:
    return path.replace("\\", "/")


def write_sarif(result: Result, stream: TextIO) -> None:
    stream.write(json_text(sarif_document(result)) + "\n")
