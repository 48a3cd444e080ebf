"""JUnit XML, one testsuite per file, one testcase per post (failures are its findings), built as data."""

from __future__ import annotations

from collections import defaultdict
from typing import TextIO
from xml.etree import ElementTree as ET

from contentlint.post import Finding
from contentlint.report.printable import visible
from contentlint.report.view import owns
from contentlint.result import Result


def _add_finding(case: ET.Element, f: Finding, text: str) -> bool:
    """The finding as the test case's <error> (input that could not be linted) or <failure>; True for an error."""
    ET.SubElement(
        case, "error" if f.fatal else "failure", message=visible(f.full_message), type=f"{f.level}:{f.rule_id}"
    ).text = text
    return f.fatal


def junit_tree(result: Result) -> ET.Element:
    findings = defaultdict(list)
    for f in result.findings:
        findings[f.path].append(f)
    posts = defaultdict(list)
    for p in result.posts:
        posts[p.path].append(p)
    root = ET.Element("testsuites", name="contentlint", tests="0", failures="0", errors="0")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for path in sorted(set(findings) | set(posts)):
        shown = visible(path)  # a file name may hold control characters too
        suite = ET.SubElement(root, "testsuite", name=shown)
        cases = posts.get(path) or []
        failures = errors = 0
        if not cases:  # a file that produced no post (unreadable, a profile): its findings are the test
            case = ET.SubElement(suite, "testcase", classname=shown, name=shown)
            for f in findings[path]:
                fatal = _add_finding(case, f, visible(f"{f.location}: {f.full_message}"))
                errors, failures = errors + fatal, failures + (not fatal)
            tests = 1
        else:
            tests = len(cases)
            whole = [f for f in findings[path] if not f.positioned]
            if whole:  # a calendar's own findings (mix score, streaks ...): the file as a whole is a test case
                tests += 1
                case = ET.SubElement(suite, "testcase", classname=shown, name=shown)
                for f in whole:
                    fatal = _add_finding(case, f, visible(f"{f.location}: {f.level} [{f.rule_id}] {f.full_message}"))
                    errors, failures = errors + fatal, failures + (not fatal)
            for post in cases:
                case = ET.SubElement(
                    suite, "testcase", classname=shown, name=visible(f"{post.title} (line {post.line})")
                )
                for f in findings[path]:
                    if not f.positioned or (len(cases) > 1 and not owns(f.line, post.line, [c.line for c in cases])):
                        continue
                    fatal = _add_finding(case, f, visible(f"{f.location}: {f.level} [{f.rule_id}] {f.full_message}"))
                    errors, failures = errors + fatal, failures + (not fatal)
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        totals["tests"] += tests
        totals["failures"] += failures
        totals["errors"] += errors
    for key, value in totals.items():
        root.set(key, str(value))
    return root


def write_junit(result: Result, stream: TextIO) -> None:
    tree = junit_tree(result)
    ET.indent(tree)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(tree, encoding="unicode"))
    stream.write("\n")
