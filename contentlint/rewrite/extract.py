"""The slots of a rewrite, from real sources in order: the brand brief, then the post itself, then nothing.

Nothing is invented. Each slot records where it came from: `brief`, `post:front-matter`, `post:title` or
`post:body`; a slot nobody filled stays empty and the writer gets a question instead of a headline with a hole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from contentlint import languages
from contentlint.brief import Brief, BriefProduct
from contentlint.post import Post
from contentlint.rewrite import names

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from contentlint.nlp.cues import CueMatch

BRIEF, FRONT_MATTER, TITLE, BODY = "brief", "post:front-matter", "post:title", "post:body"
OUTCOME_VERBS = {
    "reduce",
    "cut",
    "save",
    "grow",
    "increase",
    "improve",
    "avoid",
    "stop",
    "speed",
    "simplify",
    "automate",
    "double",
    "halve",
    "win",
    "keep",
    "lower",
    "raise",
    "find",
    "understand",
    "spend",
    "close",
    "finish",
    "get",
    "turn",
    "track",
    "plan",
    "sell",
    "book",
    "ship",
    "hire",
    "collect",
    "send",
    "catch",
    "answer",
    "learn",
    "spot",
    "prepare",
    "file",
    "run",
    "stay",
    "make",
    "mark",
    "replace",
    "fill",
    "shortlist",
    "build",
    "organise",
    "organize",
    "repeat",
    "share",
    "waste",
    "pay",
    "never",
    "see",
}
_EN_LEADS = (
    "so you can ",
    "so your team can ",
    "so teams can ",
    "helps you ",
    "help you ",
    "helps your team ",
    "helps teams ",
    "lets you ",
    "so that you can ",
    "to help you ",
    "and ",
)
_ZH_SEPARATORS = "。，、！？；：\n「」“”《》,.!?;:"
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[。！？]|\n")
_JA_VERBISH_CUES = ("削減", "短縮", "向上", "改善", "解決", "できるように", "楽に", "簡単に", "効率")
_JA_PREDICATES = ("動詞", "形容詞")


@dataclass(frozen=True, slots=True)
class Slot:
    value: str
    source: str

    def to_dict(self) -> dict[str, str]:
        return {"value": self.value, "source": self.source}


@dataclass(frozen=True, slots=True)
class Slots:
    product: Slot | None = None
    audience: Slot | None = None
    jobs: tuple[Slot, ...] = ()
    proof: Slot | None = None
    features: tuple[Slot, ...] = ()
    offer: Slot | None = None


def extract(post: Post, doc: Doc, cues: Mapping[str, Sequence[CueMatch]], brief: Brief | None = None) -> Slots:
    """The brief's product named in the post (with its audiences, jobs and proof), else what the post states."""
    text = post.text
    title_end = min(post.body_start, len(text)) if post.body_start else len(post.title)
    features = _features(post, text, title_end)
    offer = _offer(post, text, title_end, cues)
    post_jobs = _post_jobs(post, doc, text, title_end, cues)
    post_audience = _post_audience(post, text, title_end)
    product = _brief_product(post, brief) if brief else None
    if product is not None:
        shared = brief.audiences if brief else ()
        # Mentioned in the post first, then the brand's core audiences (the product's that the brief shares).
        audiences = sorted(
            dict.fromkeys((*product.audiences, *shared)), key=lambda a: a not in shared or a not in product.audiences
        )
        audience = _mentioned_first(audiences, text)
        jobs = tuple(Slot(job, BRIEF) for job in _mentioned_first_all(product.jobs, text))
        return Slots(
            Slot(product.name, BRIEF),
            Slot(audience, BRIEF) if audience else post_audience,
            jobs or post_jobs,
            Slot(product.proof[0], BRIEF) if product.proof else None,
            features,
            offer,
        )
    core = _mentioned_first(brief.audiences, text) if brief and brief.audiences else None
    return Slots(
        _post_product(post, doc, text, title_end),
        post_audience or (Slot(core, BRIEF) if core else None),
        post_jobs,
        None,
        features,
        offer,
    )


def _where(offset: int, title_end: int) -> str:
    return TITLE if offset < title_end else BODY


def _field(post: Post, name: str) -> str | None:
    value = post.fields.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value).strip() if value not in (None, "") and not isinstance(value, dict) else None


