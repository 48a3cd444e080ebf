"""Post rule kinds on the text: phrase lists, token patterns, ratios, front-matter fields.

Each kind declares its options (``schema``), whether it reads the spaCy Doc (``needs_doc``), and compiles a
rule for one language into a checker once; checkers then run on every post of that language (see protocol.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from contentlint import optionschema as opt
from contentlint.analysis import Analysis
from contentlint.checks.protocol import Hit, PostChecker
from contentlint.i18n import N_, Text
from contentlint.nlp.phrases import TOKEN_ATTRS, PhraseFinder, phrase_matcher, spans
from contentlint.optionschema import Option

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def missing_languages(per_lang: Mapping[str, Any], languages: Sequence[str], option: str) -> str | None:
    missing = [lang for lang in languages if lang != "*" and lang not in per_lang]
    return (
        Text(
            N_("{option}: no entry for language {language} listed in `languages`"),
            option=option,
            language=repr(missing[0]),
        )
        if missing
        else None
    )


class _SpanChecker:
    def __init__(self, find: Callable[[Doc], list[Any]], suggestion: str) -> None:
        self.find = find
        self.suggestion = suggestion

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        doc = analysis.doc
        assert doc is not None
        for span in self.find(doc):
            yield Hit(span.start_char, span.end_char, values={"match": span.text, "suggestion": self.suggestion})


EXCLUDE_OPTION = Option(
    opt.per_language(opt.STRING_LIST),
    default={},
    help="{lang: [phrase, ...]}: a match overlapping one of these is not reported (最 in 最近)",
)


class PhrasesKind:
    """Cue phrases per language, matched on lemmas (or lower/orth/norm forms) with spaCy's PhraseMatcher.

    In Japanese and Chinese the phrase is also found in the normalised surface text (see SurfaceMatcher).
    """

    name = "phrases"
    scope = "post"
    needs_doc = True
    schema: Mapping[str, Option] = {
        "phrases": Option(opt.per_language(opt.STRING_LIST), required=True, help="{lang: [phrase, ...]}"),
        "exclude": EXCLUDE_OPTION,
        "attr": Option(opt.one_of(*TOKEN_ATTRS), default="LEMMA", help="token attribute compared"),
        "suggestion": Option(opt.per_language(opt.STRING), default={}, help="{lang: text} for {suggestion}"),
    }

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        return missing_languages(params["phrases"], languages, "phrases")

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> PostChecker:
        assert nlp is not None
        find = PhraseFinder(nlp, lang, params["phrases"].get(lang, []), params["attr"], params["exclude"].get(lang, []))
        return _SpanChecker(find, params["suggestion"].get(lang, ""))


class PatternKind:
    """spaCy Matcher token patterns per language (for cues that phrase lists cannot express).

    ``phrases`` adds phrase lists, matched as the phrases kind matches them: Chinese and Japanese cues are best
    written as phrases, which match whatever the tokenizer's segmentation. A pattern element ``{WORD: [...]}``
    stands for a word as the tokenizer splits it (see ``tokenpatterns``). With ``unless_source`` a match is a
    claim that needs a source: it is reported only when no source cue is nearby (see ``nearby``).
    """

    name = "pattern"
    scope = "post"
    needs_doc = True
    schema: Mapping[str, Option] = {
        "patterns": Option(
            opt.per_language(opt.TOKEN_PATTERNS), default={}, help="{lang: [[{LOWER: follow}, ...], ...]}"
        ),
        "phrases": Option(
            opt.per_language(opt.STRING_LIST),
            default={},
            help="{lang: [phrase, ...]} matched like the phrases kind (lemmas + surface text)",
        ),
        "exclude": EXCLUDE_OPTION,
        "unless_source": Option(
            opt.per_language(opt.STRING_LIST),
            default={},
            help="{lang: [according to, source, ...]}: a match with one of these in its "
            "paragraph or the next one (or anywhere, when a footnote mark follows "
            "the match) is not reported",
        ),
        "suggestion": Option(opt.per_language(opt.STRING), default={}, help="{lang: text} for {suggestion}"),
    }

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        missing = [
            lang
            for lang in languages
            if lang != "*" and lang not in params["patterns"] and lang not in params["phrases"]
        ]
        return (
            Text(
                N_("patterns: no entry (in patterns or phrases) for language {language} listed in `languages`"),
                language=repr(missing[0]),
            )
            if missing
            else None
        )

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> PostChecker:
        from spacy.matcher import Matcher

        from contentlint.checks import tokenpatterns
        from contentlint.checks.gated import GatedMatcher
        from contentlint.checks.nearby import SourceNearby

        assert nlp is not None
        validator = Matcher(nlp.vocab, validate=True)
        patterns = params["patterns"].get(lang)
        keyed = tokenpatterns.expand(patterns, nlp) if patterns else {}
        try:
            for key, expanded in keyed.items():
                validator.add(key, expanded)
        except (ValueError, TypeError) as exc:
            raise ValueError(
                Text(
                    N_("params.patterns: invalid token pattern for {lang}: {problem}"),
                    lang=repr(lang),
                    problem=" ".join(str(exc).split())[:300],
                )
            ) from None
        matcher = GatedMatcher(nlp.vocab, keyed)
        phrases = PhraseFinder(nlp, lang, params["phrases"].get(lang, []), exclude=params["exclude"].get(lang, []))
        sources = params["unless_source"].get(lang)
        nearby = SourceNearby(PhraseFinder(nlp, lang, sources)) if sources else None

        def find(doc: Doc) -> list[Any]:
            tokens = [
                s
                for key, start, end in (matcher(doc) if patterns else ())
                if (s := tokenpatterns.trim(doc[start : end - tokenpatterns.after(nlp.vocab.strings[key])])) is not None
            ]
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
        yield Hit(
            first.start_char,
            first.end_char,
            values={"match": first.text, "ours": len(ours), "yours": yours, "ratio": ratio},
        )


class RatioKind:
    """Company-centric wording against customer-centric wording, counted per post."""

    name = "ratio"
    scope = "post"
    needs_doc = True
    schema: Mapping[str, Option] = {
        "ours": Option(opt.per_language(opt.STRING_LIST), required=True, help="{lang: [we, our, ...]}"),
        "yours": Option(opt.per_language(opt.STRING_LIST), required=True, help="{lang: [you, your, ...]}"),
        "max_ratio": Option(opt.NUMBER, default=2.0, help="fires when ours > max_ratio * yours"),
        "min_count": Option(opt.INTEGER, default=3, help="... and ours >= min_count"),
        "attr": Option(opt.one_of(*TOKEN_ATTRS), default="LOWER", help="token attribute compared"),
        "promotional_only": Option(
            opt.BOOLEAN, default=False, help="only in posts sure enough to be promotional for a promotional warning"
        ),
    }

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        return missing_languages(params["ours"], languages, "ours") or missing_languages(
            params["yours"], languages, "yours"
        )

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> PostChecker:
        assert nlp is not None
        return _RatioChecker(
            phrase_matcher(nlp, params["attr"], "ours", params["ours"].get(lang, [])),
            phrase_matcher(nlp, params["attr"], "yours", params["yours"].get(lang, [])),
            float(params["max_ratio"]),
            int(params["min_count"]),
            bool(params["promotional_only"]),
        )


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


class _FieldChecker:
    def __init__(self, name: str, values: Sequence[str], suggestion: str, stage_advice: Mapping[str, str]) -> None:
        self.name = name
        self.suggestion = suggestion
        self.stage_advice = stage_advice
        # Latin terms match as words (with an optional plural s); CJK terms match anywhere in the value.
        self.patterns = [
            re.compile(re.escape(v.lower()) if _CJK.search(v) else rf"(?<![a-z]){re.escape(v.lower())}s?(?![a-z])")
            for v in values
        ]

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
                yield Hit(
                    position=position,
                    path=path,
                    values={
                        "match": str(item),
                        "value": str(item),
                        "field": self.name,
                        "suggestion": self.suggestion,
                        "stage": stage or "?",
                        "stage_advice": advice,
                    },
                )


def _stage_texts(value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) - {"pre", "at", "post"}:
        return "expected a mapping of pre / at / post -> text"
    bad = [k for k, v in value.items() if not isinstance(v, str) or not v.strip()]
    return f"{bad[0]}: expected a non-empty string" if bad else None


class FieldKind:
    """A front-matter field whose value is one of a list of terms (e.g. a vanity KPI)."""

    name = "field"
    scope = "post"
    needs_doc = False
    schema: Mapping[str, Option] = {
        "field": Option(opt.STRING, required=True, help="front-matter key"),
        "values": Option(opt.STRING_LIST, required=True, help="terms that make the value a problem"),
        "suggestion": Option(opt.STRING, default="", help="text for {suggestion}"),
        "stage_advice": Option(
            opt.per_language(_stage_texts),
            default={},
            help="{lang: {pre: text, at: text, post: text}} for {stage_advice}, chosen by the post's detected stage",
        ),
    }

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        return None

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> PostChecker:
        advice = params["stage_advice"].get(lang) or params["stage_advice"].get("en") or {}
        return _FieldChecker(params["field"], params["values"], params["suggestion"], advice)
