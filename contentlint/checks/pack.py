"""Rule packs: YAML files holding rules, validated against the rule schema."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from yaml.nodes import MappingNode, SequenceNode

from contentlint import optionschema as opt
from contentlint.checks.registry import KINDS
from contentlint.errors import RuleError
from contentlint.i18n import N_, Text
from contentlint.nlp.lexicon import Lexicon, merge_cues, parse_cues
from contentlint.post import LEVELS
from contentlint.rewrite.pack_forms import merge_forms, parse_forms
from contentlint.version import __version__
from contentlint.yamlsafe import load_yaml, load_yaml_file

ANY_LANGUAGE = "*"
_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_RULE_KEYS = {
    "id",
    "kind",
    "level",
    "message",
    "rationale",
    "languages",
    "channels",
    "groups",
    "params",
    "examples",
    "enabled",
}
GROUP_NAMES = ("promotional", "insight")
OTHER_GROUP_CERTAINTY = 0.5  # a rule with `groups` skips a post more likely than not in another group


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    kind: str
    level: str
    messages: Mapping[str, str]  # language -> message template; "en" is the fallback
    rationale: str  # in English (else the first language given): SARIF, `explain`, the fallback
    languages: tuple[str, ...]
    params: Mapping[str, Any]
    examples: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    enabled: bool = True
    source: str = ""
    line: int = 0
    channels: tuple[str, ...] = ()  # empty: every post; else only posts whose `channel` is one of these
    rationales: Mapping[str, str] = field(default_factory=dict)  # language -> rationale, as written
    groups: tuple[str, ...] = ()  # empty: every post; else only posts the classifier puts in one of these groups

    @property
    def message(self) -> str:
        return self.messages.get("en") or next(iter(self.messages.values()))

    def message_for(self, lang: str) -> str:
        return self.messages.get(lang) or self.message

    def applies_to(self, lang: str) -> bool:
        return ANY_LANGUAGE in self.languages or lang in self.languages

    def applies_to_channel(self, channel: str | None) -> bool:
        return not self.channels or channel in self.channels

    def applies_to_group(self, p_promotional: float | None) -> bool:
        """A rule with `groups` (advertising-law terms: `[promotional]`) skips the posts more likely than not (by
        the calibrated probability) in the other group: 最佳 in a how-to (最佳的图片尺寸) or 顶级 in an API page
        (顶级路由) is not ad copy, while a one-line slogan the classifier leans to call promotional is still read."""
        if not self.groups or p_promotional is None:
            return True
        p_in = (p_promotional if "promotional" in self.groups else 0.0) + (
            1.0 - p_promotional if "insight" in self.groups else 0.0
        )
        return 1.0 - p_in < OTHER_GROUP_CERTAINTY

    @property
    def needs_doc(self) -> bool:
        return KINDS[self.kind].needs_doc


@dataclass(frozen=True, slots=True)
class Pack:
    """A pack's rules and its cue lexicon (cue set -> language -> phrases) used as classifier evidence."""

    rules: tuple[Rule, ...] = ()
    cues: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    rewrites: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RuleBook:
    """Everything the packs of one config define: rules by id and the merged cue lexicon."""

    rules: dict[str, Rule]
    cues: Lexicon
    rewrites: dict[str, dict[str, Any]] = field(default_factory=dict)


class ParsedPacks(Protocol):
    """Where parsed packs are kept between runs (the result cache): JSON entries by key."""

    def key(self, data: bytes, environment: str) -> str: ...

    def get(self, key: str) -> dict[str, Any] | None: ...

    def put(self, key: str, entry: dict[str, Any]) -> None: ...


def _parse(path: Path, store: ParsedPacks | None) -> tuple[Any, list[int]]:
    """The pack's YAML data and each rule's line. With a ``store``, a pack whose bytes were parsed before is read
    from its JSON entry (parsing YAML is most of what a run made only of cache hits does)."""
    where = str(path)
    if store is None:
        loaded = load_yaml_file(path, "rule pack", RuleError)
        return loaded.data, _rule_lines(loaded.node)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(Text(N_("cannot read rule pack: {problem}"), problem=str(exc)), where) from None
    key = store.key(raw, f"rule-pack\0{__version__}\0{where}")
    entry = store.get(key)
    if entry is not None and isinstance(entry.get("lines"), list) and "data" in entry:
        return entry["data"], entry["lines"]
    loaded = load_yaml(text, where, error=RuleError)
    lines = _rule_lines(loaded.node)
    if json.loads(json.dumps(loaded.data)) == loaded.data:  # JSON gives back exactly what YAML built
        store.put(key, {"data": loaded.data, "lines": lines})
    return loaded.data, lines


def load_pack(path: Path, store: ParsedPacks | None = None) -> Pack:
    """Load and validate every rule (and the cue lexicon) in one pack file."""
    where = str(path)
    data, lines = _parse(path, store)
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("rules", []), list)
        or not ("rules" in data or "cues" in data or "rewrites" in data)
    ):
        raise RuleError(
            Text(N_("a rule pack is a mapping with a `rules:` list (and/or `cues:`, `rewrites:`)")), where, 1
        )
    unknown = set(data) - {"pack", "description", "rules", "cues", "rewrites"}
    if unknown:
        raise RuleError(
            Text(
                N_("unknown key `{key}` (a pack has: pack, description, rules, cues, rewrites)"), key=sorted(unknown)[0]
            ),
            where,
            1,
        )
    cues = parse_cues(data.get("cues", {}), where)
    rewrites = parse_forms(data.get("rewrites", {}), where)
    rules = []
    seen: set[str] = set()
    for index, raw in enumerate(data.get("rules", [])):
        line = lines[index] if index < len(lines) else None
        rule = _parse_rule(raw, where, line)
        if rule.id in seen:
            raise RuleError(Text(N_("rule `{rule}` is defined twice in this pack"), rule=rule.id), where, line)
        seen.add(rule.id)
        rules.append(rule)
    return Pack(tuple(rules), cues, rewrites)


