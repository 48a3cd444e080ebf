"""Print the rewrite set's table: ``python -m tests.rewrite.rewrite_set [-v]``."""
from __future__ import annotations

import sys

from tests.rewrite.rewrite_set import all_scores, table


def main(argv: list[str]) -> int:
    scores = all_scores()
    print(table(scores))
    print("promo: posts classified promotional (only they get rewrites); 3 hl: posts with three headlines; hl: "
          "headlines; asks: posts with questions and no headline; wrong slot: posts whose product slot is not the "
          "product the post is about")
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
