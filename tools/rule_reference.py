"""The rule reference of the docs site, generated from the rule packs (`rules/*.yaml`) when MkDocs builds it.

MkDocs loads this file as a hook (`hooks:` in mkdocs.yml): `on_files` adds, without writing anything to `docs/`,

- `rules/index.md`: every pack and its rules (id, level, kind, languages, channels, the first sentence of the why);
- `rules/<id>.md` for every rule: its messages and rationale in each language the pack gives, what it checks
  (phrases per language, per-channel limits, a profile checklist's points), its options and its examples;
- `rules/channels.md`: each channel the packs name, with the rules limited to it and the limits they set.

The packs are read as YAML data, not through contentlint's loader, so the reference shows exactly what a pack
says (and a pack the loader would refuse still fails the test suite, not the docs build). The module needs only
PyYAML, because MkDocs loads a hook by path, outside any package.

    python -m tools.rule_reference OUT   # write the generated pages to OUT, to read them without MkDocs
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PACKS = Path(__file__).resolve().parent.parent / "rules"
LANGUAGES = {"en": "English", "ja": "日本語", "zh": "中文"}
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_MARKDOWN_SPECIAL = re.compile(r"([\\*_\[\]|#])")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s")


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule as its pack writes it."""

    data: Mapping[str, Any]
    pack: str  # the pack's name (`pack:`)
    file: str  # the pack's file name, e.g. hard-sell.yaml

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def kind(self) -> str:
        return str(self.data.get("kind", ""))

    @property
    def level(self) -> str:
        return str(self.data.get("level", "warning"))

    @property
    def languages(self) -> list[str]:
        return [str(lang) for lang in self.data.get("languages") or ["*"]]

    @property
    def channels(self) -> list[str]:
        return [str(channel) for channel in self.data.get("channels") or []]

    @property
    def params(self) -> Mapping[str, Any]:
        return self.data.get("params") or {}


@dataclass(frozen=True, slots=True)
class Pack:
    """One pack file that defines rules."""

    file: str
    name: str
    description: str
    rules: tuple[Rule, ...]


def load_packs(folder: Path = PACKS) -> list[Pack]:
    """Every pack in ``folder`` that defines rules, sorted by file name (cue and rewrite packs define none)."""
    packs = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        name = str(data.get("pack", path.stem))
        rules = tuple(Rule(rule, name, path.name) for rule in data.get("rules") or [])
        if rules:
            packs.append(Pack(path.name, name, str(data.get("description", "")).strip(), rules))
    return packs


def escape(text: str) -> str:
    """``text`` for Markdown: code spans kept as written, everything else shown literally (no HTML, no
    emphasis), so a message's `*` or `<` reads as the user sees it."""
    out, last = [], 0
    for match in _CODE_SPAN.finditer(text):
        out += [_literal(text[last : match.start()]), match.group(0)]
        last = match.end()
    out.append(_literal(text[last:]))
    return "".join(out).replace("\n", " ")


def _literal(text: str) -> str:
    return html.escape(_MARKDOWN_SPECIAL.sub(r"\\\1", text), quote=False)


def per_language(value: Any) -> dict[str, str]:
    """A message, rationale or name, which a pack writes as one text or one per language, as {lang: text}."""
    if isinstance(value, Mapping):
        return {str(lang): " ".join(str(text).split()) for lang, text in value.items()}
    return {"en": " ".join(str(value).split())} if value else {}


def first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text, maxsplit=1)[0]


def tabs(texts: Mapping[str, str], quote: bool = False) -> list[str]:
    """Content tabs, one per language, in the order en, ja, zh, then any other."""
    order = [lang for lang in LANGUAGES if lang in texts] + sorted(set(texts) - set(LANGUAGES))
    lines = []
    for lang in order:
        lines += [f'=== "{LANGUAGES.get(lang, lang)}"', "", f"    {'> ' if quote else ''}{escape(texts[lang])}", ""]
    return lines


def fence(text: str, lang: str = "") -> list[str]:
    """A fenced block that holds ``text`` whatever backticks it contains."""
    ticks = "`" * max([3, *(len(run) + 1 for run in re.findall(r"`+", text))])
    return [f"{ticks}{lang}", *text.rstrip("\n").split("\n"), ticks]


def example_language(text: str) -> str:
    return "yaml" if re.match(r"(kind|entries|title|body)\s*:", text.lstrip()) else "markdown"


def rule_link(rule_id: str, prefix: str = "") -> str:
    return f"[`{rule_id}`]({prefix}{rule_id}.md)"


