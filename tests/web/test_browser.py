"""End to end in a real browser: `contentlint serve samples/` in its own process, driven by headless Chromium
through Selenium, with JavaScript on (the draft is checked as the writer pauses typing) and off (the form
posts), at desktop and phone widths. Screenshots go to tmp_path, and also to $CONTENTLINT_SCREENSHOTS when
that names a folder, for a person to look at."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import REPO, chromium_options
from tests.web.test_app import EN_HOWTO
from tests.web.test_app import JA_PROMO as JA_PROMO_UNNAMED

# The promotion names its product and what it does for the reader, so the page has headlines to copy.
JA_PROMO = {
    **JA_PROMO_UNNAMED,
    "body": JA_PROMO_UNNAMED["body"] + "\n\nクーポンコード SPRING30 は4月19日まで、年間プランにも"
    "使えます。\n\nExcelなら月次レポート作成の手間を削減できます。",
}

pytest.importorskip("uvicorn", reason='the web extra is not installed: pip install "contentlint[web]"')
pytest.importorskip("selenium", reason="selenium is not installed (it is in the test extra)")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None or CHROMEDRIVER is None,
        reason="headless Chromium and its driver (Debian packages `chromium` and `chromium-driver`) are not installed",
    ),
]
WIDTHS = {"desktop": 1280, "phone": 390}
PHONE = WIDTHS["phone"]


@contextlib.contextmanager
def serving(arguments: list[str], cwd: Path) -> Iterator[str]:
    """The real command, as a marketer starts it, in ``cwd``; yields the page's address."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {**os.environ, "PYTHONPATH": str(REPO)}  # the package under test from any folder
    proc = subprocess.Popen(
        [sys.executable, "-m", "contentlint", "serve", *arguments, "--port", str(port)],
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"contentlint serve did not start: {proc.communicate(timeout=10)[0]}")
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(["samples/"], REPO) as url:
        yield url


@pytest.fixture(params=list(WIDTHS.values()), ids=list(WIDTHS))
def width(request: pytest.FixtureRequest) -> int:
    return int(request.param)


@pytest.fixture
def browser() -> Iterator[Callable[..., WebDriver]]:
    drivers: list[WebDriver] = []

    def start(width: int, javascript: bool = True, language: str = "en-US") -> WebDriver:
        options = chromium_options(str(CHROMIUM), "--hide-scrollbars", f"--window-size={width},900")
        prefs: dict[str, Any] = {"intl.accept_languages": language}  # what the browser asks for (Accept-Language)
        if not javascript:
            prefs["profile.managed_default_content_settings.javascript"] = 2
        options.add_experimental_option("prefs", prefs)
        options.add_argument(f"--lang={language}")
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        emulate(driver, width)
        drivers.append(driver)
        return driver

    yield start
    for driver in drivers:
        driver.quit()


