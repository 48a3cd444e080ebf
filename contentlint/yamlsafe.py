"""YAML loading with positions and limits (alias expansion, nesting depth).

PyYAML's SafeLoader builds no arbitrary objects, but it will happily expand an alias bomb or recurse into a
very deep document. We compose the node graph first, walk it with a budget, and only then construct values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from contentlint.errors import InputError
from contentlint.fileio import read_regular_text
from contentlint.i18n import N_, Text
from contentlint.limits import DEFAULT_LIMITS, Limits

# libyaml's parser when PyYAML was built with it (it usually is): the same safe constructors, several times
# faster, which matters for start-up since every run parses the rule packs.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader that keeps an impossible date (`2026-13-45`) as text instead of raising from deep inside.

    The value then reaches the code that knows what the field means, which reports it with its position.
    """

    def construct_yaml_timestamp(self, node: Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


@dataclass(frozen=True, slots=True)
class LoadedYaml:
    data: Any
    node: Node | None


def load_yaml(
    text: str,
    path: str,
    line_offset: int = 0,
    error: type[Exception] = InputError,
    limits: Limits = DEFAULT_LIMITS,
    wanted: Callable[[Node], bool] | None = None,
) -> LoadedYaml:
    """Parse one YAML document; errors name the file and the line (``line_offset`` shifts embedded YAML).

    A document that ``wanted`` turns down is parsed but never built: ``LoadedYaml(None, node)``.
    """
    loader = _Loader(text)
    try:
        _check_depth(text, path, line_offset, error, limits)
        node = loader.get_single_node()
        if node is None:
            return LoadedYaml(None, None)
        _check_size(node, path, line_offset, error, limits)
        if wanted is not None and not wanted(node):
            return LoadedYaml(None, node)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        column = mark.column + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        if "nesting depth" in problem and limits.yaml_depth < _LIBRARY_DEPTH:
            # PyYAML >= 6.0.3 stops deep nesting itself (at 1,000 levels, while scanning ahead of our event
            # count): the user still meets our limit and the setting that changes it.
            raise error(_too_deep(limits), path, line, column) from None
        raise error(Text(N_("invalid YAML: {problem}"), problem=problem), path, line, column) from None
    except yaml.YAMLError as exc:
        raise error(Text(N_("invalid YAML: {problem}"), problem=str(exc)), path) from None
    except RecursionError:
        raise error(Text(N_("invalid YAML: nested too deeply")), path) from None
    except (ValueError, TypeError, OverflowError) as exc:  # a constructor refusing a value
        raise error(Text(N_("invalid YAML value: {problem}"), problem=str(exc)), path) from None
    finally:
        loader.dispose()
    return LoadedYaml(data, node)


def load_yaml_file(path: Path, what: str, error: type[Exception]) -> LoadedYaml:
    """Read and parse a YAML file of ours (config, rule pack); problems raise ``error`` naming the file."""
    where = str(path)
    try:
        text = read_regular_text(path, "utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problem = str(exc.strerror if isinstance(exc, OSError) else exc)
        raise error(
            Text(_CANNOT_READ.get(what, "cannot read {what}: {problem}"), what=what, problem=problem), where
        ) from None
    return load_yaml(text, where, error=error)


_CANNOT_READ = {"config": N_("cannot read config: {problem}"), "rule pack": N_("cannot read rule pack: {problem}")}
_LIBRARY_DEPTH = 1000  # PyYAML's own flow-nesting limit (6.0.3 and later)


def _too_deep(limits: Limits) -> Text:
    return Text(
        N_("YAML nested deeper than {depth} levels (max_yaml_depth in .contentlint.yaml)"), depth=limits.yaml_depth
    )


def _check_depth(text: str, path: str, line_offset: int, error: type[Exception], limits: Limits) -> None:
    # libyaml's composer recurses once per level and crashes the process (not a Python RecursionError) on a
    # document nested tens of thousands deep, so nesting is counted on the parser's events first: the event
    # parser is a state machine, and counting is cheap.
    depth = 0
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > limits.yaml_depth:
                mark = event.start_mark  # None only for events built by hand, never for a parser's
                line, column = (mark.line + 1 + line_offset, mark.column + 1) if mark else (None, None)
                raise error(_too_deep(limits), path, line, column)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def _check_size(root: Node, path: str, line_offset: int, error: type[Exception], limits: Limits) -> None:
    # Iterative walk counting every visit: aliases revisit shared nodes, so an alias bomb exhausts the budget.
    budget = limits.yaml_nodes
    stack: list[tuple[Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        budget -= 1
        if budget < 0:
            raise error(
                Text(
                    N_(
                        "YAML too large once aliases are expanded (over {count} nodes; "
                        "max_yaml_nodes in .contentlint.yaml)"
                    ),
                    count=limits.yaml_nodes,
                ),
                path,
                root.start_mark.line + 1 + line_offset,
            )
        if depth > limits.yaml_depth:
            raise error(_too_deep(limits), path, node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)
        if isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
        elif isinstance(node, SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)


def mapping_nodes(node: Node | None) -> dict[str, tuple[Node, Node]]:
    """Top-level ``key -> (key node, value node)`` of a mapping node (for positions of fields and their keys)."""
    if not isinstance(node, MappingNode):
        return {}
    return {key.value: (key, value) for key, value in node.value if isinstance(key, ScalarNode)}


def mapping_value_nodes(node: Node | None) -> dict[str, Node]:
    """Top-level ``key -> value node`` of a mapping node (for positions of front-matter fields)."""
    return {name: value for name, (_key, value) in mapping_nodes(node).items()}