def _limits_table(limits: Mapping[str, Any], unit: str) -> list[str]:
    lines = ["| channel | at most | counted |", "|---|---|---|"]
    for channel, limit in sorted(limits.items()):
        spec = limit if isinstance(limit, Mapping) else {"max": limit}
        counted = []
        if spec.get("weighting") == "x":
            counted.append("X's weighted count (Han, kana, Hangul, full-width forms and emoji count 2)")
        elif spec.get("weighting"):
            counted.append(f"{spec['weighting']} weighting")
        if "url_length" in spec:
            counted.append(f"a URL counts {spec['url_length']}")
        lines.append(f"| `{channel}` | {spec.get('max')} {unit} | {'; '.join(counted) or 'as written'} |")
    return lines


def _condition(point: Mapping[str, Any]) -> str:
    parts = []
    if point.get("present"):
        parts.append("set")
    if "min_length" in point:
        length = point["min_length"]
        sizes = ", ".join(f"{lang} {n}" for lang, n in length.items()) if isinstance(length, Mapping) else str(length)
        parts.append(f"at least {sizes} characters")
    if point.get("not_just"):
        parts.append("beyond " + ", ".join(f"`{field}`" for field in point["not_just"]))
    if point.get("contains_any"):
        parts.append(
            "addresses the reader ("
            + "; ".join(f"{lang}: {', '.join(words)}" for lang, words in point["contains_any"].items())
            + ")"
        )
    if "min_count" in point:
        parts.append(
            f"at least {point['min_count']} together"
            if len(point.get("fields", [])) > 1
            else f"at least {point['min_count']}"
        )
    if point.get("types"):
        parts.append("of type " + ", ".join(point["types"]))
    if "max_age_days" in point:
        parts.append(f"in the last {point['max_age_days']} days")
    return escape("; ".join(parts))


def _checklist(points: Iterable[Mapping[str, Any]]) -> list[str]:
    lines = ["| # | point | fields | met when |", "|---|---|---|---|"]
    advice = []
    for number, point in enumerate(points, 1):
        names = per_language(point.get("name"))
        name = " / ".join(escape(text) for text in names.values())
        fields = ", ".join(f"`{field}`" for field in point.get("fields", []))
        lines.append(f"| {number} | {name} | {fields} | {_condition(point)} |")
        advice += [
            f"**{number}. {escape(names.get('en', str(point.get('id'))))}**",
            "",
            *tabs(per_language(point.get("advice"))),
        ]
    return [*lines, "", "Advice for each point that is not met:", "", *advice]


def _phrases(phrases: Mapping[str, Any]) -> list[str]:
    lines = []
    for lang, words in phrases.items():
        shown = ", ".join(f"`{word}`" for word in words) if isinstance(words, list) else f"`{words}`"
        lines.append(f"- **{LANGUAGES.get(lang, lang)}**: {shown}")
    return lines


def checks(rule: Rule) -> list[str]:
    """What the rule looks for, read from its params where the kind makes that a list or a table."""
    params = rule.params
    if rule.kind == "length" and isinstance(params.get("limits"), Mapping):
        unit = "characters of the title" if params.get("part") == "title" else "characters"
        return _limits_table(params["limits"], unit)
    if rule.kind == "hashtags" and isinstance(params.get("limits"), Mapping):
        return _limits_table(params["limits"], "hashtags")
    if rule.kind == "profile-checklist" and isinstance(params.get("points"), list):
        return _checklist(params["points"])
    lines = []
    for key, intro in (
        ("phrases", "Phrases"),
        ("required", "Required phrases (one of them must be in the post)"),
        ("when", "Phrases that make the requirement apply"),
    ):
        if isinstance(params.get(key), Mapping):
            lines += [f"{intro}:", "", *_phrases(params[key]), ""]
    if lines and "patterns" in params:
        lines += ["And the token `patterns` under Options."]
    return lines


