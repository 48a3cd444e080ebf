"""The VS Code extension in editors/vscode/ run in a real VS Code: code-server (VS Code 1.99 in the browser, from
the npm registry; editors/vscode/install-code-server.sh, which .ci/run runs) driven in headless Chromium. A writer
opens a promotional draft and sees contentlint's squiggles and Problems, the classification on hovering the title,
and a code action that replaces the title with an insight-led headline."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

pytest.importorskip("selenium", reason="selenium is not installed (it is in the test extra)")

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

from tests.helpers import LAUNCH_DRAFT, LAUNCH_HEADLINE, REPO, chromium_options

CODE_SERVER = os.environ.get("CODE_SERVER") or shutil.which("code-server")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
NPM = shutil.which("npm")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.lsp,
    pytest.mark.skipif(
        CODE_SERVER is None,
        reason="code-server is not installed: editors/vscode/install-code-server.sh DIR, then CODE_SERVER=DIR/bin/"
        "code-server (.ci/run does both)",
    ),
    pytest.mark.skipif(
        CHROMIUM is None or CHROMEDRIVER is None,
        reason="headless Chromium and its driver (Debian packages `chromium` and `chromium-driver`) are not installed",
    ),
    pytest.mark.skipif(NPM is None, reason="npm (which installs the extension's vscode-languageclient) is missing"),
]
DRAFT = "launch.md"
TEXT, HEADLINE = LAUNCH_DRAFT, LAUNCH_HEADLINE
SETTINGS = {
    "contentlint.command": [sys.executable, "-m", "contentlint", "lsp"],
    "workbench.startupEditor": "none",
    "security.workspace.trust.enabled": False,
    "telemetry.telemetryLevel": "off",
    "extensions.autoCheckUpdates": False,
    "extensions.autoUpdate": False,
    "update.mode": "none",
    "editor.hover.delay": 100,
}
T = TypeVar("T")


def eventually(find: Callable[[], T | None], what: str, seconds: float = 60) -> T:
    """What ``find`` returns once it returns something: the workbench, the server and the editor take turns, and
    an element read while the editor renders anew is read again."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            found = find()
        except StaleElementReferenceException:
            found = None
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError(f"no {what} within {seconds} s")


def install_extension(extensions: Path) -> None:
    """The extension as VS Code keeps an installed one: its folder, with its node dependencies from npm."""
    target = extensions / "contentlint.contentlint-0.1.0"
    shutil.copytree(REPO / "editors/vscode", target, ignore=shutil.ignore_patterns("node_modules", "*.sh"))
    subprocess.run(
        [str(NPM), "ci", "--omit=dev", "--no-audit", "--no-fund", "--silent"], cwd=target, check=True, timeout=300
    )


