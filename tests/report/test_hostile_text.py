"""Hostile text in every place a user can put it — title, body, front-matter values, channel names, calendar
names, CSV cells (spreadsheet formulas), a user rule pack's messages and a config value — comes out of every
report format as inert text: no element, attribute, link or script, no terminal control sequence, valid XML."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from contentlint.report import REPORTERS
from tests.helpers import Elements, run, tree_digest

# Each payload would mark the page's <body> if it ever ran as script.
SCRIPT = "<script>document.body.setAttribute('data-pwned','script')</script>"
IMG = "\"><img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"
SVG = "<svg onload=\"document.body.setAttribute('data-pwned','svg')\">"
LINK = "[click](javascript:document.body.setAttribute('data-pwned','link'))"
JINJA = "{{ 7*7 }} {% for x in y %}{{ x }}{% endfor %}"
CONTROL = "\x1b[2J\x1b]0;pwned\x07 \u202egnp.exe"
FORMULA = '=HYPERLINK("http://evil.example","Click me")'
q = json.dumps  # a JSON string is a valid YAML double-quoted scalar


@pytest.fixture
def hostile_tree(write: Callable[..., Path], tmp_path: Path) -> Path:
    write(".contentlint.yaml", f"language: {q(IMG)}\npacks: [evil-pack.yaml]\n")
    write(
        "evil-pack.yaml",
        f"""pack: evil
description: {q(SCRIPT)}
rules:
  - id: evil-rule
    kind: phrases
    level: warning
    languages: [en]
    message: {q(SCRIPT + " “{match}” " + IMG + " " + JINJA)}
    rationale: {q(SVG + " " + LINK + " " + JINJA)}
    params:
      phrases:
        en: [checkout]
""",
    )
    write(
        "hostile.md",
        f"""---
title: {q(SCRIPT + " 30% off " + JINJA + CONTROL)}
lang: en
channel: {q(IMG)}
kpi: {q(SVG)}
product: {q("javascript:alert(1)")}
---
Buy now! {LINK} <b>bold</b> {SCRIPT} | pipe | `tick`
Use code SPRING30 at checkout. Sale ends Sunday. {JINJA} {CONTROL}
""",
    )
    write("nolang.md", "---\ntitle: A post in the config's language\n---\nBuy now! Limited time only.\n")
    write(
        "calendar.yaml",
        f"""name: {q(SCRIPT)}
channels: {{{q(IMG)}: open}}
entries:
  - {{date: 2026-01-05, channel: {q(IMG)}, lang: en, title: {q(SVG)}, body: "Buy now at checkout! 50% off."}}
  - {{date: 2026-01-12, channel: {q("javascript:alert(1)")}, lang: en, title: "How to read churn", body: "A guide."}}
