from __future__ import annotations

from contentlint.checks.nearby import SourceNearby, paragraph_starts
from contentlint.nlp import pipeline
from contentlint.nlp.phrases import PhraseFinder


def _unsupported(text: str, claim: str) -> bool:
    nlp = pipeline.load("en")
    doc = nlp(text)
    start = text.index(claim)
    span = doc.char_span(start, start + len(claim))
    nearby = SourceNearby(PhraseFinder(nlp, "en", ["according to", "source"]))
    return bool(nearby.unsupported(doc, [span]))


def test_paragraphs_are_split_at_blank_lines() -> None:
    assert paragraph_starts("a\nb\n\nc\n \nd") == [0, 5, 9]


def test_a_source_in_the_same_or_the_next_paragraph_supports_the_claim() -> None:
    assert not _unsupported("The leading platform, according to Acme.", "leading platform")
    assert not _unsupported("The leading platform.\n\nSource: Acme 2024.", "leading platform")
    assert _unsupported("The leading platform.\n\nOther.\n\nSource: Acme 2024.", "leading platform")
    assert _unsupported("The leading platform.", "leading platform")


def test_a_footnote_mark_after_the_claim_lets_the_source_stand_anywhere() -> None:
    text = "The leading platform for teams[1].\n\nOther.\n\n[1] According to Acme."
    assert not _unsupported(text, "leading platform")
    assert not _unsupported(text.replace("[1].", " ※."), "leading platform")
    # the mark belongs to the claim's own sentence
    assert _unsupported(text.replace("teams[1].", "teams. Others[1]."), "leading platform")
