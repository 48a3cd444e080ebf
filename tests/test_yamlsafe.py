"""YAML limits speak in our words whichever layer (our event count or PyYAML's own limit) stops the document."""

from __future__ import annotations

import pytest

from contentlint.errors import InputError
from contentlint.limits import DEFAULT_LIMITS
from contentlint.yamlsafe import load_yaml


@pytest.mark.parametrize("depth", [DEFAULT_LIMITS.yaml_depth + 1, 500, 5_000, 50_000])
def test_deep_flow_nesting_names_our_limit_and_its_setting(depth: int) -> None:
    with pytest.raises(InputError) as caught:
        load_yaml("title: " + "[" * depth + "]" * depth + "\n", "deep.yaml")
    message = str(caught.value)
    assert f"nested deeper than {DEFAULT_LIMITS.yaml_depth} levels" in message and "max_yaml_depth" in message


def test_nesting_within_the_limit_loads() -> None:
    depth = DEFAULT_LIMITS.yaml_depth - 1
    assert load_yaml("[" * depth + "]" * depth, "ok.yaml").data is not None
