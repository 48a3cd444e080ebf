"""Our own labelled corpus: enough posts per language, every class covered, valid, no near-duplicates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from contentlint.errors import InputError
from contentlint.nlp.corpus import Record, entry_view, near_duplicates, read_corpora, read_corpus
from contentlint.taxonomy import CLASSES
from tests.helpers import REPO

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


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "invalid JSON"),
        ('{"lang": "en", "label": "sale", "stage": "pre", "title": "t", "body": "b"}', "invalid label/stage"),
        ('{"lang": "en", "label": "sale", "stage": "at", "title": "t"}', "missing or non-text field `body`"),
    ],
)
def test_bad_records_name_file_and_line(write: Callable[..., Path], line: str, message: str) -> None:
    path = write("c.jsonl", '{"label": "sale", "stage": "at", "title": "t", "body": "b"}\n' + line + "\n")
    with pytest.raises(InputError) as info:
        list(read_corpus(path))
    assert message in info.value.message and info.value.line == 2


def _real(record_id: str, body: str, title: str = "How to size a sourdough starter") -> Record:
    return Record(
        id=record_id,
        lang="en",
        label="howto",
        stage="pre",
        title=title,
        body=body,
        channel="blog",
        source="acme/site@0123456789abcdef:content/posts/starter.md",
        license="CC-BY-4.0",
        meta={"path": "content/posts/starter.md", "tags": ["baking"]},
    )


def test_entry_view_is_the_title_and_at_most_a_first_sentence_in_the_posts_source() -> None:
    body = "## Why it matters\n\nA starter that *doubles* in six hours is ready. Feed it twice a day.\n\n- flour\n"
    views = [entry_view(_real(f"acme-{n}", body)) for n in range(30)]
    assert all(v is not None for v in views)
    leads = {v.body for v in views if v is not None}
    assert "" in leads and len(leads) == 2  # some entries are a title alone, the others carry one sentence
    lead = max(leads, key=len)
    assert lead.startswith("Why it matters") or lead.startswith("A starter")
    assert "Feed it" not in lead and len(lead) <= 240
    view = views[0]
    assert view is not None
    assert view.is_entry_view and view.is_real and view.group == "acme/site" and view.cls == "howto/pre"
    assert view.meta == {}  # a calendar entry has no path or front matter of its own


def test_no_entry_view_for_our_own_records_untitled_posts_or_views() -> None:
    own = Record(
        id="own-1",
        lang="en",
        label="sale",
        stage="at",
        title="Spring sale",
        body="30% off.",
        channel="x",
        source="corpus/en/sale.jsonl",
        license="",
    )
    assert entry_view(own) is None
    assert entry_view(_real("acme-untitled", "Some body.", title="  ")) is None
    view = entry_view(_real("acme-1", "Body."))
    assert view is not None and entry_view(view) is None
