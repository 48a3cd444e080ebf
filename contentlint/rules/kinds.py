"""Rule kinds: the few pieces of Python that turn YAML rules into checks.

Each kind declares its options (``schema``), whether it reads the spaCy Doc (``needs_doc``), and compiles a
rule for one language into a ``Checker`` once; checkers then run on every post of that language.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Protocol, Sequence

from contentlint.analysis import Analysis
from contentlint.languages import LANGUAGES
from contentlint.model import Position
from contentlint.rules import options as opt
from contentlint.rules.options import Option

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

TOKEN_ATTRS = ("LEMMA", "LOWER", "ORTH", "NORM")


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a rule fired: a span of the post's text, or an explicit position (front-matter fields)."""

    start: int = 0
    end: int = 0
    position: Position | None = None
    values: Mapping[str, Any] = field(default_factory=dict)
    path: str | None = None  # with ``position``: a file other than the post's own (its calendar)


class Checker(Protocol):
    def check(self, analysis: Analysis) -> Iterator[Hit]: ...


class Kind(Protocol):
    name: str
    needs_doc: bool
    schema: Mapping[str, Option]

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None: ...

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> Checker: ...


def missing_languages(per_lang: Mapping[str, Any], languages: Sequence[str], option: str) -> str | None:
    missing = [lang for lang in languages if lang != "*" and lang not in per_lang]
    return f"{option}: no entry for language {missing[0]!r} listed in `languages`" if missing else None


def phrase_matcher(nlp: Language, attr: str, key: str, phrases: Sequence[str]) -> Any:
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    # Patterns go through the same pipeline as posts, so they carry the same lemmas.
    matcher.add(key, list(nlp.pipe(phrases)))
    return matcher


def spans(doc: Doc, matches: list[tuple[int, int, int]], extra: Sequence[Any] = ()) -> list[Any]:
    from spacy.util import filter_spans

    # Overlapping cues ("buy now" inside "buy now and save") are reported once, as the longest span.
    found = [doc[start:end] for _key, start, end in matches]
    return sorted(filter_spans([*found, *extra]), key=lambda s: s.start)


# Languages written without spaces: the tokenizer may split a phrase differently inside a longer compound or
# at a phrase end (申し込み as one noun vs 申し/込み before ください), so token matching alone misses cues.
UNSPACED = tuple(language.code for language in LANGUAGES if language.unspaced)


class SurfaceMatcher:
    """Finds phrases in the NFKC-normalised text where both ends fall on token boundaries.

    The tokens between may differ from the phrase's own tokens (that is the point); a hit that starts or ends
    inside a token (オフ inside オフィス) is not the phrase.
    """

    def __init__(self, phrases: Sequence[str]) -> None:
        self.phrases = sorted({_fold(p) for p in phrases if _fold(p)}, key=len, reverse=True)

    def __call__(self, doc: Doc) -> list[Any]:
        text = _folded(doc)
        if text is None:  # NFKC changed the length: offsets would not line up
            return []
        spans = []
        for phrase in self.phrases:
            start = text.find(phrase)
            while start != -1:
                span = doc.char_span(start, start + len(phrase))
                if span is not None:
                    spans.append(span)
                start = text.find(phrase, start + 1)
        return spans


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _folded(doc: Doc) -> str | None:
    """The Doc's folded text, made once per Doc: `doc.text` joins every token anew on each access, and a
    Chinese Doc has a token per character, so the dozens of surface matchers per post would pay for it again
    and again."""
    key = "contentlint.folded"
    if key not in doc.user_data:
        original = doc.text
        folded = _fold(original)
        doc.user_data[key] = folded if len(folded) == len(original) else None
    return doc.user_data[key]  # type: ignore[no-any-return]


class PhraseFinder:
    """Phrases of one language in a Doc: spaCy's PhraseMatcher on ``attr`` and, in Japanese and Chinese, the
    normalised surface text (SurfaceMatcher). A hit that overlaps one of the ``exclude`` phrases is dropped, so a
    short cue can be listed without firing inside ordinary words (最 but not 最近 or 最后).
    """

    def __init__(self, nlp: Language, lang: str, phrases: Sequence[str], attr: str = "LEMMA",
                 exclude: Sequence[str] = ()) -> None:
        self.matcher = phrase_matcher(nlp, attr, "cue", phrases) if phrases else None
        self.surface = SurfaceMatcher(phrases) if phrases and lang in UNSPACED else None
        self.exclude = PhraseFinder(nlp, lang, exclude, attr) if exclude else None

    def __call__(self, doc: Doc, extra: Sequence[Any] = ()) -> list[Any]:
        found = spans(doc, self.matcher(doc) if self.matcher else [],
                      [*extra, *(self.surface(doc) if self.surface else ())])
        if self.exclude is None:
            return found
        blocked = self.exclude(doc)
        return [s for s in found
                if not any(s.start_char < b.end_char and b.start_char < s.end_char for b in blocked)]