def emulate(driver: WebDriver, width: int, height: int = 900) -> None:
    """Lay the page out at ``width``, as a phone or a desktop browser does (and ``height``, for a full-page shot)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width <= PHONE},
    )


def screenshot(driver: WebDriver, width: int, name: str, folder: Path) -> Path:
    """A full-page PNG, after checking that nothing sticks out sideways."""
    assert driver.execute_script("return document.documentElement.scrollWidth") <= width, f"{name}: overflows"
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    emulate(driver, width, height)
    path = folder / f"{name}-{width}.png"
    driver.save_screenshot(str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 20_000
    if os.environ.get("CONTENTLINT_SCREENSHOTS"):
        target = Path(os.environ["CONTENTLINT_SCREENSHOTS"])
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target / path.name)
    return path


def type_draft(driver: WebDriver, draft: dict[str, str]) -> None:
    for name in ("title", "channel", "kpi", "body"):
        driver.find_element(By.NAME, name).send_keys(draft[name])


def analysis(driver: WebDriver) -> dict[str, Any]:
    """What the page shows about the draft."""
    return driver.execute_script("""
        const all = (sel) => Array.from(document.querySelectorAll(sel));
        const verdict = document.querySelector('.verdict h2');
        return {verdict: verdict ? verdict.textContent : null,
                badges: all('.card.post .badge').map(b => b.textContent.trim()),
                rules: all('.card.post ul.findings .rule').map(r => r.textContent),
                marks: all('.card.post mark').map(m => m.textContent),
                headlines: all('.rewrites .headline').map(h => h.textContent)};""")


def wait_for_analysis(driver: WebDriver) -> dict[str, Any]:
    WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#result .verdict"))
    return analysis(driver)


def test_a_japanese_promotion_is_checked_as_it_is_typed(
    server: str, browser: Callable[..., WebDriver], width: int, tmp_path: Path
) -> None:
    driver = browser(width)
    driver.get(server + "/")
    type_draft(driver, JA_PROMO)  # no click: the page checks when typing pauses
    shown = wait_for_analysis(driver)
    assert shown["verdict"].startswith("A promotional post") and "sale" in shown["badges"]
    assert "at · at purchase" in shown["badges"] and "Japanese" in shown["badges"]
    assert {"hard-sell", "follower-bait", "vanity-kpi"} <= set(shown["rules"])
    assert any("セール" in m or "オフ" in m for m in shown["marks"])
    assert any("活用術" in h for h in shown["headlines"])
    form = driver.find_element(By.ID, "draft-form").rect
    result = driver.find_element(By.ID, "result").rect
    if width > PHONE:  # side by side
        assert result["x"] >= form["x"] + form["width"]
    else:  # one column: the analysis under the form
        assert result["y"] >= form["y"] + form["height"]
    copy = driver.find_element(By.CSS_SELECTOR, ".rewrites button.copy")
    assert copy.is_displayed()
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", copy)
    copy.click()
    WebDriverWait(driver, 10).until(lambda d: copy.text in ("Copied", "Select and copy"))
    assert copy.text == "Copied"
    screenshot(driver, width, "draft-ja-promotion", tmp_path)


def test_an_english_how_to_is_insight_led(
    server: str, browser: Callable[..., WebDriver], width: int, tmp_path: Path
) -> None:
    driver = browser(width)
    driver.get(server + "/")
    type_draft(driver, EN_HOWTO)
    driver.find_element(By.CSS_SELECTOR, "form#draft-form button[type=submit]").click()
    shown = wait_for_analysis(driver)
    assert shown["verdict"].startswith("An insight-led post") and "howto" in shown["badges"]
    assert "insight" in shown["badges"] and "English" in shown["badges"]
    assert shown["rules"] == ["vanity-kpi"] and shown["headlines"] == []
    assert driver.current_url == server + "/"  # checked in place, the draft is still in the form
    assert driver.find_element(By.NAME, "title").get_attribute("value") == EN_HOWTO["title"]
    screenshot(driver, width, "draft-en-howto", tmp_path)


def test_without_javascript_the_form_posts_and_the_server_renders(
    server: str, browser: Callable[..., WebDriver], tmp_path: Path
) -> None:
    driver = browser(WIDTHS["desktop"], javascript=False)
    driver.get(server + "/")
    type_draft(driver, JA_PROMO)
    time.sleep(1.5)  # were the script running, it would have checked the draft by now
    assert not driver.find_elements(By.CSS_SELECTOR, "#result .verdict")
    driver.find_element(By.CSS_SELECTOR, "form#draft-form button[type=submit]").click()
    shown = wait_for_analysis(driver)
    assert shown["verdict"].startswith("A promotional post") and "hard-sell" in shown["rules"]
    assert any("活用術" in h for h in shown["headlines"])
    assert not driver.find_element(By.CSS_SELECTOR, ".rewrites button.copy").is_displayed()  # needs the script
    assert driver.find_element(By.NAME, "body").get_attribute("value") == JA_PROMO["body"]
    screenshot(driver, WIDTHS["desktop"], "draft-no-javascript", tmp_path)


def test_the_calendar_page_links_each_post_to_its_analysis(
    server: str, browser: Callable[..., WebDriver], width: int, tmp_path: Path
) -> None:
    driver = browser(width)
    driver.get(server + "/calendar")
    headings = [h.text for h in driver.find_elements(By.TAG_NAME, "h2")]
    assert "Calendar: Ledgerly Q1 content" in headings and "Calendar: オフィス製品 冬のプロモーション" in headings
    assert driver.find_elements(By.CSS_SELECTOR, "svg[aria-label='posts in date order, coloured by stage']")
    screenshot(driver, width, "calendar", tmp_path)
    emulate(driver, width)
    link = driver.find_element(By.LINK_TEXT, "オフィス全品○○%オフセール")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    WebDriverWait(driver, 30).until(lambda d: "/post?" in d.current_url)
    assert driver.find_element(By.CSS_SELECTOR, ".card.post h3").text == "オフィス全品○○%オフセール"
    assert "hard-sell" in analysis(driver)["rules"]
    screenshot(driver, width, "post", tmp_path)


def test_a_japanese_browser_gets_a_japanese_page(
    server: str, browser: Callable[..., WebDriver], width: int, tmp_path: Path
) -> None:
    """A browser set to Japanese: every heading, label, button, verdict and status is Japanese, the page picks
    a Japanese font, and the switcher turns the page Chinese."""
    driver = browser(width, language="ja")
    driver.get(server + "/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ja"
    assert driver.find_element(By.TAG_NAME, "h1").text == "下書きをチェック"
    labels = [label.text for label in driver.find_elements(By.CSS_SELECTOR, "form.draft label")]
    assert labels[:2] == ["タイトル", "本文 （マークダウン）"] and "想定するステージ" in labels
    font = driver.execute_script("return getComputedStyle(document.body).fontFamily")
    assert "Noto Sans CJK JP" in font and "PingFang SC" not in font  # Japanese glyph forms for Han characters
    type_draft(driver, JA_PROMO)
    shown = wait_for_analysis(driver)
    assert shown["verdict"].startswith("販促の投稿です") and "セール" in shown["badges"]
    assert "購入時 · 購入のとき" in shown["badges"] and "日本語" in shown["badges"]
    assert {"hard-sell", "follower-bait", "vanity-kpi"} <= set(shown["rules"])
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "status").text == "チェックしました。")
    summaries = [s.text for s in driver.find_elements(By.CSS_SELECTOR, "details.why summary")]
    assert summaries and set(summaries) == {"理由"}
    copy = driver.find_element(By.CSS_SELECTOR, ".rewrites button.copy")
    assert copy.text == "コピー"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", copy)
    copy.click()
    WebDriverWait(driver, 10).until(lambda d: copy.text in ("コピーしました", "選択してコピーしてください"))
    screenshot(driver, width, "draft-ja-interface", tmp_path)
    emulate(driver, width)
    switch = driver.find_element(By.CSS_SELECTOR, "header .langs a[lang=zh]")
    assert switch.text == "中文"
    switch.click()
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh")
    assert driver.find_element(By.TAG_NAME, "h1").text == "检查草稿"
    driver.get(server + "/calendar")  # the choice is remembered over the browser's Japanese
    assert driver.find_element(By.TAG_NAME, "h1").text == "日历与帖子"


LEDGERLY_DRAFT = {
    "title": "Ledgerly 5.0 is here: 30% off this week only",
    "channel": "blog",
    "kpi": "sign-ups",
    "body": "Ledgerly 5.0 is out with bank feeds for 40 more banks. Buy now and get 30% off this "
    "week only. Upgrade today!",
}
LEDGERLY_BRIEF = {
    "brief.audiences": "small-business owners",
    "brief.products.1.name": "Ledgerly",
    "brief.products.1.aliases": "ledgerly app",
    "brief.products.1.audiences": "bookkeepers",
    "brief.products.1.jobs": "close the month in two days\nstop chasing late invoices",
    "brief.products.1.proof": "Riverside Bakery cut its month-end close from six days to two",
}
CONFIG = "# the blog's settings\nfail_under: 70\n"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`contentlint serve` started in a blog's folder that has a config and no brief yet."""
    folder = tmp_path / "blog"
    folder.mkdir()
    (folder / ".contentlint.yaml").write_text(CONFIG, encoding="utf-8")
    with serving([], folder) as url:
        yield url, folder / ".contentlint.yaml"


