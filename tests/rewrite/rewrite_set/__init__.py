"""The rewrite set: promotional posts of our own, with and without a brand brief, and how their rewrites score.

Each ``<lang>.yaml`` holds one brand brief (`audiences`, `products`), posts that name one of its products
(`posts`), and posts rewritten with no brief at all (`without_brief`, each with the product it names or null,
and the outcomes it states). Every post is analysed alone with the default rule pack. For each headline:
- **no blank**: no `[...?]`, `{slot}` or empty slot in it or its outline;
- **right product**: it names the expected product (the brief's name; without a brief, the one the post names);
- **job/outcome**: it contains one of the brief product's jobs (in any of its grammatical forms) or, without a
  brief, one of the outcomes the post states;
- **grammatical**: a reviewer (a careful native-level editor) judged the exact headline grammatical and natural.
  The judgements live in ``tests/rewrite/review.jsonl``, one ``{lang, headline, grammatical, reason}`` a line,
  keyed by the headline's exact text; a headline nobody has judged yet is counted as **stale**, not as either.
  ``--dump-review FILE`` writes every distinct headline that has no judgement yet, to be judged and added.
Posts the classifier does not call promotional get no rewrites and are counted apart. A post whose expected
product is null must get questions and no headline; a headline there counts as a wrong product.

Run ``python -m tests.rewrite.rewrite_set`` to print the table (add ``-v`` to list every headline).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from contentlint.analysis.docs import with_docs
from contentlint.brief import Brief, parse_brief
from contentlint.checks.engine import RuleSet
from contentlint.checks.pack import load_packs
from contentlint.packfiles import default_pack_files
from contentlint.rewrite import grammar
from contentlint.rewrite.rewrites import Rewrites
from tests.helpers import post_from

HERE = Path(__file__).resolve().parent
REVIEW = HERE.parent / "review.jsonl"
LANGS = ("en", "ja", "zh")
BLANK = re.compile(r"\[[^\]]*\?\]|\{[A-Za-z_]+\}|\?\]|：$|: $|（）|\(\)")


@dataclass(frozen=True, slots=True)
class Case:
    title: str
    body: str
    product: str | None
    outcomes: tuple[str, ...]  # the jobs of the brief product, or the outcomes the post states
    with_brief: bool


@dataclass(slots=True)
class Score:
    lang: str
    with_brief: bool
    posts: int = 0
    promotional: int = 0
    with_three: int = 0
    headlines: int = 0
    no_blank: int = 0
    right_product: int = 0
    with_job: int = 0
    only_questions: int = 0
    wrong_product_slot: int = 0
    judged: int = 0
    grammatical: int = 0
    examples: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    stale: set[str] = field(default_factory=set)  # distinct headlines with no judgement yet

    def share(self, count: int) -> float:
        return count / self.headlines if self.headlines else 1.0

    def grammatical_share(self) -> float:
        return self.grammatical / self.judged if self.judged else 1.0


def load_review(path: Path = REVIEW) -> dict[tuple[str, str], dict[str, Any]]:
    """The reviewer's judgements by (language, exact headline)."""
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {(row["lang"], row["headline"]): row for row in rows}


def load(lang: str) -> tuple[Brief, list[Case]]:
    data = yaml.safe_load((HERE / f"{lang}.yaml").read_text(encoding="utf-8"))
    brief = parse_brief({"audiences": data.get("audiences"), "products": data["products"]})
    jobs = {p.name: p.jobs for p in brief.products}
    cases = [Case(p["title"], p["body"], p["product"], jobs[p["product"]], True) for p in data["posts"]]
    cases += [
        Case(p["title"], p["body"], p["product"], tuple(p.get("outcomes") or ()), False) for p in data["without_brief"]
    ]
    return brief, cases


def _markdown(case: Case) -> str:
    return "---\n" + yaml.safe_dump({"title": case.title}, allow_unicode=True) + "---\n" + case.body + "\n"


