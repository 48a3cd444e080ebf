from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from contentlint.analysis.docs import with_docs
from contentlint.brief import parse_brief
from contentlint.checks.engine import RuleSet
from contentlint.checks.pack import load_packs
from contentlint.packfiles import default_pack_files
from contentlint.rewrite.rewrites import Rewrites
from tests.helpers import REPO, post_from, run

BOOK = load_packs(default_pack_files())
BLANK = re.compile(r"\[[^\]]*\?\]|\{[a-zA-Z_]+\}|\?\]")
LEDGERLY = """
audiences: [small-business owners]
products:
  - name: Ledgerly
    aliases: [ledgerly app]
    audiences: [bookkeepers, small-business owners]
    jobs: [close the month in two days, stop chasing late invoices]
    proof: [Riverside Bakery cut its month-end close from six days to two]
"""
EXCEL_JA = """
products:
  - name: Excel
    audiences: [マーケティング担当者]
    jobs: [統計分析でユーザー行動を理解する, 月次レポートを半日で作る]
"""
LEDGER_ZH = """
products:
  - name: 智能记账本
    audiences: [小店老板]
    jobs: [每天少花一小时对账, 月底不再手忙脚乱]
    proof: [一家社区面包店把月底对账从三天缩短到半天]
"""


def rewrites_of(text: str, brief: str | None = None) -> Rewrites | None:
    ruleset = RuleSet.from_book(BOOK, parse_brief(yaml.safe_load(brief)) if brief else None)
    ((post, doc),) = with_docs([post_from(text)])
    return ruleset.analyser(post, doc).rewrites


def test_a_sale_becomes_the_customers_job_with_the_product_as_the_means() -> None:
    rewrites = rewrites_of(
        '---\ntitle: "Ledgerly 5.0 is here: 30% off this week only"\n---\n'
        "Upgrade today and get 30% off any plan. Offer ends Sunday.\n",
        LEDGERLY,
    )
    assert rewrites is not None
    assert rewrites.headlines[0] == "How small-business owners close the month in two days with Ledgerly"
    assert len(rewrites.headlines) == 3 and all("Ledgerly" in h for h in rewrites.headlines)
    assert any("stop chasing late invoices" in h for h in rewrites.headlines)  # the brief's jobs in turn
    assert rewrites.slots["product"] == {"value": "Ledgerly", "source": "brief"}
    outline = rewrites.outlines[0]
    assert (outline.stage_from, outline.stage_to) == ("at", "pre")
    assert [s.part for s in outline.sections] == ["problem", "steps", "proof", "offer"]
    assert outline.sections[-1].text == "The offer, last: Upgrade today and get 30% off any plan."
    assert "Riverside Bakery" in outline.sections[2].text
    assert rewrites.questions == ()


def test_an_alias_in_the_post_selects_the_brief_product() -> None:
    rewrites = rewrites_of("---\ntitle: Spring deal on the ledgerly app\n---\nHalf price for new accounts.\n", LEDGERLY)
    assert rewrites is not None and rewrites.slots["product"]["value"] == "Ledgerly"


def test_the_excel_example_leads_with_the_japanese_job() -> None:
    rewrites = rewrites_of((REPO / "samples/ja/new-version-release.md").read_text(encoding="utf-8"), EXCEL_JA)
    assert rewrites is not None
    assert "統計分析でユーザー行動を理解するためのExcel活用術" in rewrites.headlines
    assert "Excelを使って月次レポートを半日で作る3つの方法" in rewrites.headlines
    assert "マーケティング担当者がExcelを使って統計分析でユーザー行動を理解した事例" in rewrites.headlines
    assert rewrites.outlines[0].sections[0].text.startswith("課題：")
    assert rewrites.outlines[0].sections[-1].text.startswith("最後にオファー：")


def test_a_chinese_flash_sale_names_the_product_and_the_briefs_job() -> None:
    rewrites = rewrites_of("智能记账本双十一限时秒杀！\n\n秒杀价只要99元，仅限今天，手慢无。\n", LEDGER_ZH)
    assert rewrites is not None and len(rewrites.headlines) == 3
    assert all("智能记账本" in h for h in rewrites.headlines)
    assert all("每天少花一小时对账" in h or "月底不再手忙脚乱" in h for h in rewrites.headlines)
    assert rewrites.outlines[0].sections[-1].text == "最后再放优惠：秒杀价只要99元，仅限今天，手慢无。"