def _brief_product(post: Post, brief: Brief) -> BriefProduct | None:
    """The brief's product the post names (front matter `product`, else its name or an alias in the text):
    the one named in the title first, then the one named most."""
    declared = _field(post, "product")
    best: tuple[tuple[int, int, int], BriefProduct] | None = None
    for product in brief.products:
        if declared and any(declared.casefold() == n.casefold() for n in product.names):
            return product
        hits = [m.start() for n in product.names for m in _name_pattern(n).finditer(post.text)]
        if hits:
            rank = (0 if min(hits) < post.body_start else 1, -len(hits), min(hits))
            if best is None or rank < best[0]:
                best = (rank, product)
    return best[1] if best else None


def _name_pattern(name: str) -> re.Pattern[str]:
    """A name as a word: Latin names end at a word boundary (Ledgerly, not Ledgerlyish); CJK names anywhere."""
    edge_left = r"(?<![A-Za-z0-9])" if name[:1].isascii() and name[:1].isalnum() else ""
    edge_right = r"(?![A-Za-z])" if name[-1:].isascii() and name[-1:].isalnum() else ""
    return re.compile(edge_left + re.escape(name) + edge_right, re.IGNORECASE)


def _mentioned_first(options: Sequence[str], text: str) -> str | None:
    ordered = _mentioned_first_all(options, text)
    return ordered[0] if ordered else None


def _mentioned_first_all(options: Sequence[str], text: str) -> list[str]:
    """The options, those whose words the post uses first (the post's own framing picks among the brief's)."""
    lowered = text.casefold()

    def overlap(option: str) -> int:
        words = re.findall(r"[a-z]{4,}", option.casefold())
        if words:
            return sum(word in lowered for word in words)
        return sum(option[i : i + 2] in text for i in range(len(option) - 1))  # CJK: shared two-character words

    return sorted(dict.fromkeys(options), key=lambda o: -overlap(o))


def _post_product(post: Post, doc: Doc, text: str, title_end: int) -> Slot | None:
    declared = _field(post, "product")
    if declared:
        return Slot(declared, FRONT_MATTER)
    candidates = READERS[languages.get(post.lang).grammar.reader].names(doc, text, title_end)
    chosen = names.best(candidates, text, title_end)
    return Slot(chosen[0], _where(chosen[1], title_end)) if chosen else None


def _post_audience(post: Post, text: str, title_end: int) -> Slot | None:
    declared = _field(post, "audience")
    if declared:
        return Slot(declared, FRONT_MATTER)
    grammar = languages.get(post.lang).grammar
    match = next(
        (m for m in re.finditer(grammar.audience, text) if m.group(1).split()[-1] not in grammar.not_audience), None
    )
    return Slot(match.group(1), _where(match.start(1), title_end)) if match else None


def _features(post: Post, text: str, title_end: int) -> tuple[Slot, ...]:
    """Short list items of the body: what a promotional post lists is nearly always its features."""
    items = [(text[start:end].strip().rstrip("。.!！"), start) for start, end in post.list_items]
    short = [Slot(item, _where(at, title_end)) for item, at in items if 2 <= len(item) <= 60 and "\n" not in item]
    return tuple({slot.value: slot for slot in short}.values())[:5]


def _offer(post: Post, text: str, title_end: int, cues: Mapping[str, Sequence[CueMatch]]) -> Slot | None:
    """The post's offer: the body's sentence of its first sale cue, else of its first release cue, else the title
    (the title is the headline being rewritten, so the body's own words of the offer come first)."""
    for cue_set in ("sale", "release"):
        for match in (m for m in cues.get(cue_set, ()) if m.start >= title_end):
            starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, match.start)]
            start = starts[-1] if starts else 0
            end_match = _SENTENCE_END.search(text, match.end)
            end = end_match.end() if end_match else len(text)
            sentence = text[start:end].strip()
            if 3 <= len(sentence) <= 160:
                return Slot(sentence, _where(start, title_end))
    title = post.title.strip()
    return Slot(title, TITLE) if title else None


def _post_jobs(
    post: Post, doc: Doc, text: str, title_end: int, cues: Mapping[str, Sequence[CueMatch]]
) -> tuple[Slot, ...]:
    grammar = languages.get(post.lang).grammar
    jobs: list[Slot] = []
    starts = [(m.start, m.end) for m in cues.get("outcome", ())]
    if grammar.job_trigger is not None:
        starts += [(m.end(), m.end()) for m in re.finditer(grammar.job_trigger, text)]
    read_job = READERS[grammar.reader].job
    for start, end in sorted(set(starts)):
        job = read_job(doc, text, start, end)
        if job and all(job != j.value for j in jobs):
            jobs.append(Slot(job, _where(start, title_end)))
    return tuple(jobs[:3])