""",
    )
    cell = '"' + FORMULA.replace('"', '""') + '"'
    write(
        "calendar.csv",
        f"date,channel,title,body,lang\n2026-02-01,{cell},{cell},Buy now at checkout!,en\n"
        "2026-02-08,blog,+SUM(1+1),\"@cmd|' /C calc'!A0 how to plan a budget\",en\n",
    )
    return tmp_path


def reports(folder: Path) -> dict[str, str]:
    out = {}
    for fmt in REPORTERS:
        code, text, err = run(["report", "--no-cache", str(folder), "--format", fmt])
        assert code == 2 and "Traceback" not in text + err  # exit 2: the config's language is not a language
        out[fmt] = text
    return out


def assert_inert_html(html: str) -> None:
    parser = Elements()
    parser.feed(html)
    assert not {tag for tag, _ in parser.tags} & {"script", "img", "iframe", "object", "embed"}
    assert "<b>bold" not in html
    for tag, attrs in parser.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not any("javascript:" in (value or "").lower() for value in attrs.values()), (tag, attrs)
        assert "data-pwned" not in attrs


def test_every_format_keeps_hostile_text_inert(hostile_tree: Path) -> None:
    before = tree_digest(hostile_tree)
    out = reports(hostile_tree)
    assert tree_digest(hostile_tree) == before
    for fmt, text in out.items():
        assert "\x1b" not in text and "\x07" not in text, fmt  # no terminal control sequence anywhere
        assert "49" not in re.sub(r"\d{3,}|\d+%|:\d+|\d+/", "", text).split("7*7")[0][-3:], fmt  # Jinja not run

    html = out["html"]
    assert_inert_html(html)
    assert "&lt;script&gt;document.body" in html and "{{ 7*7 }}" in html and "\\x1b[2J" in html
    assert FORMULA.replace('"', "&#34;") in html or FORMULA.replace('"', "&quot;") in html

    # Markdown is rendered the way GitHub would (HTML allowed) and must still hold no element from the input.
    rendered = MarkdownIt("commonmark").render(out["markdown"])
    assert_inert_html(rendered)
    assert "data-pwned" in out["markdown"]  # the text is there, as text

    for fmt in ("sarif", "json"):
        data = json.loads(out[fmt])
        assert SCRIPT + " “checkout”" in json.dumps(data, ensure_ascii=False)  # carried as plain data
    sarif = json.loads(out["sarif"])
    evil = next(r for r in sarif["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "evil-rule")
    assert_inert_html(MarkdownIt("commonmark").render(evil["help"]["markdown"]))

    root = ET.fromstring(out["junit"])  # parses: no raw control characters, everything escaped
    assert {element.tag for element in root.iter()} <= {"testsuites", "testsuite", "testcase", "failure", "error"}
    assert any(SCRIPT in (e.get("message") or "") for e in root.iter("failure"))

    github = out["github"].splitlines()
    assert all(line.startswith("::") for line in github)  # one annotation per line: nothing broke out of one

    text = out["text"]
    assert "\\x1b[2J\\x1b]0;pwned\\x07 \\u202egnp.exe" in text  # controls shown, not obeyed
    assert "nolang.md:2:1: warning [unsupported-language] no language pipeline for '\"><img src=x onerror=" in text
    assert f"“{FORMULA}”" in text  # a formula cell is a title like any other, never evaluated


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def dom_after_scripts(page: Path, profile: Path) -> str:
    """The page's DOM after Chromium has loaded it with JavaScript on."""
    proc = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "<body" in proc.stdout, proc.stderr[-2000:]
    return proc.stdout


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium (Debian package `chromium`) is not installed")
def test_no_script_runs_in_a_browser_even_without_the_content_security_policy(
    hostile_tree: Path, tmp_path: Path
) -> None:
    html = reports(hostile_tree)["html"]
    # The report forbids scripts by CSP; take that away so that only the escaping stands between the payloads
    # and the browser.
    bare = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    assert bare != html
    page = tmp_path / "out" / "report.html"
    page.parent.mkdir()
    page.write_text(bare, encoding="utf-8")
    dom = dom_after_scripts(page, tmp_path / "profile")
    assert 'data-pwned="' not in dom and "document.body.setAttribute" in dom
    # Control: the same harness does see a script that really runs.
    page.write_text(bare.replace("</body>", SCRIPT + "</body>"), encoding="utf-8")
    assert 'data-pwned="script"' in dom_after_scripts(page, tmp_path / "profile")


FORGED = "forged.md:1:1: error [x] y"


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_newline_in_a_title_file_name_or_stdin_name_cannot_forge_a_finding_line(
    fmt: str, write: Callable[..., Path], tmp_path: Path
) -> None:
    titled = write("t.md", f'---\ntitle: "Sale\\n{FORGED}\\r{FORGED}\\u2028x"\n---\nBuy now\n')
    named = write(f"n\n{FORGED}.md", "Buy now\n")
    outputs = [
        run(["check", "--no-cache", "--format", fmt, str(titled), str(named)])[1],
        run(["check", "--no-cache", "--format", fmt, "--stdin-filename", f"a\n{FORGED}", "-"], stdin=b"Buy now\n")[1],
    ]
    for out in outputs:
        assert not any(line.startswith(("forged.md", "::error file=forged.md")) for line in out.splitlines()), out
        assert "\r" not in out and "\u2028" not in out
    if fmt == "text":
        assert f"Sale\\n{FORGED}\\x0d{FORGED}\\u2028x" in outputs[0] and f"n\\n{FORGED}.md" in outputs[0]
        assert f"a\\n{FORGED}" in outputs[1]