@pytest.fixture(scope="module")
def code_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("vscode")
    workspace, user, extensions = root / "workspace", root / "user", root / "extensions"
    workspace.mkdir()
    (workspace / DRAFT).write_text(TEXT, encoding="utf-8")
    (user / "User").mkdir(parents=True)
    (user / "User/settings.json").write_text(json.dumps(SETTINGS), encoding="utf-8")
    install_extension(extensions)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {**os.environ, "XDG_CONFIG_HOME": str(root / "config"), "XDG_DATA_HOME": str(root / "data")}
    process = subprocess.Popen(
        [
            str(CODE_SERVER),
            "--auth=none",
            f"--bind-addr=127.0.0.1:{port}",
            "--disable-telemetry",
            "--disable-update-check",
            "--disable-workspace-trust",
            "--disable-getting-started-override",
            f"--user-data-dir={user}",
            f"--extensions-dir={extensions}",
            str(workspace),
        ],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    address = f"http://127.0.0.1:{port}/?folder={workspace}"
    try:
        eventually(lambda: _answers(address), "answer from code-server", 60)
        yield address
    finally:
        process.terminate()
        process.wait(timeout=30)


def _answers(address: str) -> bool:
    try:
        with urllib.request.urlopen(address, timeout=5) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@pytest.fixture(scope="module")
def editor(code_server: str) -> Iterator[WebDriver]:
    """The draft open in VS Code, once contentlint's diagnostics are on it."""
    options = chromium_options(str(CHROMIUM), "--window-size=1400,900", "--lang=en-US")
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.get(code_server)
        row = eventually(lambda: _rows(driver, ".explorer-folders-view .monaco-list-row", DRAFT), "explorer entry")
        row[0].click()
        eventually(lambda: driver.find_elements(By.CSS_SELECTOR, ".squiggly-warning"), "squiggle", 120)
        yield driver
    finally:
        driver.quit()


def _rows(driver: WebDriver, css: str, containing: str) -> list[WebElement]:
    return [
        e for e in driver.find_elements(By.CSS_SELECTOR, css) if containing in (e.get_attribute("aria-label") or "")
    ]


def _title_text(driver: WebDriver) -> WebElement:
    def find() -> WebElement | None:
        line = next(e for e in driver.find_elements(By.CSS_SELECTOR, ".view-line") if e.text.startswith("title:"))
        return next((s for s in line.find_elements(By.CSS_SELECTOR, "span span") if "Ledgerly" in s.text), None)

    return eventually(find, "title in the editor", 10)


def test_the_problems_panel_lists_contentlints_findings_at_their_lines(editor: WebDriver) -> None:
    squiggled = {e.location["y"] for e in editor.find_elements(By.CSS_SELECTOR, ".squiggly-warning")}
    assert len(squiggled) == 2  # "buy now" in the title, "Buy now" in the body
    ActionChains(editor).key_down(Keys.CONTROL).key_down(Keys.SHIFT).send_keys("m").key_up(Keys.SHIFT).key_up(
        Keys.CONTROL
    ).perform()
    rows = eventually(lambda: _rows(editor, ".markers-panel .monaco-list-row", "generated by contentlint"), "problem")
    labels = sorted(r.get_attribute("aria-label") or "" for r in rows)
    assert labels == [
        "Warning: Hard-sell pressure: “Buy now”. Say whose problem this solves and what changes for them, then make "
        "the offer. at line 8 and character 47. generated by contentlint",
        "Warning: Hard-sell pressure: “buy now”. Say whose problem this solves and what changes for them, then make "
        "the offer. at line 2 and character 30. generated by contentlint",
    ]
    assert all("hard-sell" in r.text for r in rows)  # the diagnostic's code: the rule id


def test_hovering_the_title_shows_how_the_post_was_classified(editor: WebDriver) -> None:
    ActionChains(editor).move_to_element(_title_text(editor)).perform()

    def shown() -> str | None:
        texts = [e.text for e in editor.find_elements(By.CSS_SELECTOR, ".monaco-hover-content")]
        return next((t for t in texts if t.startswith("contentlint:")), None)

    hover = eventually(shown, "hover", 20)
    assert hover.startswith("contentlint: sale (sale, promotional)\nStage: at purchase (at) · confidence ")
    assert "Evidence:" in hover
    ActionChains(editor).move_by_offset(0, 400).perform()


def test_a_code_action_replaces_the_title_with_an_insight_led_headline(editor: WebDriver) -> None:
    _title_text(editor).click()
    ActionChains(editor).key_down(Keys.CONTROL).send_keys(".").key_up(Keys.CONTROL).perform()
    offered = eventually(lambda: _rows(editor, ".action-widget .monaco-list-row", "Rewrite the title: "), "action")
    assert offered[0].get_attribute("aria-label") == f"Rewrite the title: {HEADLINE}"
    for _ in range(12):  # the menu is walked with the keyboard, as a writer does (a click hits its pointer guard)
        focused = editor.find_elements(By.CSS_SELECTOR, ".action-widget .monaco-list-row.focused")
        if focused and focused[0].get_attribute("aria-label") == f"Rewrite the title: {HEADLINE}":
            break
        ActionChains(editor).send_keys(Keys.ARROW_DOWN).perform()
    ActionChains(editor).send_keys(Keys.ENTER).perform()

    def lines() -> list[str] | None:
        shown = [e.text for e in editor.find_elements(By.CSS_SELECTOR, ".view-line")]
        return shown if f"title: {HEADLINE}" in shown else None

    shown = eventually(lines, "rewritten title", 20)
    assert shown[:5] == ["---", f"title: {HEADLINE}", "product: Ledgerly", "audience: finance teams", "---"]