def _en_job(doc: Doc, text: str, start: int, end: int) -> str | None:
    """The clause an outcome cue opens, as a verb phrase in its base form (cuts reporting time in half ->
    cut reporting time in half)."""
    end_match = re.compile(r"[.!?\n,;:—–(]").search(text, start)
    phrase = text[start : end_match.start() if end_match else len(text)].strip()
    for lead in _EN_LEADS:
        if phrase.lower().startswith(lead):
            phrase = phrase[len(lead) :]
    # company voice and the product itself are not part of the customer's job
    phrase = re.split(r"\s+(?:for|with|at) (?:our|us)\b|\s+(?:than ever|today|now)\b|\s+(?:with|using) [A-Z]", phrase)[
        0
    ]
    words = phrase.split()
    if not 2 <= len(words) <= 10:
        return None
    first = words[0].lower()
    span = doc.char_span(start, start + len(words[0]), alignment_mode="expand")
    lemma = span[0].lemma_.lower() if span is not None and len(span) == 1 else first
    base = first if first in OUTCOME_VERBS else lemma if lemma in OUTCOME_VERBS else None
    if base is None or re.search(r"\b(?:off|discount|coupon|code|sale|price)\b|%|\$|£", phrase.lower()):
        return None
    return " ".join([base, *words[1:]])


def _ja_job(doc: Doc, text: str, start: int, end: int) -> str | None:
    """The clause of an outcome cue up to its predicate, in dictionary form (家計簿の入力が3分で終わります ->
    家計簿の入力が3分で終わる); the product and its particle at the clause's start are left out."""
    if not text[start:end].startswith(_JA_VERBISH_CUES):
        return None
    clause_start = max(text.rfind(sep, 0, start) for sep in "。、！？\n「」") + 1
    span = doc.char_span(clause_start, len(text), alignment_mode="expand")
    if span is None:
        return None
    parts: list[str] = []
    for token in span:
        if (token.idx >= end and token.tag_.startswith(("補助記号",))) or "\n" in token.text:
            break
        if (
            token.idx >= start
            and (token.tag_.startswith(_JA_PREDICATES) or "サ変可能" in token.tag_)
            and token.idx + len(token.text) >= end
        ):
            following = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if "サ変可能" in token.tag_ and not token.tag_.startswith(_JA_PREDICATES):
                parts.append(
                    token.text + ("できる" if following is not None and following.lemma_ == "出来る" else "する")
                )
            else:
                parts.append(token.lemma_ if token.tag_.startswith("動詞") else token.text)
            break
        parts.append(token.text)
    else:
        return None
    job = (
        re.sub(r"^.*?(?:なら|を使えば|を使うと|で|は)(?=.)", "", "".join(parts), count=1)
        if any(p for p in parts[:3] if re.search(r"[A-Za-zァ-ヴ]", p))
        else "".join(parts)
    )
    return job if 3 <= len(job) <= 40 and not re.search(r"[%％円]|オフ|割引", job) else None


def _zh_job(doc: Doc, text: str, start: int, end: int) -> str | None:
    """The verb phrase an outcome cue opens, to the end of its clause (节省一半的对账时间)."""
    ends = [i for i in (text.find(sep, end) for sep in _ZH_SEPARATORS) if i != -1]
    phrase = text[start : min(ends, default=len(text))].strip()
    for lead in ("帮助你", "帮你", "让你", "帮助"):
        if phrase.startswith(lead):
            phrase = phrase[len(lead) :]
    if re.search(r"[%％¥￥元]|折|优惠|秒杀", phrase):
        return None
    return phrase if 3 <= len(phrase) <= 24 else None


class Reader(NamedTuple):
    """How product names and jobs are read from a language's Doc: ``names(doc, text, title_end)`` gives the
    candidates for the product, ``job(doc, text, start, end)`` the job an outcome cue at start:end opens."""

    names: Callable[[Doc, str, int], list[names.Candidate]]
    job: Callable[[Doc, str, int, int], str | None]


# The readers a language's grammar names (`Grammar.reader`): words between spaces with capitalised names and verb
# lemmas; Sudachi's morphemes with their parts of speech; characters, with no tags to read.
READERS: dict[str, Reader] = {
    "words": Reader(lambda doc, text, title_end: names.english(doc, title_end), _en_job),
    "morphemes": Reader(lambda doc, text, title_end: names.japanese(doc, title_end), _ja_job),
    "characters": Reader(lambda doc, text, title_end: names.chinese(text, title_end), _zh_job),
}