class _SpanChecker:
    def __init__(self, find: Callable[[Doc], list[Any]], suggestion: str) -> None:
        self.find = find
        self.suggestion = suggestion

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        doc = analysis.doc
        assert doc is not None
        for span in self.find(doc):
            yield Hit(span.start_char, span.end_char,
                      values={"match": span.text, "suggestion": self.suggestion})


EXCLUDE_OPTION = Option(opt.per_language(opt.STRING_LIST), default={},
                        help="{lang: [phrase, ...]}: a match overlapping one of these is not reported (最 in 最近)")


class PhrasesKind:
    """Cue phrases per language, matched on lemmas (or lower/orth/norm forms) with spaCy's PhraseMatcher.

    In Japanese and Chinese the phrase is also found in the normalised surface text (see SurfaceMatcher).
    """

    name = "phrases"
    needs_doc = True
    schema = {
        "phrases": Option(opt.per_language(opt.STRING_LIST), required=True, help="{lang: [phrase, ...]}"),
        "exclude": EXCLUDE_OPTION,
        "attr": Option(opt.one_of(*TOKEN_ATTRS), default="LEMMA", help="token attribute compared"),
        "suggestion": Option(opt.per_language(opt.STRING), default={}, help="{lang: text} for {suggestion}"),
    }

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        return missing_languages(params["phrases"], languages, "phrases")

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> Checker:
        assert nlp is not None
        find = PhraseFinder(nlp, lang, params["phrases"].get(lang, []), params["attr"],
                            params["exclude"].get(lang, []))
        return _SpanChecker(find, params["suggestion"].get(lang, ""))


class PatternKind:
    """spaCy Matcher token patterns per language (for cues that phrase lists cannot express).

    ``phrases`` adds phrase lists, matched as the phrases kind matches them: Chinese and Japanese cues are best
    written as phrases, which match whatever the tokenizer's segmentation. A pattern element ``{WORD: [...]}``
    stands for a word as the tokenizer splits it (see ``tokenpatterns``). With ``unless_source`` a match is a
    claim that needs a source: it is reported only when no source cue is nearby (see ``nearby``).
    """

    name = "pattern"
    needs_doc = True
    schema = {
        "patterns": Option(opt.per_language(opt.TOKEN_PATTERNS), default={},
                           help="{lang: [[{LOWER: follow}, ...], ...]}"),
        "phrases": Option(opt.per_language(opt.STRING_LIST), default={},
                          help="{lang: [phrase, ...]} matched like the phrases kind (lemmas + surface text)"),
        "exclude": EXCLUDE_OPTION,
        "unless_source": Option(opt.per_language(opt.STRING_LIST), default={},
                                help="{lang: [according to, source, ...]}: a match with one of these in its "
                                     "paragraph or the next one (or anywhere, when a footnote mark follows "
                                     "the match) is not reported"),
        "suggestion": Option(opt.per_language(opt.STRING), default={}, help="{lang: text} for {suggestion}"),
    }

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        missing = [lang for lang in languages
                   if lang != "*" and lang not in params["patterns"] and lang not in params["phrases"]]
        return f"patterns: no entry (in patterns or phrases) for language {missing[0]!r} listed in `languages`" \
            if missing else None

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> Checker:
        from spacy.matcher import Matcher

        from contentlint.rules import tokenpatterns
        from contentlint.rules.gated import GatedMatcher
        from contentlint.rules.nearby import SourceNearby

        assert nlp is not None
        validator = Matcher(nlp.vocab, validate=True)
        patterns = params["patterns"].get(lang)
        keyed = tokenpatterns.expand(patterns, nlp) if patterns else {}
        try:
            for key, expanded in keyed.items():
                validator.add(key, expanded)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"params.patterns: invalid token pattern for {lang!r}: "
                             f"{' '.join(str(exc).split())[:300]}") from None
        matcher = GatedMatcher(nlp.vocab, keyed)
        phrases = PhraseFinder(nlp, lang, params["phrases"].get(lang, []), exclude=params["exclude"].get(lang, []))
        sources = params["unless_source"].get(lang)
        nearby = SourceNearby(PhraseFinder(nlp, lang, sources)) if sources else None

        def find(doc: Doc) -> list[Any]:
            tokens = [s for key, start, end in (matcher(doc) if patterns else ())
                      if (s := tokenpatterns.trim(doc[start:end - tokenpatterns.after(nlp.vocab.strings[key])]))
                      is not None]
            found = phrases(doc, tokens)
            return nearby.unsupported(doc, found) if nearby else found

        return _SpanChecker(find, params["suggestion"].get(lang, ""))


