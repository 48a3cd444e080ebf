from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from contentlint.config import Config, ConfigResolver, RuleOverride, load_config
from contentlint.errors import ConfigError


def test_defaults() -> None:
    config = Config()
    # No include list of its own: the walk reads every file some input reader reads.
    assert config.fail_level == "warning" and config.include is None


def test_full_config(write: Callable[..., Path], tmp_path: Path) -> None:
    write("packs/extra.yaml", "rules: []\n")
    path = write(
        ".contentlint.yaml",
        """\
language: ja
fail_level: error
include: ["*.md"]
exclude: [drafts]
packs: [packs/extra.yaml]
max_file_bytes: 1000
rules:
  hard-sell: off
  company-centric: error
  vanity-kpi: {level: info}
""",
    )
    config = load_config(path)
    assert config.language == "ja" and config.fail_level == "error"
    assert config.packs == ((tmp_path / "packs/extra.yaml").resolve(),)
    assert config.rules == {
        "hard-sell": RuleOverride(enabled=False),
        "company-centric": RuleOverride(enabled=True, level="error"),
        "vanity-kpi": RuleOverride(enabled=True, level="info"),
    }


@pytest.mark.parametrize(
    ("content", "complaint", "line"),
    [
        ("language: en\nfail_levle: error\n", "unknown key `fail_levle`", 2),
        ("fail_level: fatal\n", "fail_level: expected one of", 1),
        ("rules:\n  hard-sell: loud\n", "hard-sell: expected off, on or a level", 1),
        ("include: '*.md'\n", "include: expected a list", 1),
        ("packs: [missing.yaml]\n", "rule pack not found", 1),
        ("- just\n- a list\n", "must be a mapping", 1),
        ("language: [unclosed\n", "invalid YAML", 2),
    ],
)
def test_errors_name_file_and_key(write: Callable[..., Path], content: str, complaint: str, line: int) -> None:
    path = write(".contentlint.yaml", content)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert complaint in info.value.message
    assert info.value.path == str(path)
    assert info.value.line == line


def test_nearest_config_wins(write: Callable[..., Path], tmp_path: Path) -> None:
    write(".contentlint.yaml", "language: en\n")
    write("blog/ja/.contentlint.yaml", "language: ja\n")
    post_ja = write("blog/ja/deep/post.md", "x")
    post_en = write("blog/en/post.md", "x")
    resolver = ConfigResolver()
    assert resolver.for_file(post_ja).language == "ja"
    assert resolver.for_file(post_en).language == "en"


def test_explicit_and_disabled_config(write: Callable[..., Path]) -> None:
    write(".contentlint.yaml", "language: en\n")
    other = write("other.yaml", "language: ja\n")
    post = write("post.md", "x")
    assert ConfigResolver(explicit=other).for_file(post).language == "ja"
    assert ConfigResolver(use_files=False).for_file(post).language is None


@pytest.mark.parametrize(
    "brief, complaint",
    [
        ("brief: [Ledgerly]\n", "brief: expected a mapping with `products:`"),
        ("brief:\n  products:\n    - aliases: [x]\n", "brief: products[1].name: expected the product's name"),
        (
            "brief:\n  products:\n    - name: Ledgerly\n      jobs: close\n      proof: {a: 1}\n",
            "brief: products[1].proof: expected a list of non-empty strings",
        ),
        ("brief:\n  products:\n    - name: Ledgerly\n      job: [x]\n", "brief: products[1]: unknown key `job`"),
        ("brief:\n  product: []\n", "brief: unknown key `product`"),
        ("brief:\n  products:\n    - {name: A, aliases: [Same]}\n    - {name: Same}\n", "`Same` names both A and Same"),
        (
            "brief:\n  products:\n    - name: Tallybook\n      proof: [she claimed back $1,900 she used to lose]\n",
            "brief: products[1].proof[1]: `she claimed back $1` and `900 she used to lose` look like one item cut "
            "at the comma of a number; put the item in quotes or write one item a line (- ...)",
        ),
    ],
)
def test_a_broken_brief_names_the_file_and_key(tmp_path: Path, brief: str, complaint: str) -> None:
    path = tmp_path / ".contentlint.yaml"
    path.write_text("fail_level: warning\n" + brief, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert complaint in str(info.value) and info.value.path == str(path) and info.value.line == 2


def test_a_number_with_a_comma_in_quotes_or_a_block_list_is_one_item(tmp_path: Path) -> None:
    path = tmp_path / ".contentlint.yaml"
    path.write_text(
        'brief:\n  products:\n    - name: Tallybook\n      proof: ["saved $14,000 a month"]\n'
        "      jobs:\n        - file 1,200 receipts a year\n        - version 2, 300 users\n",
        encoding="utf-8",
    )
    product = load_config(path).brief.products[0]
    assert product.proof == ("saved $14,000 a month",)
    assert product.jobs == ("file 1,200 receipts a year", "version 2, 300 users")


def test_the_brief_is_part_of_the_config_and_of_the_cache_key(tmp_path: Path) -> None:
    from contentlint.cache import environment_key

    path = tmp_path / ".contentlint.yaml"
    path.write_text(
        "brief:\n  products:\n    - name: Ledgerly\n      jobs: [close the month in two days]\n", encoding="utf-8"
    )
    config = load_config(path)
    assert config.to_dict()["brief"]["products"][0]["jobs"] == ["close the month in two days"]
    path.write_text(
        "brief:\n  products:\n    - name: Ledgerly\n      jobs: [stop chasing invoices]\n", encoding="utf-8"
    )
    assert environment_key(load_config(path), ()) != environment_key(config, ())


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("https://docs.example.com/contentlint/", "https://docs.example.com/contentlint"),
        ("  http://localhost:8000  ", "http://localhost:8000"),
        ("null", None),
    ],
)
def test_docs_url_is_the_docs_sites_address_without_a_trailing_slash(
    write: Callable[..., Path], written: str, kept: str | None
) -> None:
    config = load_config(write(".contentlint.yaml", f"docs_url: {written}\n"))
    assert config.docs_url == kept
    assert config.to_dict()["docs_url"] == kept


@pytest.mark.parametrize(
    "written", ["docs.example.com", "/srv/site", "ftp://docs.example.com", "https://", "https://x.org/?a=1", "[1]"]
)
def test_a_docs_url_that_is_no_web_address_is_an_error_in_each_interface_language(
    write: Callable[..., Path], written: str
) -> None:
    path = write(".contentlint.yaml", f"language: en\ndocs_url: {written}\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert (info.value.path, info.value.line) == (str(path), 2)
    assert info.value.message == (
        "docs_url: expected the web address of the docs site, such as https://docs.example.com/contentlint"
    )
    assert "ドキュメントサイト" in info.value.in_language("ja").message
    assert "文档网站" in info.value.in_language("zh").message
