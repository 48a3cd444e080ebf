from __future__ import annotations

import pytest

from tests.rewrite.rewrite_set import LANGS, score


@pytest.mark.parametrize("lang", LANGS)
def test_the_rewrite_set_has_no_blank_and_names_the_right_product(lang: str) -> None:
    with_brief, without_brief = score(lang)
    assert with_brief.posts >= 60 and without_brief.posts >= 20
    for s in (with_brief, without_brief):
        assert s.headlines > 0
        assert s.no_blank == s.headlines, s.examples
        assert s.right_product / s.headlines >= 0.95, s.examples
    assert without_brief.wrong_product_slot == 0


def test_the_reviewer_pass_counts_judged_and_stale_headlines() -> None:
    with_brief, _ = score("en", review={})
    assert with_brief.judged == 0 and len(with_brief.stale) > 0  # nothing judged: all stale, none counted
    some = sorted(with_brief.stale)[:2]
    review = {("en", some[0]): {"grammatical": True}, ("en", some[1]): {"grammatical": False}}
    judged, _ = score("en", review=review)
    assert some[0] not in judged.stale and some[1] not in judged.stale
    assert len(judged.stale) == len(with_brief.stale) - 2
    assert 0 < judged.grammatical < judged.judged and judged.grammatical_share() < 1