def _job_forms(outcomes: tuple[str, ...], lang: str) -> list[str]:
    forms: list[str] = []
    for outcome in outcomes:
        forms += [outcome, *grammar.forms(outcome, lang).values()]
    return [f.casefold() for f in forms]


def rewrites_for(cases: list[Case], ruleset: RuleSet) -> list[Rewrites | None]:
    analysed = with_docs([post_from(_markdown(case), f"post-{i}.md") for i, case in enumerate(cases)])
    return [ruleset.analyser(post, doc).rewrites for post, doc in analysed]


def score(lang: str, review: dict[tuple[str, str], dict[str, Any]] | None = None) -> tuple[Score, Score]:
    review = load_review() if review is None else review
    brief, cases = load(lang)
    book = load_packs(default_pack_files())
    scores = {True: Score(lang, True), False: Score(lang, False)}
    for with_brief in (True, False):
        group = [c for c in cases if c.with_brief == with_brief]
        ruleset = RuleSet.from_book(book, brief if with_brief else None)
        for case, rewrites in zip(group, rewrites_for(group, ruleset), strict=True):
            _add(scores[with_brief], case, rewrites, lang, review)
    return scores[True], scores[False]


def _add(
    s: Score, case: Case, rewrites: Rewrites | None, lang: str, review: dict[tuple[str, str], dict[str, Any]]
) -> None:
    s.posts += 1
    if rewrites is None:
        return
    s.promotional += 1
    headlines = rewrites.headlines
    s.with_three += len(headlines) == 3
    s.only_questions += not headlines and bool(rewrites.questions)
    product = rewrites.slots.get("product")
    if (
        product is not None
        and case.product is not None
        and case.product not in product["value"]
        and product["value"] not in case.product
    ):  # Greenrow Plus names Greenrow
        s.wrong_product_slot += 1
    if product is not None and case.product is None:
        s.wrong_product_slot += 1
    jobs = _job_forms(case.outcomes, lang)
    for outline in rewrites.outlines:
        s.headlines += 1
        text = " ".join([outline.headline, *(sec.text for sec in outline.sections)])
        s.no_blank += bool(outline.headline.strip()) and not BLANK.search(text)
        s.right_product += case.product is not None and case.product in outline.headline
        s.with_job += any(job in outline.headline.casefold() for job in jobs)
        judgement = review.get((lang, outline.headline))
        if judgement is None or judgement.get("grammatical") is None:
            s.stale.add(outline.headline)
        else:
            s.judged += 1
            s.grammatical += judgement["grammatical"] is True
    s.examples.append((case.title, headlines, tuple(q.question for q in rewrites.questions)))


def table(scores: list[Score]) -> str:
    head = (
        f"{'lang':<5}{'brief':<7}{'posts':>6}{'promo':>6}{'3 hl':>6}{'hl':>5}{'no blank':>10}"
        f"{'product':>9}{'job':>7}{'gram':>7}{'stale':>6}{'asks':>6}{'wrong slot':>11}"
    )
    rows = [head]
    for s in scores:
        rows.append(
            f"{s.lang:<5}{'yes' if s.with_brief else 'no':<7}{s.posts:>6}{s.promotional:>6}{s.with_three:>6}"
            f"{s.headlines:>5}{s.share(s.no_blank):>10.0%}{s.share(s.right_product):>9.0%}"
            f"{s.share(s.with_job):>7.0%}{s.grammatical_share():>7.0%}{len(s.stale):>6}"
            f"{s.only_questions:>6}{s.wrong_product_slot:>11}"
        )
    return "\n".join(rows)


def all_scores() -> list[Score]:
    return [s for lang in LANGS for s in score(lang)]


def dump_review(scores: list[Score], path: Path) -> int:
    """Every distinct headline with no judgement yet, as review lines to fill in; how many."""
    rows = sorted({(s.lang, h) for s in scores for h in s.stale})
    path.write_text(
        "".join(
            json.dumps({"lang": lang, "headline": headline, "grammatical": None, "reason": ""}, ensure_ascii=False)
            + "\n"
            for lang, headline in rows
        ),
        encoding="utf-8",
    )
    return len(rows)
