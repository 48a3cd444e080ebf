"""The `requires` kind: when a trigger is present, the post must also say something.

A trigger is a front-matter value (`sponsored: true`) or a phrase (ご提供いただき, No.1); the post passes when it
contains one of the required phrases (#PR, 【PR】; ※, 調査, 出典). Without any trigger the requirement holds for
every post the rule applies to (a LinkedIn post must ask the reader something or give a takeaway).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from contentlint import optionschema as opt
from contentlint.analysis import Analysis
from contentlint.checks.kinds import EXCLUDE_OPTION, missing_languages
from contentlint.checks.protocol import Hit, PostChecker
from contentlint.nlp.phrases import TOKEN_ATTRS, PhraseFinder
from contentlint.optionschema import Option
from contentlint.post import Post

if TYPE_CHECKING:
    from spacy.language import Language

_SHOWN = 4  # required phrases named in {required}


def field_value(value: Any) -> str:
    """A front-matter value as text to compare: YAML's true/yes/on read as booleans compare as "true"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip().lower()


def _field_values(value: Any) -> str | None:
    if not isinstance(value, dict) or not value:
        return "expected a mapping of field -> [value, ...], e.g. {sponsored: [true]}"
    for name, values in value.items():
        if not isinstance(name, str) or not name.strip():
            return f"field names must be strings, got {name!r}"
        if (
            not isinstance(values, list)
            or not values
            or not all(isinstance(v, (str, bool, int, float)) for v in values)
        ):
            return f"{name}: expected a non-empty list of values (text, numbers or true/false)"
    return None


def title_hit(post: Post, values: Mapping[str, Any]) -> Hit:
    """The post's opening line: its title, or the first line of its text when it has none."""
    end = post.body_start or post.text.find("\n")
    if end <= 0:
        end = len(post.text)
    return Hit(0, max(len(post.text[:end].rstrip()), 1), values=values)


class _Requires:
    def __init__(
        self,
        when: PhraseFinder | None,
        fields: Mapping[str, frozenset[str]],
        required: PhraseFinder,
        each: bool,
        values: Mapping[str, str],
    ) -> None:
        self.when, self.fields, self.required = when, fields, required
        self.each, self.values = each, values

    def check(self, analysis: Analysis) -> Iterator[Hit]:
        doc, post = analysis.doc, analysis.post
        assert doc is not None
        if self.when is None and not self.fields:
            triggers = [title_hit(post, {**self.values, "match": post.title})]
        else:
            triggers = self._triggers(analysis)
        if not triggers or self.required(doc):
            return
        yield from triggers if self.each else triggers[:1]

    def _triggers(self, analysis: Analysis) -> list[Hit]:
        post = analysis.post
        hits = []
        for name, accepted in self.fields.items():
            raw = post.fields.get(name)
            items = raw if isinstance(raw, list) else [raw]
            found = [field_value(item) for item in items if item is not None and field_value(item) in accepted]
            if found:
                path, position = post.field_location(name)
                hits.append(Hit(position=position, path=path, values={**self.values, "match": f"{name}: {found[0]}"}))
        if self.when is not None:
            assert analysis.doc is not None
            hits.extend(
                Hit(span.start_char, span.end_char, values={**self.values, "match": span.text})
                for span in self.when(analysis.doc)
            )
        return hits


class RequiresKind:
    """When a trigger (field value or phrase) is present, the post must contain one of the required phrases."""

    name = "requires"
    scope = "post"
    needs_doc = True
    schema: Mapping[str, Option] = {
        "required": Option(
            opt.per_language(opt.STRING_LIST),
            required=True,
            help="{lang: [phrase, ...]}: the post passes when it contains one of these",
        ),
        "when": Option(
            opt.per_language(opt.STRING_LIST),
            default={},
            help="{lang: [phrase, ...]}: trigger phrases (each is a finding when `each` is true)",
        ),
        "when_fields": Option(
            _field_values,
            default={},
            help="{field: [value, ...]}: front-matter values that trigger the rule "
            "(e.g. {sponsored: [true]}); with neither trigger every post must comply",
        ),
        "exclude": EXCLUDE_OPTION,
        "each": Option(opt.BOOLEAN, default=False, help="report every trigger (true) or only the first (false)"),
        "attr": Option(opt.one_of(*TOKEN_ATTRS), default="LEMMA", help="token attribute compared"),
        "suggestion": Option(opt.per_language(opt.STRING), default={}, help="{lang: text} for {suggestion}"),
    }

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        return missing_languages(params["required"], languages, "required") or (
            missing_languages(params["when"], languages, "when") if params["when"] else None
        )

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> PostChecker:
        assert nlp is not None
        attr, required = params["attr"], params["required"].get(lang, [])
        when = None
        if params["when"]:
            when = PhraseFinder(nlp, lang, params["when"].get(lang, []), attr, params["exclude"].get(lang, []))
        fields = {name: frozenset(field_value(v) for v in values) for name, values in params["when_fields"].items()}
        values = {"required": " / ".join(required[:_SHOWN]), "suggestion": params["suggestion"].get(lang, "")}
        return _Requires(when, fields, PhraseFinder(nlp, lang, required, attr), bool(params["each"]), values)

    def describe(self, params: Mapping[str, Any]) -> list[str]:
        """Triggers and requirements, for `contentlint explain`."""
        lines = [
            f"when {name}: {' / '.join(map(field_value, values))}" for name, values in params["when_fields"].items()
        ]
        lines += [f"when [{lang}]: {', '.join(phrases)}" for lang, phrases in params["when"].items()]
        lines += [f"except inside [{lang}]: {', '.join(phrases)}" for lang, phrases in params["exclude"].items()]
        if lines:
            lines.append("reports every trigger" if params["each"] else "reports the first trigger")
        else:
            lines.append("every post (reported at its title)")
        lines += [f"passes with [{lang}]: {', '.join(phrases)}" for lang, phrases in params["required"].items()]
        return [part for line in lines for part in textwrap.wrap(line, 86, subsequent_indent="    ")]
