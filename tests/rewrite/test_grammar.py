"""Jobs in the shape a headline needs, and forms arranged around a job that would read wrongly in them (each
case is a headline the reviewer pass of the rewrite set judged not grammatical or not natural)."""

from __future__ import annotations

from functools import partial

import pytest

from contentlint.languages import ja
from contentlint.rewrite import grammar
from contentlint.rewrite.forms import _fill


def headline(form: str, job: str, lang: str, product: str = "Petpal", audience: str = "dog owners") -> str | None:
    values = {"product": product, "audience": audience, "n": "3", **grammar.forms(job, lang)}
    return _fill(grammar.arrange(form, job, lang), values)


@pytest.mark.parametrize(
    ("form", "job", "expected"),
    [
        # the job said of the audience: not "How dog owners find a sitter you trust"
        (
            "How {audience} {job_they} with {product}",
            "find a sitter you trust",
            "How dog owners use Petpal to find a sitter they trust",
        ),
        (
            "How {audience} {job_they} with {product}",
            "repeat your best batch",
            "How dog owners repeat their best batch with Petpal",
        ),
        # a clause in the job: not "...before the bill arrives with Petpal"
        (
            "How to {job} with {product}",
            "find idle servers before the bill arrives",
            "How to use Petpal to find idle servers before the bill arrives",
        ),
        (
            "How to {job} with {product}",
            "see which pupils need help",
            "How to use Petpal to see which pupils need help",
        ),
        # a `with` or `without` of its own: not "...with planned maintenance with Petpal"
        (
            "{n} ways to {job} with {product}",
            "avoid breakdowns with planned maintenance",
            "3 ways to use Petpal to avoid breakdowns with planned maintenance",
        ),
        (
            "{Job} with {product}: a step-by-step guide",
            "get the kids to help without nagging",
            "Use Petpal to get the kids to help without nagging: a step-by-step guide",
        ),
        # a plain job keeps the form as written
        (
            "How {audience} {job_they} with {product}",
            "close the month in two days",
            "How dog owners close the month in two days with Petpal",
        ),
        (
            "{Job} with {product}: 3 lessons",
            "cut cloud costs by a third",
            "Cut cloud costs by a third with Petpal: 3 lessons",
        ),
    ],
)
def test_english_forms_follow_the_job(form: str, job: str, expected: str) -> None:
    assert headline(form, job, "en") == expected


def test_a_chinese_job_with_its_own_de_takes_a_colon() -> None:
    form = "用{product}{job}的3个方法"
    assert headline(form, "十分钟排好下周的班", "zh", "排班宝") == "用排班宝十分钟排好下周的班：3个方法"
    assert headline(form, "减少滞销库存", "zh", "库存管家") == "用库存管家减少滞销库存的3个方法"


def test_a_negative_japanese_job_has_no_past_for_a_case_study() -> None:
    assert "job_past" not in grammar.forms("ワクチンの時期を忘れない", "ja")  # not 「〜を忘れなかった事例」
    assert grammar.forms("売れ筋の欠品を防ぐ", "ja")["job_past"] == "売れ筋の欠品を防いだ"
    assert grammar.forms("電気代を少なくする", "ja")["job_past"] == "電気代を少なくした"
    assert not ja.negative("在庫が少ない", partial(grammar.morphemes, "ja"))  # an adjective, not a negative
