"""A config's rule settings applied to its packs' rules: on or off, the level, and options checked against the
rule kind's schema (yamllint's per-rule options), each error naming the config file, the rule and the option."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from contentlint.checks.pack import Rule
from contentlint.checks.registry import KINDS
from contentlint.config import RuleOverride
from contentlint.errors import ConfigError
from contentlint.i18n import N_, Text


def configured(rules: Mapping[str, Rule], settings: Mapping[str, RuleOverride], where: str | None) -> dict[str, Rule]:
    """``rules`` as ``settings`` (the config file ``where``'s `rules:`) change them; a setting's options replace
    the rule's params of the same name. Raises ConfigError on an unknown rule id or a bad option."""
    out = dict(rules)
    for rule_id, setting in settings.items():
        if rule_id not in out:
            raise ConfigError(
                Text(N_("rules: unknown rule id `{rule}` (see `contentlint rules`)"), rule=rule_id), where, setting.line
            )
        rule = out[rule_id]
        params = _with_options(rule, setting.options, where, setting.line) if setting.options else rule.params
        out[rule_id] = replace(
            rule,
            enabled=rule.enabled if setting.enabled is None else setting.enabled,
            level=setting.level or rule.level,
            params=params,
        )
    return out


def _with_options(rule: Rule, options: Mapping[str, Any], where: str | None, line: int | None) -> dict[str, Any]:
    kind = KINDS[rule.kind]
    for name, value in options.items():
        option = kind.schema.get(name)
        if option is None:
            known = ", ".join(sorted(kind.schema))
            text = (
                Text(
                    N_("rules: `{rule}`: unknown option `{option}` (a `{kind}` rule takes: {known})"),
                    rule=rule.id,
                    option=name,
                    kind=rule.kind,
                    known=known,
                )
                if known
                else Text(
                    N_("rules: `{rule}`: unknown option `{option}` (a `{kind}` rule takes no options)"),
                    rule=rule.id,
                    option=name,
                    kind=rule.kind,
                )
            )
            raise ConfigError(text, where, line)
        problem = option.check(value)
        if problem:
            raise ConfigError(
                Text(N_("rules: `{rule}`: option `{option}`: {problem}"), rule=rule.id, option=name, problem=problem),
                where,
                line,
            )
    params = {**rule.params, **options}
    problem = kind.check_params(params, rule.languages)
    if problem:
        raise ConfigError(Text(N_("rules: `{rule}`: options: {problem}"), rule=rule.id, problem=problem), where, line)
    return params
