from __future__ import annotations

from dataclasses import replace

from contentlint.nlp.features import STRUCTURE, place_words, post_features, structure
from tests.helpers import post_from

DOC_PAGE = """# Install the CLI

1. Download version 2.4.1 from the releases page.
2. Run `tool init` in your project.

```sh
tool init --force
```

You can now open the dashboard.
"""
SALE = "Spring sale! 30% off every plan, from $9/month until 2024-05-01. Buy now!"


def test_structure_counts_markup_prices_dates_versions_and_sentences() -> None:
    page = structure("Install the CLI", DOC_PAGE, "en")
    sale = structure("Spring sale", SALE, "en")
    assert list(page) == list(STRUCTURE)
    assert page["headings"] > 0 and page["list_items"] > 0 and page["code_blocks"] > 0 and page["versions"] > 0
    assert page["imperative"] > 0 and page["second_person"] > 0
    assert sale["prices"] > 0 and sale["percentages"] > 0 and sale["dates"] > 0 and sale["exclamations"] > 0
    assert sale["headings"] == sale["code_blocks"] == 0


def test_structure_reads_japanese_and_chinese_cues() -> None:
    assert structure("t", "全品30%オフ。1,000円から。ぜひお試しください。", "ja")["imperative"] > 0
    assert structure("t", "全场七折，仅需99元！请立即下单。", "zh")["prices"] > 0


def test_place_words_come_from_the_path_and_place_fields() -> None:
    words = place_words(
        "website/blog/2017-04-13-release-1.0.md", {"tags": ["Release", "CLI"], "type": "post", "title": "ignored"}
    )
    assert {"path:website", "path:blog", "path:release", "field:release", "field:cli", "field:post"} <= set(words)
    assert not any("ignored" in w for w in words)
    assert place_words("docs/guide.md", {"categories": ["使い方"]}) == ["field:使い方", "path:docs", "path:guide"]


def test_post_features_count_the_markup_the_prose_projection_drops() -> None:
    post = post_from("---\ntitle: Install\ntags: [docs]\n---\n" + DOC_PAGE, path="docs/install.md")
    features = post_features(post)
    assert features.structure["code_blocks"] > 0  # code is not prose, but it is structure
    assert "path:docs" in features.place and "field:docs" in features.place


def test_a_record_without_a_path_teaches_no_place_words() -> None:
    from contentlint.nlp.corpus import Record, record_post

    record = Record("train-en-release-000", "en", "release", "at", "Version 2", "We shipped it.", "", "x.jsonl", "")
    assert post_features(record_post(record)).place == []  # its id names the label: it must not become a feature
    placed = replace(record, meta={"path": "blog/2024/v2.md", "tags": ["news"]})
    assert post_features(record_post(placed)).place == ["field:news", "path:blog"]


def test_a_calendar_entry_takes_no_place_words_from_the_calendar_file() -> None:
    post = post_from("---\ntitle: Spring sale\ntags: [sale]\n---\n30% off.", path="plans/docs/calendar.yaml")
    assert "path:docs" in post_features(post).place
    post.calendar = "plans/docs/calendar.yaml"
    assert post_features(post).place == ["field:sale"]


def test_only_the_last_folders_of_a_path_count() -> None:
    words = place_words("/home/alice/sites/acme/content/blog/hello.md", {})
    assert words == ["path:acme", "path:blog", "path:content", "path:hello"]