def load_packs(paths: Iterable[Path], store: ParsedPacks | None = None) -> RuleBook:
    """Rules by id (a later pack may redefine a rule of an earlier one); cue lexicons are merged."""
    rules: dict[str, Rule] = {}
    cues: Lexicon = {}
    rewrites: dict[str, dict[str, Any]] = {}
    for path in paths:
        pack = load_pack(path, store)
        for rule in pack.rules:
            rules[rule.id] = rule
        merge_cues(cues, pack.cues)
        merge_forms(rewrites, pack.rewrites)
    return RuleBook(rules, cues, rewrites)


def _rule_lines(node: Any) -> list[int]:
    if not isinstance(node, MappingNode):
        return []
    for key, value in node.value:
        if key.value == "rules" and isinstance(value, SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _parse_rule(raw: Any, where: str, line: int | None) -> Rule:
    if not isinstance(raw, dict):
        raise RuleError(Text(N_("each rule must be a mapping")), where, line)
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise RuleError(
            Text(N_("rule id {rule} must be lower-case words joined by '-'"), rule=repr(rule_id)), where, line
        )

    def fail(problem: str) -> RuleError:
        return RuleError(Text(N_("rule `{rule}`: {problem}"), rule=rule_id, problem=problem), where, line)

    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise fail(
            Text(
                N_("unknown key `{key}` (a rule has: {known})"),
                key=sorted(unknown)[0],
                known=", ".join(sorted(_RULE_KEYS)),
            )
        )
    kind = raw.get("kind")
    if kind not in KINDS:
        raise fail(
            Text(
                N_("kind: {kind} is not a rule kind (kinds: {kinds})"), kind=repr(kind), kinds=", ".join(sorted(KINDS))
            )
        )
    level = raw.get("level", "warning")
    if level not in LEVELS:
        raise fail(
            Text(N_("level: expected one of {choices}, got {value}"), choices=", ".join(LEVELS), value=repr(level))
        )
    rationale = raw.get("rationale")
    rationales = {"en": rationale} if isinstance(rationale, str) else rationale
    problem = opt.per_language(opt.STRING)(rationales) if isinstance(rationales, dict) else "missing"
    if problem:
        expected = N_("rationale: expected a non-empty string, or a mapping of language -> string")
        if problem == "missing" or not isinstance(rationale, dict):
            raise fail(Text(expected))
        raise fail(
            Text(
                N_("rationale: expected a non-empty string, or a mapping of language -> string ({problem})"),
                problem=problem,
            )
        )
    assert isinstance(rationales, dict)  # per_language accepts only a mapping
    rationales = {lang: " ".join(text.split()) for lang, text in rationales.items()}
    message = raw.get("message")
    messages = {"en": message} if isinstance(message, str) else message
    if opt.per_language(opt.STRING)(messages):
        raise fail(Text(N_("message: expected a string, or a mapping of language -> string")))
    assert isinstance(messages, dict)
    languages = _listed(raw, "languages", [ANY_LANGUAGE])
    if opt.STRING_LIST(languages):
        raise fail(Text(N_("languages: expected a list of language codes (or '*')")))
    channels = _listed(raw, "channels", [])
    if channels and opt.STRING_LIST(channels):
        raise fail(Text(N_("channels: expected a list of channel names (linkedin, x, weibo ...)")))
    groups = _listed(raw, "groups", [])
    if groups and (opt.STRING_LIST(groups) or any(g not in GROUP_NAMES for g in groups)):
        raise fail(Text(N_("groups: expected a list of {choices}"), choices=" or ".join(GROUP_NAMES)))
    params = raw.get("params") or {}
    if not isinstance(params, dict):
        raise fail(Text(N_("params: expected a mapping")))
    params, problem = opt.validate(params, KINDS[kind].schema)
    if problem:
        raise fail(Text("params.{problem}", problem=problem))
    problem = KINDS[kind].check_params(params, languages)
    if problem:
        raise fail(Text("params.{problem}", problem=problem))
    examples = _parse_examples(raw.get("examples"), fail)
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise fail(Text(N_("enabled: expected true or false")))
    return Rule(
        id=rule_id,
        kind=kind,
        level=level,
        messages={lang: text.strip() for lang, text in messages.items()},
        rationale=rationales.get("en") or next(iter(rationales.values())),
        rationales=rationales,
        languages=tuple(languages),
        params=params,
        examples=examples,
        enabled=enabled,
        source=where,
        line=line or 0,
        channels=tuple(dict.fromkeys(c.strip().lower() for c in channels)),
        groups=tuple(groups),
    )


def _listed(raw: Mapping[str, Any], key: str, default: list[str]) -> Any:
    """The rule's ``key`` as written, a single name read as a list of one (`languages: en`, `groups: promotional`)."""
    value = raw.get(key, default)
    return [value] if isinstance(value, str) else value


def _parse_examples(raw: Any, fail: Any) -> dict[str, tuple[str, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or set(raw) - {"fail", "pass"}:
        raise fail(Text(N_("examples: expected a mapping with `fail:` and/or `pass:` lists")))
    examples = {}
    for key, items in raw.items():
        if opt.STRING_LIST(items):
            raise fail(Text(N_("examples.{key}: expected a list of Markdown posts (strings)"), key=key))
        examples[key] = tuple(items)
    return examples