@pytest.mark.parametrize(
    "text, product",
    [
        (
            "---\ntitle: April Fools deal\n---\nNo joke: Tallybook is half price today. Tallybook keeps your receipts "
            "in one place so you can file expenses in minutes.\n",
            "Tallybook",
        ),
        (
            "---\ntitle: Big news\n---\nWe rebuilt the editor. Then we made Quillpad faster. Quillpad now helps you "
            "reduce review time by half.\n",
            "Quillpad",
        ),
        (
            "---\ntitle: HALF OFF Everything\n---\nGet Stackwise for half the price. Stackwise helps you cut cloud "
            "costs by a third.\n",
            "Stackwise",
        ),
        ("---\ntitle: 全プラン50%オフ！春の大感謝セール\n---\nカケイボProの全プランが今だけ50%オフ。\n", "カケイボPro"),
        ("智能记账本双十一限时秒杀！\n\n全场五折，仅限今天。\n", "智能记账本"),
    ],
)
def test_without_a_brief_the_product_is_the_one_the_post_names(text: str, product: str) -> None:
    rewrites = rewrites_of(text)
    assert rewrites is not None and rewrites.slots["product"]["value"] == product
    assert all(product in h for h in rewrites.headlines)


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: HALF OFF Everything this April Fools\n---\nThen grab it now. Sale ends Sunday.\n",
        "---\ntitle: Tonight only\n---\nHere is the deal: 40% off. There is no catch.\n",
    ],
)
def test_a_sentence_initial_common_word_is_never_the_product(text: str) -> None:
    rewrites = rewrites_of(text)
    assert rewrites is not None and rewrites.slots["product"] is None and rewrites.headlines == ()
    assert "product" in {q.slot for q in rewrites.questions}


def test_an_unknown_slot_is_a_question_never_a_blank() -> None:
    rewrites = rewrites_of(
        "---\ntitle: Spring sale — 40% off everything\n---\nUse code SPRING40 at checkout. Ends Sunday.\n"
    )
    assert rewrites is not None and rewrites.headlines == ()
    asked = {q.slot: q for q in rewrites.questions}
    assert {"product", "job"} <= set(asked)
    assert asked["product"].brief_field.startswith("brief.products[].name")
    assert asked["job"].brief_field == "brief.products[].jobs"


def test_each_slot_records_where_it_came_from() -> None:
    rewrites = rewrites_of(
        "---\ntitle: Tallybook 3 is out\naudience: freelancers\n---\nTallybook 3 is out now "
        "and helps you file expenses in minutes. Upgrade for $5.\n"
    )
    assert rewrites is not None
    assert rewrites.slots["product"] == {"value": "Tallybook", "source": "post:title"}
    assert rewrites.slots["audience"] == {"value": "freelancers", "source": "post:front-matter"}
    assert rewrites.slots["jobs"][0] == {"value": "file expenses in minutes", "source": "post:body"}
    assert "How freelancers file expenses in minutes with Tallybook" in rewrites.headlines


def test_a_brief_product_the_post_does_not_name_is_not_used() -> None:
    rewrites = rewrites_of("---\ntitle: Stackwise is 20% off\n---\nStackwise plans are 20% off.\n", LEDGERLY)
    assert rewrites is not None and not any("Ledgerly" in h for h in rewrites.headlines)
    assert rewrites.slots["product"]["value"] == "Stackwise"


def test_insight_posts_get_no_rewrites() -> None:
    assert rewrites_of((REPO / "samples/en/pivot-tables-monthly-report.md").read_text(encoding="utf-8")) is None


def test_forms_are_data_a_user_pack_can_extend(write: Callable[..., Path]) -> None:
    write("packs/more.yaml", "rewrites:\n  en:\n    headlines: ['A day in the life: {job} with {product}']\n")
    write(
        ".contentlint.yaml",
        "packs: [packs/more.yaml]\nbrief:\n  products:\n    - name: Ledgerly\n"
        "      jobs: [close the month in two days]\n",
    )
    post = write("sale.md", "---\ntitle: 30% off Ledgerly\n---\nUse code SPRING30. Sale ends Sunday.\n")
    data = json.loads(run(["check", "--format", "json", str(post)])[1])
    (summary,) = data["posts"]
    assert "A day in the life: close the month in two days with Ledgerly" in summary["rewrites"]["headlines"]


