"""Train the per-language text classifier with spaCy, reproducibly (fixed seed, fixed order, one thread)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from contentlint.errors import InputError
from contentlint.i18n import N_, Text
from contentlint.nlp import pipeline
from contentlint.nlp.corpus import Record, prose
from contentlint.taxonomy import CLASSES

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_TOK2VEC = {
    "@architectures": "spacy.Tok2Vec.v2",
    "embed": {
        "@architectures": "spacy.MultiHashEmbed.v2",
        "width": 64,
        "rows": [2000, 2000, 1000, 1000, 500],
        "attrs": ["NORM", "LOWER", "PREFIX", "SUFFIX", "SHAPE"],
        "include_static_vectors": False,
    },
    "encode": {
        "@architectures": "spacy.MaxoutWindowEncoder.v2",
        "width": 64,
        "window_size": 1,
        "maxout_pieces": 3,
        "depth": 2,
    },
}
# spaCy's text classification architectures we compared (see the model card for the measurements).
ARCHITECTURES: dict[str, dict[str, Any]] = {
    "bow": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": 1,
        "no_output_layer": False,
        "length": 131072,
    },
    "bow2": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": 2,
        "no_output_layer": False,
        "length": 262144,
    },
    "ensemble": {
        "@architectures": "spacy.TextCatEnsemble.v2",
        "tok2vec": _TOK2VEC,
        "linear_model": {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": True,
            "ngram_size": 1,
            "no_output_layer": False,
            "length": 131072,
        },
    },
    "reduce": {
        "@architectures": "spacy.TextCatReduce.v1",
        "tok2vec": _TOK2VEC,
        "exclusive_classes": True,
        "use_reduce_first": False,
        "use_reduce_last": False,
        "use_reduce_max": True,
        "use_reduce_mean": True,
    },
}


@dataclass(frozen=True, slots=True)
class TrainSettings:
    arch: str = "bow"
    epochs: int = 5
    seed: int = 0
    dropout: float = 0.2
    batch_start: float = 4.0
    batch_end: float = 32.0
    learn_rate: float = 0.001
    max_chars: int = 4000  # the classifier reads the title and the start of long posts
    balance: bool = True
    real_weight: int = 2  # real published posts (source `owner/repo@...`) count this many times
    own_share: float = 1.0  # share of our own corpus records the text model trains on (a seeded sample)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def model_text(record: Record, max_chars: int) -> str:
    return prose(record.title, record.body)[:max_chars]


def truncated(doc: Doc, max_chars: int) -> Doc:
    """The doc's tokens that start within the first ``max_chars`` characters (the title and the start of a long
    post): what the model trains on."""
    if len(doc.text) <= max_chars:
        return doc
    end = next((t.i for t in doc if t.idx >= max_chars), len(doc))
    return doc[:end].as_doc()


def _kept(record: Record, settings: TrainSettings) -> bool:
    if record.is_real or settings.own_share >= 1.0:
        return True
    digest = hashlib.sha256(f"{settings.seed}:{record.id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < settings.own_share


def build(lang: str, settings: TrainSettings) -> Language:
    from spacy.pipeline import TextCategorizer

    nlp = pipeline.base(lang)
    textcat = nlp.add_pipe("textcat", config={"model": ARCHITECTURES[settings.arch], "threshold": 0.0})
    assert isinstance(textcat, TextCategorizer)
    for name in CLASSES:
        textcat.add_label(name)
    return nlp


def train(
    records: Sequence[Record], lang: str, settings: TrainSettings, log: Callable[[str], None] = lambda _msg: None
) -> Language:
    """A pipeline for ``lang`` with a textcat trained on ``records`` (same records + settings -> same model)."""
    nlp = pipeline.base(lang)
    nlp.max_length = max(nlp.max_length, pipeline.MAX_TEXT)
    texts = (pipeline.linear_text(lang, model_text(r, settings.max_chars)) for r in records)
    return train_docs(records, list(nlp.pipe(texts, batch_size=pipeline.BATCH_SIZE)), lang, settings, log)


def train_docs(
    records: Sequence[Record],
    docs: Sequence[Doc],
    lang: str,
    settings: TrainSettings,
    log: Callable[[str], None] = lambda _msg: None,
) -> Language:
    """A textcat trained on ``docs`` (one per record, already tokenised)."""
    from spacy.training import Example
    from spacy.util import minibatch
    from thinc.api import Adam, compounding, fix_random_seed

    fix_random_seed(settings.seed)
    rng = random.Random(settings.seed)
    nlp = build(lang, settings)
    pairs = sorted(
        ((r, d) for r, d in zip(records, docs, strict=True) if _kept(r, settings)),
        key=lambda pair: (pair[0].cls, pair[0].id),
    )  # input order must not change the model
    pairs = [pair for pair in pairs for _ in range(settings.real_weight if pair[0].is_real else 1)]
    ordered = [r for r, _d in pairs]
    cut = {id(d): truncated(d, settings.max_chars) for _r, d in pairs}
    examples = [Example(cut[id(d)], cut[id(d)].copy()) for _r, d in pairs]
    for example, record in zip(examples, ordered, strict=True):
        example.reference.cats = {name: float(name == record.cls) for name in CLASSES}
    if not examples:
        raise InputError(Text(N_("no training records for '{lang}'"), lang=lang))
    epoch_examples = _balanced(examples, ordered, rng) if settings.balance else examples
    optimizer = Adam(settings.learn_rate)
    nlp.initialize(lambda: examples, sgd=optimizer)
    for epoch in range(1, settings.epochs + 1):
        batch = list(epoch_examples)
        rng.shuffle(batch)
        losses: dict[str, float] = {}
        sizes = compounding(settings.batch_start, settings.batch_end, 1.001)
        for chunk in minibatch(batch, size=sizes):
            nlp.update(chunk, drop=settings.dropout, sgd=optimizer, losses=losses)
        log(
            Text(
                N_("[{lang}] epoch {epoch:2d}/{epochs}  loss {loss:.4f}"),
                lang=lang,
                epoch=epoch,
                epochs=settings.epochs,
                loss=losses.get("textcat", 0.0),
            )
        )
    return nlp


def _balanced(examples: list[Any], records: Sequence[Record], rng: random.Random) -> list[Any]:
    """Each class repeated up to the size of the largest class, so rare classes weigh as much."""
    by_class: dict[str, list[Any]] = {}
    for example, record in zip(examples, records, strict=True):
        by_class.setdefault(record.cls, []).append(example)
    target = max(len(items) for items in by_class.values())
    out = []
    for name in sorted(by_class):
        items = by_class[name]
        out.extend(items * (target // len(items)))
        out.extend(rng.sample(items, target % len(items)))
    return out
