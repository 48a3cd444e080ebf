"""The web page in the browser's language: Accept-Language, the switcher (remembered in a cookie), the server's
--ui-lang; Japanese and Chinese pages keep no English interface word."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason='the web extra is not installed: pip install "contentlint[web]"')

from starlette.testclient import TestClient

from contentlint.run import RunOptions
from contentlint.web.app import LANGUAGE_COOKIE, create_app
from contentlint.web.service import Engine
from tests.interface_text import english_left
from tests.web.test_app import BASE, EN_HOWTO, JA_PROMO, engine  # noqa: F401

JA = {"accept-language": "ja,en-US;q=0.8,en;q=0.6"}
ZH = {"accept-language": "zh-CN,zh;q=0.9,en;q=0.5"}


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:  # noqa: F811
    with TestClient(create_app(engine), base_url=BASE) as test_client:
        yield test_client


def pages(client: TestClient, headers: dict[str, str]) -> dict[str, str]:
    """Every page a writer sees: the empty form, a checked Japanese promotion (whole page and the fragment the
    script swaps in), an English how-to, the calendar page and a post's page, and a page that is not there."""
    calendar = client.get("/calendar", headers=headers).text
    href = re.search(r'href="(/post\?[^"]+)"', calendar)
    assert href is not None
    return {
        "form": client.get("/", headers=headers).text,
        "promotion": client.post("/", data=JA_PROMO, headers=headers).text,
        "fragment": client.post("/analyse", data=JA_PROMO, headers=headers).text,
        "how-to": client.post("/", data=EN_HOWTO, headers=headers).text,
        "calendar": calendar,
        "post": client.get(href.group(1).replace("&amp;", "&"), headers=headers).text,
        "missing": client.get("/post?path=nowhere.md&line=1", headers=headers).text,
    }


@pytest.mark.parametrize(("headers", "lang"), [(JA, "ja"), (ZH, "zh")])
def test_no_english_interface_word_is_left_on_any_page(client: TestClient, headers: dict[str, str], lang: str) -> None:
    for name, page in pages(client, headers).items():
        if name == "fragment":  # no <html> of its own: it lands in a page in the same language
            page = f'<html lang="{lang}">{page}</html>'
        assert english_left(page, lang) == [], name


def test_the_check_is_not_blind(client: TestClient) -> None:
    left = english_left(pages(client, {"accept-language": "en"})["promotion"], "en")
    assert {"Check", "draft", "promotional", "why"} <= set(left)


def test_a_japanese_page(client: TestClient) -> None:
    response = client.post("/", data=JA_PROMO, headers=JA)
    text = response.text
    assert response.headers["content-language"] == "ja" and "Accept-Language" in response.headers["vary"]
    assert "<h2>販促の投稿です" in text and '<span class="badge label">セール</span>' in text
    assert "購入時 · 購入のとき" in text and "<summary>理由</summary>" in text
    assert '<span class="loc" translate="no">本文 1 行' in text  # the finding's place on the form, in Japanese
    assert 'data-checking="チェック中…"' in text and ">下書きをチェックする</button>" in text
    # the finding messages follow the post (Japanese here), as they always did
    assert "売り込みの圧力：「今だけ」" in text


def test_the_switcher_picks_and_remembers_a_language(client: TestClient) -> None:
    first = client.get("/?lang=zh", headers=JA)
    assert '<html lang="zh">' in first.text and first.cookies.get(LANGUAGE_COOKIE) == "zh"
    assert "set-cookie" in first.headers and "samesite=strict" in first.headers["set-cookie"].lower()
    # the switcher names each language in its own language and links to this page in it
    assert '<a lang="ja" hreflang="ja" href="/?lang=ja">日本語</a>' in first.text
    assert '<b lang="zh" aria-current="true">中文</b>' in first.text
    # the browser still asks for Japanese, but the writer picked Chinese: the draft is checked in Chinese
    again = client.post("/analyse", data=JA_PROMO, headers=JA)
    assert "这是一篇促销帖子" in again.text and "販促の投稿です" not in again.text
    back = client.get("/?lang=en", headers=JA)
    assert '<html lang="en">' in back.text and back.cookies.get(LANGUAGE_COOKIE) == "en"


def test_a_post_page_switches_to_itself(client: TestClient) -> None:
    calendar = client.get("/calendar", headers=ZH).text
    href = re.search(r'href="(/post\?[^"]+)"', calendar).group(1).replace("&amp;", "&")  # type: ignore[union-attr]
    page = client.get(href, headers=ZH).text
    switch = re.search(r'<a lang="ja" hreflang="ja" href="([^"]+)">', page).group(1)  # type: ignore[union-attr]
    assert switch.startswith("/post?path=") and switch.endswith("&amp;lang=ja")
    assert '<html lang="ja">' in client.get(switch.replace("&amp;", "&")).text


def test_a_language_nobody_asked_for_falls_back_to_the_server(engine: Engine) -> None:  # noqa: F811
    with TestClient(create_app(engine, language="ja"), base_url=BASE) as client:
        assert '<html lang="ja">' in client.get("/", headers={"accept-language": "fr"}).text
        assert '<html lang="ja">' in client.get("/").text
        assert '<html lang="en">' in client.get("/", headers={"accept-language": "en-GB"}).text
        assert '<html lang="ja">' in client.get("/?lang=xx").text  # an unknown choice is ignored


CONFIG_ERRORS = {
    "ja": "rules：`no-such-rule` というルールはありません",
    "zh": "rules：没有 ID 为 `no-such-rule` 的规则",
    "en": "rules: unknown rule id `no-such-rule`",
}


@pytest.mark.parametrize("lang", ["ja", "zh", "en"])
def test_a_config_error_is_shown_in_the_page_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Both ways a draft meets a config: the one `serve --config` was given, and the one found in the folder."""
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # the server's locale must not decide
    config = tmp_path / ".contentlint.yaml"
    config.write_text("rules: {no-such-rule: off}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for options in (RunOptions(config_file=config), RunOptions()):
        with TestClient(create_app(Engine([], options)), base_url=BASE) as test_client:
            page = test_client.post("/", data=JA_PROMO, params={"lang": lang}).text
        assert CONFIG_ERRORS[lang] in html.unescape(page), options
