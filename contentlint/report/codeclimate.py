"""GitLab Code Quality: the Code Climate issue format that GitLab's merge-request widget reads, built as data.

GitLab needs `description`, `check_name`, `fingerprint`, `severity` and `location.path` with `location.lines.begin`;
`type` and `categories` complete the Code Climate spec, so other Code Climate readers accept it too. Fingerprints
are the ones `--baseline` uses, stable when lines move, so GitLab can tell new findings from old ones.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from contentlint.post import fingerprints
from contentlint.result import Result

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
INPUT_RULES = {"input-error", "config-error", "rule-error", "file-too-large", "internal-error"}


def codeclimate_issues(result: Result) -> list[dict[str, Any]]:
    issues = []
    for fingerprint, f in fingerprints(result.findings):
        lines: dict[str, int] = {"begin": f.line if f.positioned else 1}
        if f.positioned and f.end_line is not None:
            lines["end"] = f.end_line
        issues.append(
            {
                "type": "issue",
                "check_name": f.rule_id,
                "description": f.full_message,
                "categories": ["Bug Risk"] if f.rule_id in INPUT_RULES else ["Style"],
                "severity": "critical" if f.fatal else SEVERITIES[f.level],
                "fingerprint": fingerprint,
                "location": {"path": f.path.replace("\\", "/"), "lines": lines},
            }
        )
    return issues


def write_codeclimate(result: Result, stream: TextIO) -> None:
    json.dump(codeclimate_issues(result), stream, ensure_ascii=False, indent=2, sort_keys=True)
    stream.write("\n")
