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