def rule_page(rule: Rule) -> str:
    languages = ", ".join(rule.languages) if rule.languages != ["*"] else "every language"
    lines = [
        f"# {rule.id}",
        "",
        f"**{rule.level}** · kind `{rule.kind}` · {languages} · defined in `rules/{rule.file}` (pack `{rule.pack}`)",
        "",
    ]
    if rule.channels:
        lines += ["Runs only on posts whose channel is " + ", ".join(f"`{c}`" for c in rule.channels) + ".", ""]
    lines += ["## Message", "", *tabs(per_language(rule.data.get("message")), quote=True)]
    if rule.params.get("score_message"):
        lines += ["The score, as one more finding:", "", *tabs(per_language(rule.params["score_message"]), quote=True)]
    rationale = per_language(rule.data.get("rationale"))
    if rationale:
        lines += ["## Why", "", *tabs(rationale)]
    checked = checks(rule)
    if checked:
        lines += ["## What it checks", "", *checked, ""]
    if rule.params:
        options = yaml.safe_dump(
            dict(rule.params), allow_unicode=True, sort_keys=False, width=100, default_flow_style=None
        )
        lines += [
            "## Options",
            "",
            f"`params` as the pack sets them (kind `{rule.kind}`; see "
            "[Writing rules](../writing-rules.md) for what each kind takes):",
            "",
            '??? note "params"',
            "",
            *(f"    {line}" if line else "" for line in fence(options, "yaml")),
            "",
        ]
    examples = rule.data.get("examples") or {}
    for key, title in (("fail", "Flagged"), ("pass", "Not flagged")):
        if examples.get(key):
            lines += [f"## {title}", ""]
            for example in examples[key]:
                lines += [*fence(str(example), example_language(str(example))), ""]
    lines += [
        "## Configure",
        "",
        *fence(f"# .contentlint.yaml\nrules:\n  {rule.id}: off   # or error, warning, info", "yaml"),
        "",
        f"`contentlint explain {rule.id}` prints this rule in the terminal.",
        "",
    ]
    return "\n".join(lines)


def index_page(packs: list[Pack]) -> str:
    lines = [
        "# Rule reference",
        "",
        "Every rule of the packs shipped with contentlint, generated from `rules/*.yaml` when the site is "
        "built. `contentlint rules` lists the rules in effect for your config, including those of your own "
        "packs; see [Writing rules](../writing-rules.md) for the kinds and [Channels](channels.md) for the "
        "limits per network.",
        "",
    ]
    for pack in packs:
        lines += [
            f"## `{pack.file}`",
            "",
            escape(pack.description),
            "",
            "| rule | level | kind | languages | why |",
            "|---|---|---|---|---|",
        ]
        for rule in pack.rules:
            why = first_sentence(per_language(rule.data.get("rationale")).get("en", ""))
            channels = f" ({', '.join(rule.channels)} only)" if rule.channels else ""
            lines.append(
                f"| {rule_link(rule.id)} | {rule.level} | `{rule.kind}` | {', '.join(rule.languages)} | "
                f"{escape(why)}{channels} |"
            )
        lines.append("")
    return "\n".join(lines)


def channels_of(packs: list[Pack]) -> dict[str, list[tuple[Rule, str]]]:
    """Channel -> (rule, what it sets for that channel) for every rule limited to or limiting a channel."""
    found: dict[str, list[tuple[Rule, str]]] = {}
    for rule in (rule for pack in packs for rule in pack.rules):
        limits = rule.params.get("limits")
        if isinstance(limits, Mapping):
            unit = "hashtags" if rule.kind == "hashtags" else "characters"
            unit += " in the title" if rule.params.get("part") == "title" else ""
            for channel, limit in limits.items():
                most = limit.get("max") if isinstance(limit, Mapping) else limit
                found.setdefault(str(channel).lower(), []).append((rule, f"at most {most} {unit}"))
        for channel in rule.channels:
            found.setdefault(channel.lower(), []).append((rule, "runs only on " + ", ".join(rule.channels)))
    return found


def channels_page(packs: list[Pack]) -> str:
    lines = [
        "# Channels",
        "",
        "Each channel the shipped packs name, with the rules that set a limit for it or run only on it, "
        "generated from `rules/*.yaml`. A post's channel is its front-matter `channel`, or the `channel` of "
        "the calendar entry that schedules it, compared in lower case. Rules without `channels` run on every "
        "post; see [Channels and advertising law](../channels.md) for how to change a limit.",
        "",
        "| channel | rule | level | sets |",
        "|---|---|---|---|",
    ]
    for channel, uses in sorted(channels_of(packs).items()):
        for rule, what in uses:
            lines.append(f"| `{channel}` | {rule_link(rule.id)} | {rule.level} | {escape(what)} |")
    return "\n".join(lines) + "\n"


def pages(packs: list[Pack]) -> Iterator[tuple[str, str]]:
    """(path under docs/, Markdown) for every generated page."""
    yield "rules/index.md", index_page(packs)
    yield "rules/channels.md", channels_page(packs)
    for pack in packs:
        for rule in pack.rules:
            yield f"rules/{rule.id}.md", rule_page(rule)


def on_files(files: Any, config: Any) -> Any:
    """MkDocs hook: add the generated pages to the site's files."""
    from mkdocs.structure.files import File

    packs = load_packs(Path(config["config_file_path"]).resolve().parent / "rules")
    for path, text in pages(packs):
        files.append(File.generated(config, path, content=text))
    return files


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tools.rule_reference OUT", file=sys.stderr)
        return 2
    for path, text in pages(load_packs()):
        target = Path(argv[0]) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
