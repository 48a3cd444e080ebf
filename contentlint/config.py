"""`.contentlint.yaml`: one schema, defaults, validation, and discovery from each file's folder upward."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from yaml.nodes import MappingNode, SequenceNode

from contentlint.brief import Brief, parse_brief
from contentlint.calendar.mix import effective_target
from contentlint.errors import ConfigError
from contentlint.globs import matches_any
from contentlint.i18n import N_, Text
from contentlint.limits import DEFAULT_LIMITS, Limits
from contentlint.post import LEVELS
from contentlint.yamlsafe import load_yaml_file

CONFIG_NAMES = (".contentlint.yaml", ".contentlint.yml")
DEFAULT_EXCLUDE = (".*", "node_modules", "__pycache__", "venv")
FAIL_LEVELS = ("error", "warning", "info")
DEFAULT_FAIL_UNDER = 60  # a calendar whose mix score is in the "fail" band fails the run


@dataclass(frozen=True, slots=True)
class RuleOverride:
    """A config's setting of one rule. ``options`` replace the pack's params of the same name; they are checked
    against the rule kind's schema where the rule book is built (`rules/configured.py`), which knows the kind.
    ``line`` is where the rule is named in the config file (for errors)."""

    enabled: bool | None = None
    level: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    line: int | None = field(default=None, compare=False)

    def key(self) -> tuple[bool | None, str | None, str]:
        """What decides the rules this setting makes, as a hashable value (a rule set's cache key)."""
        return self.enabled, self.level, json.dumps(self.options, sort_keys=True, default=str)


@dataclass(frozen=True, slots=True)
class PathOverride:
    files: tuple[str, ...]
    rules: Mapping[str, RuleOverride]


@dataclass(frozen=True, slots=True)
class Config:
    """The effective settings for a file. ``path`` is the config file it came from (None: defaults)."""

    path: Path | None = None
    language: str | None = None
    fail_level: str = "warning"
    # None: every file some input reader reads (`contentlint.sources.readers.include_globs`, which the walk asks)
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    packs: tuple[Path, ...] = ()
    rules: Mapping[str, RuleOverride] = field(default_factory=dict)
    max_file_bytes: int = DEFAULT_LIMITS.file_bytes
    max_yaml_nodes: int = DEFAULT_LIMITS.yaml_nodes
    max_yaml_depth: int = DEFAULT_LIMITS.yaml_depth
    max_calendar_entries: int = DEFAULT_LIMITS.calendar_entries
    target: Any = None  # preset name or {pre, at, post} shares; None: the calendar's own, else 80-20
    tolerance: float = 0.1
    fail_under: int = DEFAULT_FAIL_UNDER
    overrides: tuple[PathOverride, ...] = ()
    brief: Brief = field(default_factory=Brief)
    docs_url: str | None = None  # where the team hosts the docs site (no trailing slash); None: not hosted

    @property
    def limits(self) -> Limits:
        return Limits(self.max_file_bytes, self.max_yaml_nodes, self.max_yaml_depth, self.max_calendar_entries)

    def for_path(self, path: Path, folder: bool = False) -> Config:
        """This config with the `overrides` whose globs match ``path`` (relative to the config's folder).

        A ``folder`` (a feed) is matched as `its/path/`, so `blog/**` and `blog/posts` both take in the feed of
        `blog/posts` as well as its posts."""
        if not self.overrides or self.path is None:
            return self
        try:
            relative = path.resolve().relative_to(self.path.parent.resolve()).as_posix()
        except ValueError:
            return self
        if folder:
            relative = ("" if relative == "." else relative) + "/"
        rules = dict(self.rules)
        matched = False
        for override in self.overrides:
            if matches_any(override.files, relative):
                rules.update(override.rules)
                matched = True
        return replace(self, rules=rules, overrides=()) if matched else self

    def to_dict(self) -> dict[str, Any]:
        return {
            "config_file": str(self.path) if self.path else None,
            "language": self.language,
            "fail_level": self.fail_level,
            "include": None if self.include is None else list(self.include),
            "exclude": list(self.exclude),
            "packs": [str(p) for p in self.packs],
            "rules": {rule_id: _override_dict(o) for rule_id, o in sorted(self.rules.items())},
            "max_file_bytes": self.max_file_bytes,
            "max_yaml_nodes": self.max_yaml_nodes,
            "max_yaml_depth": self.max_yaml_depth,
            "max_calendar_entries": self.max_calendar_entries,
            "target": self.target,
            "tolerance": self.tolerance,
            "fail_under": self.fail_under,
            "overrides": [
                {"files": list(o.files), "rules": {k: _override_dict(v) for k, v in sorted(o.rules.items())}}
                for o in self.overrides
            ],
            "brief": self.brief.to_dict(),
            "docs_url": self.docs_url,
        }


def _override_dict(override: RuleOverride) -> Any:
    if override.options:  # the mapping form, which loads back as the same setting
        return {
            **({} if override.enabled is None else {"enabled": override.enabled}),
            **({"level": override.level} if override.level else {}),
            "options": {name: override.options[name] for name in sorted(override.options)},
        }
    if override.enabled is False:
        return "off"
    return override.level or "on"


# key -> (check, description); check returns the parsed value or raises ValueError with the complaint
def _language(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(Text(N_("expected a language code such as en, ja or zh")))
    return value.strip()


def _fail_level(value: Any) -> str:
    if not isinstance(value, str) or value not in FAIL_LEVELS:
        raise ValueError(Text(N_("expected one of {choices}"), choices=", ".join(FAIL_LEVELS)))
    return value


def _globs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(Text(N_("expected a list of glob patterns")))
    return tuple(value)


def _size(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError(Text(N_("expected a positive number of bytes")))
    return value


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError(Text(N_("expected a positive whole number")))
    return value


def _rule_overrides(value: Any) -> dict[str, RuleOverride]:
    if value is None:  # `rules:` with only commented-out entries below it
        return {}
    if not isinstance(value, dict):
        raise ValueError(Text(N_("expected a mapping of rule id -> off | on | error | warning | info")))
    overrides = {}
    for rule_id, setting in value.items():
        options: dict[str, Any] = {}
        if isinstance(setting, dict):
            unknown = set(setting) - {"level", "enabled", "options"}
            if unknown:
                raise ValueError(
                    Text(
                        N_("{rule}: unknown key `{key}` (use level, enabled, options)"),
                        rule=rule_id,
                        key=sorted(unknown, key=str)[0],
                    )
                )
            level, enabled = setting.get("level"), setting.get("enabled")
            options = _rule_options(rule_id, setting.get("options"))
        elif setting is False or setting == "off":
            level, enabled = None, False
        elif setting is True or setting == "on":
            level, enabled = None, True
        else:
            level, enabled = setting, None
        if level is not None and level not in LEVELS:
            raise ValueError(
                Text(
                    N_("{rule}: expected off, on or a level ({levels}), got {value}"),
                    rule=rule_id,
                    levels=", ".join(LEVELS),
                    value=repr(level),
                )
            )
        if enabled is not None and not isinstance(enabled, bool):
            raise ValueError(Text(N_("{rule}: enabled must be true or false"), rule=rule_id))
        overrides[str(rule_id)] = RuleOverride(
            enabled=enabled if enabled is not None else (True if level else None), level=level, options=options
        )
    return overrides


def _rule_options(rule_id: Any, value: Any) -> dict[str, Any]:
    """A rule's `options:` as written; their names and values are the rule kind's to check."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(name, str) for name in value):
        raise ValueError(
            Text(N_("{rule}: options: expected a mapping of option name -> value, e.g. {{below: 0.4}}"), rule=rule_id)
        )
    return value


def _target(value: Any) -> Any:
    effective_target(config_target=value)  # raises ValueError with the reason
    return value


def _tolerance(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 0.5:
        raise ValueError(Text(N_("expected a number from 0 to 0.5")))
    return float(value)


def _score(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise ValueError(Text(N_("expected a whole number from 0 to 100")))
    return value


def _docs_url(value: Any) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value.strip()) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(
            Text(N_("expected the web address of the docs site, such as https://docs.example.com/contentlint"))
        )
    return parts.geturl().rstrip("/")


def _overrides(value: Any) -> tuple[PathOverride, ...]:
    if not isinstance(value, list):
        raise ValueError(Text(N_("expected a list of {{files: [glob, ...], rules: {{rule-id: off|on|level}}}}")))
    out = []
    for index, item in enumerate(value):
        if not isinstance(item, dict) or set(item) - {"files", "rules"} or "files" not in item:
            raise ValueError(
                Text(N_("item {number}: expected {{files: [glob, ...], rules: {{...}}}}"), number=index + 1)
            )
        out.append(PathOverride(_globs(item["files"]), _rule_overrides(item.get("rules") or {})))
    return tuple(out)


_SCHEMA = {
    "language": (_language, "default language when a post has no `lang` (else detected)"),
    "fail_level": (_fail_level, "lowest finding level that makes the exit code 1"),
    "include": (_globs, "files to lint when walking folders"),
    "exclude": (_globs, "files and folders to skip when walking folders"),
    "packs": (None, "extra rule packs (files or folders), relative to this config file"),
    "rules": (_rule_overrides, "per-rule: off, on, a level, or {level, enabled, options: {name: value}}"),
    "max_file_bytes": (_size, "larger files are skipped with a warning (default 2000000)"),
    "max_yaml_nodes": (_count, "YAML nodes per file once aliases are expanded (default 100000)"),
    "max_yaml_depth": (_count, "nesting levels of a YAML document (default 64)"),
    "max_calendar_entries": (_count, "entries read from one calendar (default 5000)"),
    "target": (_target, "stage-mix target: 80-20, 4-1-1, thirds, 70-20-10 or {pre: .., at: .., post: ..}"),
    "tolerance": (_tolerance, "allowed distance from a custom target's shares"),
    "fail_under": (_score, "a calendar or feed scoring below this fails the run (exit 1)"),
    "overrides": (_overrides, "per-path rule settings: [{files: [glob, ...], rules: {rule-id: off|on|level}}]"),
    "brief": (
        parse_brief,
        "brand brief for rewrites: {audiences, products: [{name, aliases, audiences, jobs, proof}]}",
    ),
    "docs_url": (_docs_url, "where your team hosts contentlint's docs site: rules then link to their pages there"),
}
CONFIG_KEYS = tuple(_SCHEMA)


def load_config(path: Path) -> Config:
    where = str(path)
    loaded = load_yaml_file(path, "config", ConfigError)
    data = loaded.data if loaded.data is not None else {}
    if not isinstance(data, dict):
        raise ConfigError(Text(N_("config must be a mapping of settings")), where, 1)
    lines = _key_lines(loaded.node)
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _SCHEMA:
            raise ConfigError(
                Text(N_("unknown key `{key}` (known: {known})"), key=key, known=", ".join(CONFIG_KEYS)),
                where,
                lines.get(key),
            )
        check = _SCHEMA[key][0]
        try:
            values[key] = _packs(value, path.parent) if key == "packs" else check(value)  # type: ignore[misc]
        except ValueError as exc:
            raise ConfigError(
                Text("{key}: {problem}", key=key, problem=exc.args[0] if exc.args else ""), where, lines.get(key)
            ) from None
    if values.get("rules"):
        values["rules"] = _with_lines(values["rules"], _child(loaded.node, "rules"))
    if values.get("overrides"):
        items = _child(loaded.node, "overrides")
        values["overrides"] = tuple(
            replace(
                o,
                rules=_with_lines(
                    o.rules,
                    _child(items.value[i], "rules")
                    if isinstance(items, SequenceNode) and i < len(items.value)
                    else None,
                ),
            )
            for i, o in enumerate(values["overrides"])
        )
    return replace(Config(path=path), **values)


def _child(node: Any, key: str) -> Any:
    """The value node of ``key`` in a mapping node (None when there is none)."""
    if isinstance(node, MappingNode):
        for key_node, value in node.value:
            if key_node.value == key:
                return value
    return None


def _with_lines(rules: Mapping[str, RuleOverride], node: Any) -> dict[str, RuleOverride]:
    """``rules`` with the line where each rule is named (its errors point there)."""
    lines = _key_lines(node)
    return {rule_id: replace(o, line=lines.get(rule_id)) for rule_id, o in rules.items()}


def _packs(value: Any, base: Path) -> tuple[Path, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(Text(N_("expected a list of paths to rule pack files or folders")))
    paths = tuple((base / v).resolve() for v in value)
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise ValueError(Text(N_("rule pack not found: {path}"), path=str(missing[0])))
    return paths


def _key_lines(node: Any) -> dict[str, int]:
    if not isinstance(node, MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _value in node.value}


def find_config_file(directory: Path) -> Path | None:
    """The nearest config file in ``directory`` or its parents."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.exists() and not candidate.is_dir():  # a FIFO named so is refused when read, not skipped
                return candidate
    return None


class ConfigResolver:
    """Finds the effective config for each file: `--config`, `--no-config`, or the nearest file upward."""

    def __init__(self, explicit: Path | None = None, use_files: bool = True) -> None:
        self._explicit = load_config(explicit) if explicit else None
        self._use_files = use_files
        self._by_dir: dict[Path, Config] = {}
        self._by_file: dict[Path, Config] = {}

    @classmethod
    def fixed(cls, config: Config) -> ConfigResolver:
        """A resolver that gives ``config`` for every folder (an API caller's own config object)."""
        resolver = cls()
        resolver._explicit = config
        return resolver

    def for_directory(self, directory: Path) -> Config:
        if self._explicit is not None:
            return self._explicit
        if not self._use_files:
            return Config()
        directory = directory.resolve()
        if directory not in self._by_dir:
            found = find_config_file(directory)
            if found is None:
                self._by_dir[directory] = Config()
            else:
                if found not in self._by_file:
                    self._by_file[found] = load_config(found)
                self._by_dir[directory] = self._by_file[found]
        return self._by_dir[directory]

    def for_file(self, path: Path) -> Config:
        return self.for_directory(path.parent)
