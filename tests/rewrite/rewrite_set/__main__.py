"""Print the rewrite set's table: ``python -m tests.rewrite.rewrite_set [-v] [--dump-review FILE]``."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.rewrite.rewrite_set import all_scores, dump_review, table


def main(argv: list[str]) -> int:
    scores = all_scores()
    print(table(scores))
    print(
        "promo: posts classified promotional (only they get rewrites); 3 hl: posts with three headlines; hl: "
        "headlines; asks: posts with questions and no headline; wrong slot: posts whose product slot is not the "
        "product the post is about; gram: share of judged headlines the reviewer found grammatical and natural "
        "(tests/rewrite/review.jsonl); stale: distinct headlines not judged yet"
    )
    if "--dump-review" in argv:
        target = Path(argv[argv.index("--dump-review") + 1])
        print(f"{dump_review(scores, target)} headlines to judge written to {target}")
    if "-v" in argv:
        for s in scores:
            for title, headlines, questions in s.examples:
                print(f"\n[{s.lang} {'brief' if s.with_brief else 'no brief'}] {title}")
                for headline in headlines:
                    print(f"  -> {headline}")
                if not headlines:
                    for question in questions:
                        print(f"  ?  {question}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
