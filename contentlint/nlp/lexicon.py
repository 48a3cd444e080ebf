"""Cue lexicons: the `cues:` sections of the rule packs (cue set -> language -> phrases), the classifier's evidence.

They are read here, below the rules, so that analysis (and training and evaluation) never import the rule engine:
the rule layer validates the rest of a pack and passes its merged lexicon down.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from contentlint import optionschema as opt
from contentlint.errors import RuleError
from contentlint.i18n import N_, Text
from contentlint.packfiles import default_pack_files
from contentlint.yamlsafe import load_yaml_file

Lexicon = dict[str, dict[str, tuple[str, ...]]]  # cue set -> language -> phrases
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def parse_cues(raw: Any, where: str) -> Lexicon:
    """One pack's `cues:` mapping, validated; a problem is a RuleError naming the pack and the cue set."""
    if not isinstance(raw, dict):
        raise RuleError(Text(N_("cues: expected a mapping of cue set -> {{language: [phrase, ...]}}")), where)
    cues = {}
    for cue_set, by_lang in raw.items():
        if not isinstance(cue_set, str) or not _NAME.match(cue_set):
            raise RuleError(
                Text(N_("cues: cue set name {name} must be lower-case words joined by '-'"), name=repr(cue_set)), where
            )
        problem = opt.per_language(opt.STRING_LIST)(by_lang)
        if problem:
            raise RuleError(Text("cues.{name}: {problem}", name=cue_set, problem=problem), where)
        cues[cue_set] = {lang: tuple(phrases) for lang, phrases in by_lang.items()}
    return cues


def merge_cues(into: Lexicon, cues: Mapping[str, Mapping[str, tuple[str, ...]]]) -> None:
    """Add a later pack's cues: phrases are appended to the set's list for their language, each once."""
    for cue_set, by_lang in cues.items():
        merged = into.setdefault(cue_set, {})
        for lang, phrases in by_lang.items():
            merged[lang] = tuple(dict.fromkeys((*merged.get(lang, ()), *phrases)))


def load_cues(paths: Iterable[Path]) -> Lexicon:
    """The merged cue lexicon of the packs at ``paths`` (their rules are not read)."""
    cues: Lexicon = {}
    for path in paths:
        data = load_yaml_file(path, "rule pack", RuleError).data
        if isinstance(data, dict):
            merge_cues(cues, parse_cues(data.get("cues", {}), str(path)))
    return cues


def default_cues() -> Lexicon:
    """The lexicon of the shipped packs: what the shipped models were trained and are evaluated with."""
    return load_cues(default_pack_files())
