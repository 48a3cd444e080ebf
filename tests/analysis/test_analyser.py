"""The analysis step on its own: cue matches, classification and rewrites, with no rule loaded."""

from __future__ import annotations

import subprocess
import sys

from contentlint.analysis.analyser import Analyser
from contentlint.analysis.docs import with_docs
from contentlint.checks.pack import load_packs
from contentlint.nlp.lexicon import default_cues
from contentlint.packfiles import default_pack_files
from tests.helpers import REPO, post_from

SALE = (REPO / "samples" / "en" / "office-sale.md").read_text(encoding="utf-8")


def test_analysis_and_cue_matching_load_no_rule_module() -> None:
    probe = (
        "import sys; import contentlint.analysis.analyser, contentlint.nlp.cues, contentlint.nlp.predict; "
        "print(sorted(m for m in sys.modules if m.startswith('contentlint.checks')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO).stdout
    assert out.strip() == "[]"


def test_a_sale_gets_cue_matches_a_classification_and_rewrites() -> None:
    book = load_packs(default_pack_files())
    ((post, doc),) = with_docs([post_from(SALE)])
    analysis = Analyser(book.cues, book.rewrites)(post, doc)
    assert analysis.post is post and analysis.doc is doc
    sale = [match.text.lower() for match in analysis.cues["sale"]]
    assert any("off" in text for text in sale), sale
    assert all(post.text[m.start : m.end] == m.text for matches in analysis.cues.values() for m in matches)
    assert analysis.classification is not None and analysis.classification.group == "promotional"
    assert analysis.rewrites is not None


def test_a_post_without_a_doc_is_neither_classified_nor_rewritten() -> None:
    post = post_from("---\nlang: ko\ntitle: 안녕하세요\n---\n새로운 제품을 소개합니다.\n")
    analysis = Analyser(default_cues())(post, None)
    assert (analysis.doc, analysis.classification, dict(analysis.cues), analysis.rewrites) == (None, None, {}, None)
