"""Our own labelled corpus: enough posts per language, every class covered, valid, no near-duplicates."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Callable

import pytest

from contentlint.corpus import near_duplicates, read_corpora, read_corpus
from contentlint.errors import InputError
from contentlint.taxonomy import CLASSES
from tests.conftest import REPO

RECORDS = read_corpora([REPO / "corpus"])


def test_enough_posts_per_language_over_every_class() -> None:
    per_lang = Counter(r.lang for r in RECORDS)
    assert per_lang["en"] >= 400 and per_lang["ja"] >= 400 and per_lang["zh"] >= 300
    per_class = Counter((r.lang, r.cls) for r in RECORDS)
    for lang in ("en", "ja", "zh"):
        for cls in CLASSES:
            assert per_class[(lang, cls)] >= 30, (lang, cls)


def test_ids_unique_and_languages_match_the_text() -> None:
    ids = Counter(r.id for r in RECORDS)
    assert [i for i, n in ids.items() if n > 1] == []
    from contentlint.lang import detect
    mismatched = [r.id for r in RECORDS if detect(r.title + "\n" + r.body) != r.lang]
    assert len(mismatched) <= len(RECORDS) * 0.01, mismatched


def test_many_channels_and_lengths() -> None:
    assert len({r.channel for r in RECORDS}) >= 12
    words = sorted(len(r.body.split()) for r in RECORDS if r.lang == "en")
    assert words[len(words) // 10] < 40 and words[-len(words) // 10] > 300


def test_no_near_duplicates() -> None:
    assert near_duplicates(RECORDS, threshold=0.5) == []


def test_near_duplicate_detection_finds_a_lightly_edited_copy() -> None:
    original = next(r for r in RECORDS if r.lang == "en" and len(r.body.split()) > 80)
    from dataclasses import replace
    edited = replace(original, id="copy", body=original.body.replace(" the ", " a ", 2))
    assert [(a, b) for a, b, _score in near_duplicates([original, edited])] == [(original.id, "copy")]


@pytest.mark.parametrize(("line", "message"), [
    ("not json", "invalid JSON"),
    ('{"lang": "en", "label": "sale", "stage": "pre", "title": "t", "body": "b"}', "invalid label/stage"),
    ('{"lang": "en", "label": "sale", "stage": "at", "title": "t"}', "missing or non-text field `body`"),
])
def test_bad_records_name_file_and_line(write: Callable[..., Path], line: str, message: str) -> None:
    path = write("c.jsonl", '{"label": "sale", "stage": "at", "title": "t", "body": "b"}\n' + line + "\n")
    with pytest.raises(InputError) as info:
        list(read_corpus(path))
    assert message in info.value.message and info.value.line == 2
