"""The brief editor on the web page (Starlette's TestClient): a good brief is saved into the page's config and
the draft's rewrites are made from it; a bad one is refused in the config loader's words; everything escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason='the web extra is not installed: pip install "contentlint[web]"')

from starlette.testclient import TestClient

from contentlint.config import load_config
from contentlint.errors import ConfigError
from contentlint.run import RunOptions
from contentlint.web.app import create_app
from contentlint.web.service import Engine
from tests.web.test_app import BASE, Elements, headlines_in

CONFIG = "# settings of the blog\nlanguage: en  # our posts\nfail_under: 70\n"
LEDGERLY_POST = {
    "title": "Ledgerly 5.0 is here: 30% off this week only",
    "lang": "en",
    "body": "Ledgerly 5.0 is out with bank feeds for 40 more banks. Buy now and get 30% off this week "
    "only. Upgrade today!",
}
LEDGERLY_BRIEF = {
    "brief.audiences": "small-business owners",
    "brief.products.1.name": "Ledgerly",
    "brief.products.1.aliases": "ledgerly app",
    "brief.products.1.audiences": "bookkeepers\r\nsmall-business owners",
    "brief.products.1.jobs": "close the month in two days\r\nstop chasing late invoices",
    "brief.products.1.proof": "Riverside Bakery cut its month-end close from six days to two",
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A blog's folder with its config, where `contentlint serve` is started."""
    (tmp_path / ".contentlint.yaml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def client_for(options: RunOptions) -> TestClient:
    return TestClient(create_app(Engine([], options)), base_url=BASE)


@pytest.fixture
def client(project: Path) -> Iterator[TestClient]:
    with client_for(RunOptions(use_config_files=True)) as test_client:
        yield test_client


def fields(page: str) -> dict[str, str]:
    """The editor's fields as the page fills them in."""
    parsed = Elements(page)
    values = {a["name"]: a.get("value") or "" for t, a in parsed.tags if t == "input" and a.get("name")}
    areas = [a["name"] for t, a in parsed.tags if t == "textarea"]
    values.update(
        zip(areas, (text.removeprefix("\n") for text in parsed.textareas), strict=True)
    )  # as a browser reads it
    return {k: v for k, v in values.items() if k and k.startswith("brief.")}


def test_a_good_brief_is_saved_and_the_rewrites_use_it(client: TestClient, project: Path) -> None:
    before = client.post("/", data=LEDGERLY_POST)
    assert not any("close the month" in h for h in headlines_in(before.text))
    response = client.post("/brief", data={**LEDGERLY_POST, **LEDGERLY_BRIEF})
    assert response.status_code == 200
    assert "Saved in .contentlint.yaml" in response.text
    assert "How small-business owners close the month in two days with Ledgerly" in headlines_in(response.text)
    text = (project / ".contentlint.yaml").read_text(encoding="utf-8")
    assert text.startswith(CONFIG)  # the rest of the file, comments too, as it was
    config = load_config(project / ".contentlint.yaml")
    assert config.fail_under == 70 and config.language == "en"
    assert [p.name for p in config.brief.products] == ["Ledgerly"]
    assert config.brief.products[0].jobs == ("close the month in two days", "stop chasing late invoices")
    # the page shows the saved brief from now on, with an empty row to add a product
    shown = fields(client.get("/").text)
    assert shown["brief.products.1.name"] == "Ledgerly" and shown["brief.products.2.name"] == ""
    assert shown["brief.products.1.jobs"] == "close the month in two days\nstop chasing late invoices"
    assert shown["brief.audiences"] == "small-business owners"
    # and a draft checked afterwards is rewritten with it
    again = client.post("/analyse", data=LEDGERLY_POST)
    assert "How small-business owners close the month in two days with Ledgerly" in headlines_in(again.text)


def test_a_bad_brief_is_refused_in_the_config_loaders_words(client: TestClient, project: Path) -> None:
    bad = {
        "brief.products.1.jobs": "close the month in two days",
        "brief.products.2.name": "Tallybook",
        "brief.products.2.aliases": "Tallybook",
    }
    response = client.post("/brief", data={**LEDGERLY_POST, **bad})
    assert response.status_code == 400
    assert (project / ".contentlint.yaml").read_text(encoding="utf-8") == CONFIG
    shown = html.unescape(re.search(r'<p class="notice error"[^>]*>(.*?)</p>', response.text, re.S).group(1))
    # the same brief in the config file: the loader says the same
    (project / "other.yaml").write_text(
        "brief:\n  products:\n    - jobs: [close the month in two days]\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as loader:
        load_config(project / "other.yaml")
    assert shown == f"The brief was not saved: {loader.value.message}"
    assert loader.value.message == "brief: products[1].name: expected the product's name"
    # what was typed stays in the editor, to be corrected
    assert fields(response.text)["brief.products.2.name"] == "Tallybook"
    assert 'class="verdict promotional"' in response.text  # the draft is still analysed (with the saved brief)


def test_the_error_and_the_buttons_are_in_the_page_language(client: TestClient) -> None:
    response = client.post("/brief?lang=ja", data={"brief.products.1.jobs": "月末の締めを2日で終える"})
    assert response.status_code == 400
    assert "ブリーフは保存されませんでした" in response.text and "ブリーフを保存" in response.text
    page = client.get("/?lang=zh").text
    assert "保存品牌简报" in page


def test_every_piece_of_a_hostile_brief_is_escaped(client: TestClient, project: Path) -> None:
    name = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    hostile = {
        "brief.products.1.name": name,
        "brief.products.1.jobs": "</textarea><b>job</b> {{ 7*7 }}",
        "brief.audiences": "</textarea><script>alert(3)</script>",
    }
    response = client.post("/brief", data={"title": f"{name} 30% off", "body": "Buy now!", **hostile})
    assert response.status_code == 200
    page = response.text
    assert page.count("<script") == 1  # ours, /static/contentlint.js
    assert "<img" not in page and "<b>job</b>" not in page and "49" not in page
    shown = fields(page)
    assert shown["brief.products.1.name"] == name and shown["brief.audiences"] == hostile["brief.audiences"]
    assert load_config(project / ".contentlint.yaml").brief.products[0].name == name


def test_a_save_from_another_origin_is_refused(client: TestClient, project: Path) -> None:
    response = client.post("/brief", data=LEDGERLY_BRIEF, headers={"origin": "http://evil.example"})
    assert response.status_code == 403
    response = client.post("/brief", data=LEDGERLY_BRIEF, headers={"sec-fetch-site": "cross-site"})
    assert response.status_code == 403
    assert (project / ".contentlint.yaml").read_text(encoding="utf-8") == CONFIG


def test_a_brief_is_saved_into_a_new_config_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with client_for(RunOptions(use_config_files=True)) as test_client:
        assert "in .contentlint.yaml (only its brief changes)" in test_client.get("/").text
        assert test_client.post("/brief", data=LEDGERLY_BRIEF).status_code == 200
    assert load_config(tmp_path / ".contentlint.yaml").brief.products[0].name == "Ledgerly"


def test_with_no_config_there_is_nothing_to_save_into(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with client_for(RunOptions(use_config_files=False)) as test_client:
        page = test_client.get("/").text
        assert "--no-config" in page and re.search(r'class="save-brief"[^>]* disabled', page)
        response = test_client.post("/brief", data=LEDGERLY_BRIEF)
    assert response.status_code == 409 and "--no-config" in response.text
    assert list(tmp_path.iterdir()) == []


def test_an_explicit_config_is_the_one_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "site").mkdir()
    chosen = tmp_path / "site" / "team.yaml"
    chosen.write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with client_for(RunOptions(config_file=chosen)) as test_client:
        assert test_client.post("/brief", data=LEDGERLY_BRIEF).status_code == 200
    assert load_config(chosen).brief.products[0].name == "Ledgerly"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
