"""Chinese tokenisation for the classifier: spaCy's character segmenter vs jieba, measured.

    python bench/zh_segmenter.py [--train ../shared/corpus/train.jsonl]

For each segmenter and bag-of-words n-gram size: 5-fold cross-validation on our Chinese corpus (folds by record)
plus the real Chinese posts of the training file (folds by repository, so a fold's real posts come from sources
the model never saw), pooled macro-F1 of label, group and stage, the model alone (no cues); then the time to
build the pipeline (import + dictionary) and to tokenise every text once. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contentlint.nlp import pipeline, training  # noqa: E402
from contentlint.nlp.classifier import classify  # noqa: E402
from contentlint.nlp.corpus import read_corpora  # noqa: E402
from contentlint.nlp.evaluation import Pair, evaluate  # noqa: E402
from contentlint.nlp.training import TrainSettings  # noqa: E402

FOLDS = 5


def cross_validate(records: list, settings: TrainSettings) -> tuple[dict, dict]:
    fold = {
        r.id: int.from_bytes(hashlib.sha256((r.group if r.is_real else r.id).encode()).digest()[:8], "big") % FOLDS
        for r in records
    }
    pairs, real = [], []
    for k in range(FOLDS):
        test = [r for r in records if fold[r.id] == k]
        nlp = training.train([r for r in records if fold[r.id] != k], "zh", settings)
        texts = [training.model_text(r, settings.max_chars) for r in test]
        for r, doc in zip(test, nlp.pipe(texts), strict=True):
            predicted = classify(dict(doc.cats), {}, 0.0).cls
            pairs.append(Pair("zh", r.cls, predicted))
            if "@" in r.source:
                real.append(Pair("zh", r.cls, predicted))
    return evaluate(pairs)["all"], evaluate(real)["all"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", type=Path, default=ROOT.parent / "shared/corpus/train.jsonl")
    args = parser.parse_args()
    paths = [ROOT / "corpus/zh"] + ([args.train] if args.train.exists() else [])
    records = [r for r in read_corpora(paths) if r.lang == "zh"]
    texts = [training.model_text(r, 4000) for r in records]
    chars = sum(len(t) for t in texts)
    print(f"{len(records)} zh records ({sum('@' in r.source for r in records)} real), {chars} characters\n")
    print(
        "| segmenter | n-grams | label F1 | group F1 | stage F1 | real: label F1 | real: group F1 | "
        "pipeline build | tokenise all |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    original = pipeline.base
    for segmenter in ("char", "jieba"):
        start = time.perf_counter()
        nlp = original("zh", segmenter)
        nlp.make_doc("预热")  # jieba loads its dictionary on first use
        built = time.perf_counter() - start
        start = time.perf_counter()
        for text in texts:
            nlp.make_doc(text)
        tokenised = time.perf_counter() - start
        pipeline.base = lambda lang, _s=None, seg=segmenter: original(lang, seg)  # type: ignore[assignment]
        for arch, grams in (("bow", 1), ("bow2", 2)):
            everything, real = cross_validate(records, TrainSettings(arch=arch))
            print(
                f"| {segmenter} | {grams} | {everything['label']['macro_f1']:.3f} | "
                f"{everything['group']['macro_f1']:.3f} | {everything['stage']['macro_f1']:.3f} | "
                f"{real['label']['macro_f1']:.3f} | {real['group']['macro_f1']:.3f} | {built:.2f} s | "
                f"{tokenised:.2f} s |",
                flush=True,
            )
        pipeline.base = original


if __name__ == "__main__":
    main()