def fill_brief(driver: WebDriver, brief: dict[str, str]) -> None:
    editor = driver.find_element(By.ID, "brief-editor")
    if editor.get_attribute("open") is None:
        summary = editor.find_element(By.TAG_NAME, "summary")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
        summary.click()
    for name, text in brief.items():
        field = driver.find_element(By.NAME, name)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
        field.send_keys(text)


def save_brief(driver: WebDriver) -> None:
    button = driver.find_element(By.CSS_SELECTOR, "button.save-brief")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()


def test_the_brief_editor_saves_the_brief_and_the_rewrites_follow(
    project: tuple[str, Path], browser: Callable[..., WebDriver], width: int, tmp_path: Path
) -> None:
    url, config = project
    driver = browser(width)
    driver.get(url + "/")
    type_draft(driver, LEDGERLY_DRAFT)
    before = wait_for_analysis(driver)
    assert before["verdict"].startswith("A promotional post")
    assert not any("close the month" in h for h in before["headlines"])
    fill_brief(driver, LEDGERLY_BRIEF)
    save_brief(driver)
    WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#brief-panel .notice.saved"))
    assert driver.current_url == url + "/"  # saved in place: the draft is still in the form
    shown = analysis(driver)
    assert (
        "How bookkeepers close the month in two days with Ledgerly" in shown["headlines"]
        or "How small-business owners close the month in two days with Ledgerly" in shown["headlines"]
    )
    text = config.read_text(encoding="utf-8")
    assert text.startswith(CONFIG) and "close the month in two days" in text
    # the outline of a rewrite is copied whole: the headline, then its sections
    driver.execute_cdp_cmd(
        "Browser.grantPermissions", {"origin": url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}
    )
    outline = driver.find_element(By.CSS_SELECTOR, ".rewrites li.rewrite details.outline")
    driver.execute_script("arguments[0].open = true; arguments[0].scrollIntoView({block: 'center'})", outline)
    copy = outline.find_element(By.CSS_SELECTOR, "button.copy.outline")
    assert copy.is_displayed()
    copy.click()
    WebDriverWait(driver, 10).until(lambda d: copy.text in ("Copied", "Select and copy"))
    copied = driver.execute_async_script(
        "navigator.clipboard.readText().then(arguments[0], function (e) { arguments[0]('error: ' + e); })"
    )
    lines = copied.split("\n")
    assert lines[0] in shown["headlines"] and len(lines) >= 4
    assert lines[-1].startswith("- The offer, last:")
    screenshot(driver, width, "brief-saved", tmp_path)
    # a brief with a mistake is refused in the config loader's words, and the file stays as it was
    emulate(driver, width)
    fill_brief(driver, {"brief.products.2.jobs": "stop chasing late invoices"})
    save_brief(driver)
    WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#brief-panel .notice.error"))
    error = driver.find_element(By.CSS_SELECTOR, "#brief-panel .notice.error").text
    assert error == "The brief was not saved: brief: products[2].name: expected the product's name"
    assert config.read_text(encoding="utf-8") == text


def test_without_javascript_the_brief_is_saved_by_posting_the_form(
    project: tuple[str, Path], browser: Callable[..., WebDriver]
) -> None:
    url, config = project
    driver = browser(WIDTHS["desktop"], javascript=False)
    driver.get(url + "/")
    type_draft(driver, LEDGERLY_DRAFT)
    fill_brief(driver, LEDGERLY_BRIEF)
    save_brief(driver)
    WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#brief-panel .notice.saved"))
    assert any("close the month in two days with Ledgerly" in h for h in analysis(driver)["headlines"])
    assert driver.find_element(By.NAME, "title").get_attribute("value") == LEDGERLY_DRAFT["title"]
    assert "close the month in two days" in config.read_text(encoding="utf-8")
