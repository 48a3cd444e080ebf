"""The registry lists every rule kind once; kinds know their scope and register nothing by being imported."""

from __future__ import annotations

import json
import subprocess
import sys

from contentlint.checks.pack import load_packs
from contentlint.checks.protocol import SCOPES
from contentlint.checks.registry import ALL, KINDS, scope_of
from contentlint.packfiles import default_pack_files
from tests.helpers import REPO


def test_every_kind_is_listed_once_with_a_known_scope() -> None:
    assert len(KINDS) == len(ALL)
    assert {kind.scope for kind in ALL} == set(SCOPES)
    assert {name: scope_of(name) for name in ("phrases", "promo-streak", "profile-checklist")} == {
        "phrases": "post",
        "promo-streak": "calendar",
        "profile-checklist": "profile",
    }


def test_the_default_packs_use_only_listed_kinds() -> None:
    used = {rule.kind for rule in load_packs(default_pack_files()).rules.values()}
    assert used <= set(KINDS)


def test_importing_a_kind_module_registers_nothing() -> None:
    probe = (
        "import json, sys; import contentlint.checks.kinds; "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('contentlint.checks.'))))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO).stdout
    loaded = set(json.loads(out))
    assert "contentlint.checks.kinds" in loaded
    others = {
        f"contentlint.checks.{name}"
        for name in ("calendar", "channel", "classified", "profile", "requires", "registry", "engine", "pack")
    }
    assert not loaded & others, loaded & others
