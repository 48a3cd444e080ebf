from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.nlp import pipeline
from contentlint.nlp.phrases import SurfaceMatcher, _fold, _fold_by_line, _folded


def _places_phrase_by_phrase(phrases: list[str], text: str) -> list[tuple[str, int]]:
    """The straightforward form of `SurfaceMatcher.places`: a search of the text per phrase."""
    found = []
    for phrase in phrases:
        start = text.find(phrase)
        while start != -1:
            found.append((phrase, start))
            start = text.find(phrase, start + 1)
    return found


# Phrases that overlap themselves and each other, start one another, and hold the pattern syntax's characters.
_PHRASES = [
    "今だけ",
    "今",
    "だけ",
    "ーー",
    "ーーー",
    "セール",
    "セ",
    "限定セール",
    "a.b",
    "(x)",
    "*",
    "+?",
    "\\\\d",
    "|",
]
_PIECES = st.sampled_from([*_PHRASES, "ー", "a", "b", ".", "x", " ", "！", "ab"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PHRASES), min_size=1, unique=True), st.lists(_PIECES, max_size=30).map("".join))
def test_one_pattern_finds_what_a_search_per_phrase_finds(phrases: list[str], text: str) -> None:
    matcher = SurfaceMatcher(phrases)
    assert matcher.places(text) == _places_phrase_by_phrase(matcher.phrases, text)


def test_no_phrases_find_nothing() -> None:
    # an empty pattern would match everywhere
    assert SurfaceMatcher([]).places("anything") == SurfaceMatcher([""]).places("anything") == []


def test_hits_on_token_boundaries_only_in_a_japanese_post() -> None:
    phrases = ["今だけ", "セール", "限定", "オフ", "お得"]
    doc = next(iter(pipeline.make_docs("ja", ["今だけ限定セール！オフィスで使えるお得なセット、今だけ。"])))
    text = _folded(doc)
    assert text is not None
    expected = [
        doc.char_span(s, s + len(p)) for p, s in _places_phrase_by_phrase(SurfaceMatcher(phrases).phrases, text)
    ]
    found = SurfaceMatcher(phrases)(doc)
    assert [(s.start, s.end) for s in found] == [(s.start, s.end) for s in expected if s is not None]
    assert "オフ" not in {s.text for s in found}  # inside オフィス
    assert [s.text for s in found].count("今だけ") == 2
    assert _fold("ＳＡＬＥ") == "sale"


# Characters NFKC composes, decomposes, reorders or widens, and ones lower() treats by context (final sigma, İ).
_NFKC_CHARS = st.sampled_from(
    [
        *"aeAE ｶﾊﾟﾞ\u3099\u309aかはカハ\u0301\u0308\u0323\u1100\u1161\u11a8！（）：Ａａ１ﬁ㍿½①ΣσİK\u212a",
        "\n",
        "\n\n",
        "\r",
        " \n",
    ]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_NFKC_CHARS, max_size=30).map("".join))
def test_folding_line_by_line_is_folding_the_whole_text(text: str) -> None:
    assert _fold_by_line(text) == _fold(text)