class _RatioChecker:
    def __init__(self, ours: Any, yours: Any, max_ratio: float, min_count: int, promotional_only: bool) -> None:
        self.ours, self.yours = ours, yours
        self.max_ratio, self.min_count = max_ratio, min_count
        self.promotional_only = promotional_only

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        doc = analysis.doc
        assert doc is not None
        c = analysis.classification
        if self.promotional_only and (c is None or not c.promotional_warning):
            return
        ours = spans(doc, self.ours(doc))
        yours = len(spans(doc, self.yours(doc)))
        if len(ours) < self.min_count or len(ours) <= self.max_ratio * yours:
            return
        ratio = f"{len(ours) / yours:.1f}" if yours else "∞"
        first = ours[0]
        yield Hit(first.start_char, first.end_char,
                  values={"match": first.text, "ours": len(ours), "yours": yours, "ratio": ratio})


class RatioKind:
    """Company-centric wording against customer-centric wording, counted per post."""

    name = "ratio"
    needs_doc = True
    schema = {
        "ours": Option(opt.per_language(opt.STRING_LIST), required=True, help="{lang: [we, our, ...]}"),
        "yours": Option(opt.per_language(opt.STRING_LIST), required=True, help="{lang: [you, your, ...]}"),
        "max_ratio": Option(opt.NUMBER, default=2.0, help="fires when ours > max_ratio * yours"),
        "min_count": Option(opt.INTEGER, default=3, help="... and ours >= min_count"),
        "attr": Option(opt.one_of(*TOKEN_ATTRS), default="LOWER", help="token attribute compared"),
        "promotional_only": Option(opt.BOOLEAN, default=False,
                                   help="only in posts sure enough to be promotional for a promotional warning"),
    }

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        return (missing_languages(params["ours"], languages, "ours")
                or missing_languages(params["yours"], languages, "yours"))

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> Checker:
        assert nlp is not None
        return _RatioChecker(phrase_matcher(nlp, params["attr"], "ours", params["ours"].get(lang, [])),
                             phrase_matcher(nlp, params["attr"], "yours", params["yours"].get(lang, [])),
                             float(params["max_ratio"]), int(params["min_count"]),
                             bool(params["promotional_only"]))


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


class _FieldChecker:
    def __init__(self, name: str, values: Sequence[str], suggestion: str,
                 stage_advice: Mapping[str, str]) -> None:
        self.name = name
        self.suggestion = suggestion
        self.stage_advice = stage_advice
        # Latin terms match as words (with an optional plural s); CJK terms match anywhere in the value.
        self.patterns = [re.compile(re.escape(v.lower()) if _CJK.search(v)
                                    else rf"(?<![a-z]){re.escape(v.lower())}s?(?![a-z])") for v in values]

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        post = analysis.post
        if self.name not in post.fields:
            return
        raw = post.fields[self.name]
        items = raw if isinstance(raw, list) else [raw]
        path, position = post.field_location(self.name)
        stage = analysis.classification.stage if analysis.classification else None
        advice = self.stage_advice.get(stage or "", "") or self.suggestion
        for item in items:
            value = str(item).lower()
            if any(p.search(value) for p in self.patterns):
                yield Hit(position=position, path=path,
                          values={"match": str(item), "value": str(item), "field": self.name,
                                  "suggestion": self.suggestion, "stage": stage or "?", "stage_advice": advice})


def _stage_texts(value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) - {"pre", "at", "post"}:
        return "expected a mapping of pre / at / post -> text"
    bad = [k for k, v in value.items() if not isinstance(v, str) or not v.strip()]
    return f"{bad[0]}: expected a non-empty string" if bad else None


class FieldKind:
    """A front-matter field whose value is one of a list of terms (e.g. a vanity KPI)."""

    name = "field"
    needs_doc = False
    schema = {
        "field": Option(opt.STRING, required=True, help="front-matter key"),
        "values": Option(opt.STRING_LIST, required=True, help="terms that make the value a problem"),
        "suggestion": Option(opt.STRING, default="", help="text for {suggestion}"),
        "stage_advice": Option(opt.per_language(_stage_texts), default={},
                               help="{lang: {pre: text, at: text, post: text}} for {stage_advice}, chosen by the "
                                    "post's detected stage"),
    }

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        return None

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> Checker:
        advice = params["stage_advice"].get(lang) or params["stage_advice"].get("en") or {}
        return _FieldChecker(params["field"], params["values"], params["suggestion"], advice)



KINDS: dict[str, Kind] = {kind.name: kind for kind in (PhrasesKind(), PatternKind(), RatioKind(), FieldKind())}


def _register_classified() -> None:
    from contentlint.calendar.rules import CALENDAR_KINDS
    from contentlint.rules.classified import CLASSIFIED_KINDS
    from contentlint.rules.profile import PROFILE_KINDS
    from contentlint.rules.channel import CHANNEL_KINDS  # also registers the `requires` kind

    KINDS.update({kind.name: kind for kind in (*CLASSIFIED_KINDS, *CALENDAR_KINDS, *PROFILE_KINDS, *CHANNEL_KINDS)})


def scope_of(kind_name: str) -> str:
    """"post" rules look at one post; "calendar" rules at a whole calendar or feed; "profile" rules at a profile."""
    return getattr(KINDS[kind_name], "scope", "post")


_register_classified()