@pytest.mark.parametrize(
    "pack, complaint",
    [
        ("rewrites:\n  en:\n    headlines: ['Buy {product} now']\n", "rewrites.en.headlines[1]: a headline form names"),
        ("rewrites:\n  en:\n    placeholders: {product: '[product?]'}\n", "rewrites.en.placeholders: no longer used"),
        (
            "rewrites:\n  en:\n    headlines: [{form: 'How to {job} with {product}', stage: at}]\n",
            "stage: expected pre",
        ),
    ],
)
def test_a_broken_rewrites_pack_is_an_error_naming_the_file_and_key(
    write: Callable[..., Path], pack: str, complaint: str
) -> None:
    write("packs/bad.yaml", pack)
    write(".contentlint.yaml", "packs: [packs/bad.yaml]\n")
    code, out, _err = run(["check", str(write("a.md", "---\ntitle: 30% off Ledgerly\n---\nSale.\n"))])
    assert code == 2 and "bad.yaml:1:1: error [rule-error] " in out and complaint in out, out


def test_every_promotional_sample_has_rewrites_in_its_own_language_and_no_blank() -> None:
    data = json.loads(run(["check", "--format", "json", str(REPO / "samples")])[1])
    promotional = [p for p in data["posts"] if p["group"] == "promotional"]
    assert len(promotional) >= 6
    for post in promotional:
        rewrites = post["rewrites"]
        assert rewrites["headlines"] or rewrites["questions"], post["path"]
        text = json.dumps(rewrites["outlines"], ensure_ascii=False)
        assert not BLANK.search(text), (post["path"], text)
        for headline in rewrites["headlines"]:
            assert rewrites["slots"]["product"]["value"] in headline
            japanese = any("\u3040" <= ch <= "\u30ff" for ch in headline)
            assert japanese == (post["lang"] == "ja"), (post["path"], headline)
    assert all(p["rewrites"] is None for p in data["posts"] if p["group"] == "insight")


def test_text_and_markdown_show_the_outline_and_the_questions(write: Callable[..., Path]) -> None:
    write(".contentlint.yaml", "brief:" + LEDGERLY.replace("\n", "\n  ") + "\n")
    sale = write("sale.md", '---\ntitle: "Ledgerly 5.0 is here: 30% off this week only"\n---\nUpgrade today.\n')
    other = write("other.md", "---\ntitle: Spring sale — 40% off everything\n---\nUse code SPRING40.\n")
    _code, text, _ = run(["check", str(sale), str(other)])
    assert (
        "→ How small-business owners close the month in two days with Ledgerly  (at purchase → before purchase)" in text
    )
    assert "        The offer, last: Ledgerly 5.0 is here: 30% off this week only" in text
    assert "    ? Which product is this post about?" in text and "(brief.products[].jobs)" in text
    _code, markdown, _ = run(["report", "--format", "markdown", str(sale), str(other)])
    assert (
        "- **How small-business owners close the month in two days with Ledgerly** (at purchase → before purchase)"
        in markdown
    )
    assert "  - Proof: Riverside Bakery cut its month-end close from six days to two" in markdown
    assert "`brief.products[].jobs`" in markdown


@pytest.mark.parametrize(
    ("body", "audience"),
    [
        ("云账本帮你节省一半的对账时间，现在升级享八折。", None),  # 你 is the reader, not an audience (was "你节")
        ("云账本帮公益机构减少纸质表格，现在升级享八折。", "公益机构"),  # the verb ends it (was "公益机构减")
        ("云账本专为小店老板打造，现在升级享八折。", "小店老板"),
    ],
)
def test_a_chinese_audience_is_the_words_before_the_verb(body: str, audience: str | None) -> None:
    rewrites = rewrites_of(f"---\ntitle: 云账本 5.0 正式发布\n---\n{body}\n")
    assert rewrites is not None
    slot = rewrites.slots["audience"]
    assert (slot["value"] if slot else None) == audience
    assert not any("节节" in h or "减减" in h for h in rewrites.headlines)
