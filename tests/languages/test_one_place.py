"""Adding a language has one place (issue #16): its profile in contentlint/languages/. Code elsewhere reads the
profile's facts instead of comparing a language code with a literal, and every name a profile gives (a reader of
rewrite, a speed-up of nlp, a spaCy component) is one the layer that owns it knows."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from contentlint import languages
from contentlint.nlp import pipeline
from contentlint.rewrite.extract import READERS

PACKAGE = Path(languages.__file__).resolve().parent.parent
CODES = frozenset(languages.codes())
# Files outside contentlint/languages/ allowed to compare a language code with a literal, each with its reason.
ALLOWED = {
    "checks/profile.py": "a checklist point needs an `en` name and advice: English is the fallback language of the "
    "rule packs' texts (checks/messages.py), a fact of the packs, not of a language",
}


def _literal_codes(node: ast.AST) -> set[str]:
    """The language codes ``node`` is or holds as literals ("ja"; ("ja", "zh"); {"en"})."""
    items = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
    return {i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str) and i.value in CODES}


def literal_code_comparisons(source: str) -> Iterator[tuple[int, str]]:
    """(line, code) of each comparison of something with a literal language code: ``==``, ``!=``, ``in``,
    ``not in``, ``is``, and ``case "ja":`` in a match statement."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            for code in sorted(set().union(*(_literal_codes(n) for n in (node.left, *node.comparators)))):
                yield node.lineno, code
        elif isinstance(node, ast.MatchValue):
            for code in sorted(_literal_codes(node.value)):
                yield node.lineno, code


@pytest.mark.parametrize(
    "source, expected",
    [
        ('if post.lang == "ja":\n    pass\n', [(1, "ja")]),
        ('x = "、" if profile.lang in ("ja", "zh") else ", "\n', [(1, "ja"), (1, "zh")]),
        ('if "en" != lang:\n    pass\n', [(1, "en")]),
        ('match lang:\n    case "zh":\n        pass\n', [(2, "zh")]),
        ('if lang != "*" and lang in codes:\n    pass\n', []),
        ('groups = [p for p in items if p.lang == lang]\nnames = {"ja": "日本語"}\n', []),
    ],
)
def test_the_check_finds_comparisons_with_a_literal_code(source: str, expected: list[tuple[int, str]]) -> None:
    assert list(literal_code_comparisons(source)) == expected


def test_no_code_outside_the_profiles_compares_a_language_code_with_a_literal() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {code!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.parent.name != "languages" and path.relative_to(PACKAGE).as_posix() not in ALLOWED
        for line, code in literal_code_comparisons(path.read_text(encoding="utf-8"))
    ]
    assert not found, "a language fact outside contentlint/languages/ (put it in the profile):\n" + "\n".join(found)


@pytest.mark.parametrize("code", languages.codes())
def test_every_name_a_profile_gives_is_known(code: str) -> None:
    profile = languages.get(code)
    assert profile.grammar.reader in READERS
    assert profile.pipeline.tune is None or profile.pipeline.tune in pipeline.TUNERS


@pytest.mark.parametrize("code", languages.codes())
def test_the_pipeline_is_the_one_the_profile_describes(code: str) -> None:
    spec = languages.get(code).pipeline
    nlp = pipeline.base(code)
    assert (nlp.lang, tuple(nlp.pipe_names)) == (code, spec.components)
    settings = nlp.config["nlp"]["tokenizer"]
    assert all(settings[key] == value for key, value in spec.tokenizer.items())
