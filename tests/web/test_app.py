"""The web app in-process (Starlette's TestClient): the pages as they render with JavaScript off, escaping of
hostile drafts, and the safety limits (Host header, cross-origin posts, body size, nothing written to disk)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason='the web extra is not installed: pip install "contentlint[web]"')

from starlette.testclient import TestClient

from contentlint.run import RunOptions
from contentlint.web.app import MAX_BODY_BYTES, create_app
from contentlint.web.service import Engine
from tests.helpers import REPO, tree_digest

BASE = "http://127.0.0.1:8765"
JA_PROMO = {
    "title": "オフィス全品30%オフセール",
    "channel": "x",
    "kpi": "フォロワー数",
    "body": "オフィス製品が全品30%オフ！今だけの期間限定セールです。お見逃しなく！\n\n"
    "フォロー＆RTで抽選10名様に年間ライセンスが当たります。",
}
EN_HOWTO = {
    "title": "How to automate your monthly sales report with PivotTables",
    "channel": "newsletter",
    "kpi": "likes",
    "body": "If you already track sales in Excel, stop rebuilding the monthly report by hand. This guide "
    "walks you through it step by step.\n\n## Build the PivotTable once\n\n"
    "1. Select your sales table and choose Insert > PivotTable.\n"
    "2. Drag Region to Rows and Revenue to Values.\n"
    "3. Next month, paste the new rows and press Refresh All.\n\n## Add a slicer\n\n"
    "Choose PivotTable Analyze > Insert Slicer and pick Month, so that anyone can filter the report "
    "without touching the table. See [Microsoft's guide to slicers](https://support.microsoft.com) "
    "for the details.\n",
}
HOSTILE = {
    "title": "<script>alert(1)</script> 30% off {{ 7*7 }}",
    "channel": '"><img src=x onerror=alert(1)>',
    "kpi": "followers {% raw %}",
    "lang": "en",
    "body": "Buy now! </textarea><script>alert(2)</script> <b>bold</b> {{ 7*7 }}\n"
    "[click](javascript:alert(3)) Sale ends Sunday.",
}


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of each <textarea>."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.textareas: list[str] = []
        self._in_textarea = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "textarea":
            self._in_textarea = True
            self.textareas.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_textarea = self._in_textarea and tag != "textarea"

    def handle_data(self, data: str) -> None:
        if self._in_textarea:
            self.textareas[-1] += data


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine([str(REPO / "samples")], RunOptions(use_config_files=False))


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(engine), base_url=BASE) as test_client:
        yield test_client


def rules_in(page: str) -> list[str]:
    return re.findall(r'<span class="rule"[^>]*>([^<]+)</span>', page)


def headlines_in(page: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'<span class="headline">([^<]+)</span>', page)]


def test_the_draft_page_has_the_form_and_no_outside_resources(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    page = Elements(response.text)
    names = {attrs.get("name") for tag, attrs in page.tags if tag in ("input", "select", "textarea")}
    draft_fields = {"title", "body", "channel", "lang", "stage", "kpi"}
    assert names == draft_fields | {"brief.audiences"} | {
        f"brief.products.1.{key}" for key in ("name", "aliases", "audiences", "jobs", "proof")
    }
    form = next(attrs for tag, attrs in page.tags if tag == "form")
    assert (form["method"], form["action"]) == ("post", "/")
    assert [attrs["src"] for tag, attrs in page.tags if tag == "script"] == ["/static/contentlint.js"]
    urls = [v for _, attrs in page.tags for k, v in attrs.items() if k in ("src", "href", "action", "formaction") and v]
    assert urls and all(url.startswith("/") for url in urls)  # nothing from another origin
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "http" not in csp
    assert response.headers["x-frame-options"] == "DENY" and response.headers["x-content-type-options"] == "nosniff"
    assert "What you will see here" in response.text
    script = client.get("/static/contentlint.js")
    assert script.status_code == 200 and "/analyse" in script.text


def test_a_posted_japanese_promotion_shows_label_findings_and_rewrites(client: TestClient) -> None:
    response = client.post("/", data=JA_PROMO)
    assert response.status_code == 200
    text = response.text
    assert "A promotional post" in text and '<span class="badge label">sale</span>' in text
    assert "at · at purchase" in text and '<span class="badge">Japanese</span>' in text
    assert {"hard-sell", "follower-bait", "vanity-kpi", "promo-without-outcome"} <= set(rules_in(text))
    assert (
        '<span class="loc" translate="no">KPI</span>' in text
        and '<span class="loc" translate="no">body, line 1, column' in text
    )
    assert "売り込みの圧力：「今だけ」" in text and '<details class="why"><summary>why</summary>' in text
    assert re.search(r'<mark class="sale" title="sale">[^<]*(セール|オフ)', text)  # evidence highlighted
    # No product is named and there is no brief: no headline with a blank, the questions that would fill it
    assert headlines_in(text) == [] and "?]" not in text
    assert "この投稿はどの製品についてですか？" in text and "(brief.products[].jobs)" in text
    page = Elements(text)  # the form keeps what was typed
    assert page.textareas[0] == "\n" + JA_PROMO["body"]  # the first newline of a textarea is not content
    assert (
        "input",
        {
            "id": "title",
            "name": "title",
            "maxlength": "200",
            "value": JA_PROMO["title"],
            "placeholder": "e.g. New Excel version: 30% off all Office products",
        },
    ) in page.tags


def test_the_fragment_for_an_english_how_to(client: TestClient) -> None:
    response = client.post("/analyse", data=EN_HOWTO)
    assert response.status_code == 200
    text = response.text
    assert "<html" not in text and "<form" not in text
    assert "An insight-led post" in text and '<span class="badge label">howto</span>' in text
    assert "the kind of post that keeps customers" in text or "wins new customers" in text
    assert rules_in(text) == ["vanity-kpi"] and "Insight-led rewrites" not in text
    assert "likes" in text


def test_an_empty_draft_is_not_an_error(client: TestClient) -> None:
    for path in ("/", "/analyse"):
        response = client.post(path, data={"title": " ", "body": "\n"})
        assert response.status_code == 200 and "What you will see here" in response.text


def test_a_draft_the_engine_refuses_says_why(client: TestClient) -> None:
    response = client.post("/analyse", data={"title": "", "body": "a\x00b"})
    assert response.status_code == 200
    assert "Could not check everything" in response.text and rules_in(response.text) == ["input-error"]
    assert (
        "binary file (contains NUL bytes)" in response.text
        and '<span class="loc" translate="no">draft</span>' in response.text
    )


def test_every_piece_of_a_hostile_draft_is_escaped(client: TestClient) -> None:
    for path in ("/", "/analyse"):
        text = client.post(path, data=HOSTILE).text
        page = Elements(text)
        scripts = [attrs for tag, attrs in page.tags if tag == "script"]
        assert scripts == ([{"src": "/static/contentlint.js", "defer": None}] if path == "/" else [])
        assert not any(tag == "img" for tag, _ in page.tags) and "<b>bold" not in text
        assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
        assert not any("javascript:" in (value or "") for _, attrs in page.tags for value in attrs.values())
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert (
            '<h3 lang="en" translate="no">&lt;script&gt;alert(1)&lt;/script&gt; 30% off {{ 7*7 }}</h3>' in text
            and "{% raw %}" in text
        )
        assert "hard-sell" in rules_in(text)
        if path == "/":  # the form holds the draft as typed, as text
            assert "&lt;/textarea&gt;&lt;script&gt;alert(2)" in text
            assert page.textareas[0] == "\n" + HOSTILE["body"]
            channel = next(attrs for tag, attrs in page.tags if attrs.get("name") == "channel")
            assert channel["value"] == HOSTILE["channel"]


def test_a_foreign_host_header_is_refused(client: TestClient) -> None:
    """A page elsewhere whose name is rebound to 127.0.0.1 sends its own name as Host: refused."""
    for host in ("evil.example", "evil.example:8765", "127.0.0.1.evil.example", ""):
        response = client.get("/", headers={"Host": host})
        assert response.status_code == 400, host
        assert "<form" not in response.text
        assert client.post("/analyse", data=JA_PROMO, headers={"Host": host}).status_code == 400
    for host in ("127.0.0.1:8765", "localhost:8765", "[::1]:8765", "localhost"):
        assert client.get("/", headers={"Host": host}).status_code == 200, host


def test_a_post_from_another_origin_is_refused(client: TestClient) -> None:
    response = client.post("/", data=JA_PROMO, headers={"Origin": "http://evil.example"})
    assert response.status_code == 403
    assert client.post("/analyse", data=JA_PROMO, headers={"Origin": "http://127.0.0.1:8766"}).status_code == 403
    assert client.post("/analyse", data=JA_PROMO, headers={"Origin": BASE}).status_code == 200
    # a sandboxed frame or data: page sends `Origin: null`; letters may differ in case
    assert client.post("/analyse", data=JA_PROMO, headers={"Origin": "null"}).status_code == 403
    assert (
        client.post("/analyse", data=JA_PROMO, headers={"Origin": BASE.upper().replace("HTTP", "http")}).status_code
        == 200
    )


def test_requests_a_browser_marks_cross_site_are_refused_except_following_a_link(client: TestClient) -> None:
    cross = {"Sec-Fetch-Site": "cross-site"}
    assert client.get("/calendar", headers={**cross, "Sec-Fetch-Mode": "no-cors"}).status_code == 403  # an <img>
    assert client.post("/analyse", data=JA_PROMO, headers={**cross, "Sec-Fetch-Mode": "no-cors"}).status_code == 403
    assert client.get("/", headers={**cross, "Sec-Fetch-Mode": "navigate"}).status_code == 200  # a link to the page
    same = {"Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "cors"}
    assert client.post("/analyse", data=JA_PROMO, headers=same).status_code == 200


def test_request_bodies_are_limited(client: TestClient) -> None:
    big = {"title": "Sale", "body": "x" * MAX_BODY_BYTES}
    assert client.post("/", data=big).status_code == 413
    assert client.post("/analyse", data=big).status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b"title=Sale&body="
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"y" * 65536

    response = client.post("/analyse", content=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413
    assert client.post("/analyse", data={"title": "Sale", "body": "x" * 1000}).status_code == 200


def test_the_calendar_page_shows_mix_timeline_gate_and_links_to_each_post(client: TestClient) -> None:
    response = client.get("/calendar")
    assert response.status_code == 200
    text = response.text
    for name in ("Ledgerly Q1 content", "オフィス製品 冬のプロモーション", "Feed: "):
        assert name in text
    calendars = text.count("<h2>Calendar: ") + text.count("<h2>Feed: ")
    assert calendars >= 4 and text.count('<h3 style="margin-top:16px">Timeline</h3>') == calendars
    assert "gate fail-under 60: <b>FAILED</b>" in text and "gate fail-under 60: <b>passed</b>" in text
    assert '<td translate="no">line</td>' in text and '<td translate="no">newsletter</td>' in text  # per-channel mix
    links = [html.unescape(h) for h in re.findall(r'href="(/post\?[^"]+)"', text)]
    assert len(links) >= 30
    office_sale = str(REPO / "samples/ja/office-sale.md")
    link = next(h for h in links if office_sale.replace("/", "%2F") in h)
    post = client.get(link)
    assert post.status_code == 200
    assert "オフィス全品○○%オフセール" in post.text and '<span class="badge label">sale</span>' in post.text
    assert {"hard-sell", "follower-bait"} <= set(rules_in(post.text)) and 'class="rewrites"' in post.text
    assert f"{office_sale}:2" in post.text and 'href="/calendar"' in post.text
    assert '<span class="loc" translate="no">line 7, column 16</span>' in post.text  # in the file the card names


def test_the_post_page_shows_only_posts_of_the_served_paths(client: TestClient) -> None:
    office_sale = REPO / "samples/ja/office-sale.md"
    for query in (
        "path=/etc/passwd&line=1",
        f"path={REPO / 'pyproject.toml'}&line=1",
        "path=&line=x",
        "",
        f"path={office_sale}&line=%C2%B2",
        f"path={office_sale}&line={'9' * 5000}",
    ):
        response = client.get(f"/post?{query}")
        assert response.status_code == 404 and "No such post" in response.text
        assert "root:" not in response.text and "[project]" not in response.text


def test_without_paths_there_is_no_calendar(engine: Engine) -> None:
    bare = Engine([], RunOptions(use_config_files=False))
    with TestClient(create_app(bare), base_url=BASE) as client:
        assert "Calendar and posts" not in client.get("/").text
        response = client.get("/calendar")
        assert response.status_code == 404 and "contentlint serve samples/" in response.text


def test_the_server_writes_nothing_to_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    xdg, cwd = tmp_path / "xdg", tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    monkeypatch.chdir(cwd)
    before = tree_digest(REPO / "samples")
    engine = Engine([str(REPO / "samples")], RunOptions(cache_dir=tmp_path / "cache", use_config_files=False))
    assert engine.options.cache_dir is None
    with TestClient(create_app(engine), base_url=BASE) as client:
        assert client.post("/", data=JA_PROMO).status_code == 200
        assert client.post("/analyse", data=EN_HOWTO).status_code == 200
        assert client.get("/calendar").status_code == 200
    assert list(tmp_path.rglob("*")) == [cwd]
    assert tree_digest(REPO / "samples") == before
