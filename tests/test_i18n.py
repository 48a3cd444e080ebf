"""The interface language: how it is chosen, and that the shipped catalogues are complete and compiled."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys

import pytest

from contentlint import i18n
from tests.helpers import REPO


def _catalogues_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("catalogues", REPO / "tools" / "catalogues.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogues"] = module
    spec.loader.exec_module(module)
    return module


def test_every_message_is_translated_and_every_mo_matches_its_po() -> None:
    """Extracts the messages from the code as `python tools/catalogues.py` does: a new or changed message
    without a Japanese and Chinese translation, or a .po edited without compiling its .mo, fails here."""
    tool = _catalogues_tool()
    template = tool.extract()
    assert len([m for m in template if m.id]) > 100
    for language in ("ja", "zh"):
        assert tool.stale(template, language) == []


def test_a_stale_mo_is_caught(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tool = _catalogues_tool()
    template = tool.extract()
    po = tool.po_path("ja")
    copy = tmp_path / "ja" / "LC_MESSAGES"
    copy.mkdir(parents=True)
    (copy / "contentlint.po").write_bytes(po.read_bytes().replace("購入前".encode(), "購入の前".encode()))
    (copy / "contentlint.mo").write_bytes(po.with_suffix(".mo").read_bytes())
    monkeypatch.setattr(tool, "LOCALE", tmp_path)
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    assert any("does not match its .po" in line for line in tool.stale(template, "ja"))


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "ja_JP.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "ja_JP.UTF-8", "LC_ALL": "C"}, "en"),  # LC_ALL overrides, and C is English
        ({"LC_ALL": "", "LANG": "zh_TW.UTF-8"}, "zh"),  # an empty variable counts as unset
        ({"LANG": "fr_FR.UTF-8"}, "en"),  # no catalogue: English
    ],
)
def test_the_locale_picks_the_language(environ: dict[str, str], expected: str) -> None:
    assert i18n.resolve(None, environ) == expected


def test_ui_lang_wins_over_the_locale() -> None:
    assert i18n.resolve("ja", {"LANG": "zh_CN.UTF-8"}) == "ja"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("ja,en-US;q=0.9,en;q=0.8", "ja"),
        ("fr-FR,fr;q=0.9,zh-CN;q=0.5,en;q=0.4", "zh"),
        ("en;q=0.2, ja;q=0.7", "ja"),
        ("ja;q=0, en", "en"),  # q=0: not acceptable
        ("fr, de", None),
        ("", None),
        (None, None),
        ("*", None),
        ("ja;q=abc", None),
    ],
)
def test_accept_language(header: str | None, expected: str | None) -> None:
    assert i18n.from_accept_language(header) == expected


def test_plurals_are_real_plurals() -> None:
    english = i18n.translations("en")
    assert english.ngettext("%(count)s post", "%(count)s posts", 1) % {"count": 1} == "1 post"
    assert english.ngettext("%(count)s post", "%(count)s posts", 2) % {"count": 2} == "2 posts"
    japanese = i18n.translations("ja")
    assert japanese.ngettext("%(count)s post", "%(count)s posts", 1) % {"count": 1} == "投稿 1 件"
    assert japanese.ngettext("%(count)s post", "%(count)s posts", 5) % {"count": 5} == "投稿 5 件"
    assert i18n.translations("zh").gettext("why") == "原因"


def test_a_text_reads_as_english_and_is_shown_in_any_interface_language() -> None:
    import pickle

    inner = i18n.Text("expected a number from 0 to 1")
    text = i18n.Text(
        "rules: `{rule}`: option `{option}`: {problem}", rule="low-confidence", option="below", problem=inner
    )
    assert text == "rules: `low-confidence`: option `below`: expected a number from 0 to 1"
    assert (
        i18n.localise(text, "ja") == "rules：`low-confidence`：オプション `below`：0 から 1 までの数を指定してください"
    )
    assert i18n.localise(text, "zh") == "rules：`low-confidence`：选项 `below`：应为 0 到 1 之间的数"
    assert i18n.localise("not a Text", "ja") == "not a Text"
    copy = pickle.loads(pickle.dumps(text))  # an error made in a worker process reaches the parent as a Text
    assert copy == text and i18n.localise(copy, "ja") == i18n.localise(text, "ja")


# Messages the scan finds that no person ever reads, kept in English on purpose: (module, message) -> why. Any
# other English-only message fails the scan below, and so does an entry here whose message is gone.
NEVER_SHOWN = {
    ("contentlint/cache.py", "foreign entry"): (
        "raised and caught inside Cache.get: the entry is rebuilt and nothing is said"
    ),
    ("contentlint/sourcemap.py", "projection text and offsets differ in length"): (
        "an invariant of the readers, broken only by a bug, which reaches a person as FileCrashed's bug report"
    ),
}
# calls whose first argument a person reads: exceptions (…Error, …Exception), click's output and usage errors, and
# the progress and problem callbacks (`log`, `fail`)
SHOWN_BY = {"echo", "secho", "BadParameter", "UsageError", "fail", "log"}
# keyword arguments of click's commands, options and arguments that --help shows (marked with N_, translated when
# the help is formatted); a command's docstring would be its help too, so commands take help= instead
HELP_KEYWORDS = {"help", "short_help", "epilog", "metavar"}
CLICK_DECLARATIONS = {"command", "group", "option", "argument", "version_option", "help_option"}
_WORD = re.compile(r"[A-Za-z]{2,}")
_NAMES = {"contentlint"}


def _english(node: ast.expr) -> bool:
    """A literal (plain, f-string or concatenated) with an English word in it, not passed through the catalogue."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(w not in _NAMES for w in _WORD.findall(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_english(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _english(node.left) or _english(node.right)
    return False


def _click_command(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether ``node`` is decorated as a click command or group (``@click.command(...)``, ``@cli.group()``)."""
    for decorator in node.decorator_list:
        func = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(func, ast.Attribute) and func.attr in ("command", "group"):
            return True
    return False


def unmarked(source: str, allowed: frozenset[str] = frozenset()) -> list[int]:
    """The lines of ``source`` where a message a person reads is an English literal (not `Text(N_(...))`,
    `gettext(...)` or a value made elsewhere), other than the literals in ``allowed`` (messages no person sees)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        functions = (ast.FunctionDef, ast.AsyncFunctionDef)
        if isinstance(node, functions) and _click_command(node) and ast.get_docstring(node) is not None:
            found.append(node.body[0].lineno)
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in CLICK_DECLARATIONS:
            found += [k.value.lineno for k in node.keywords if k.arg in HELP_KEYWORDS and _english(k.value)]
        if not node.args:
            continue
        shown = (name.endswith(("Error", "Exception")) and name != "AssertionError") or name in SHOWN_BY
        first = node.args[0]
        if shown and _english(first) and not (isinstance(first, ast.Constant) and first.value in allowed):
            found.append(node.lineno)
    return found


def test_the_scan_finds_english_only_messages_and_passes_marked_ones() -> None:
    assert unmarked('raise ConfigError(f"unknown key `{key}`", where)\n') == [1]
    assert unmarked('click.echo("contentlint: " + "baseline written", err=True)\n') == [1]
    assert unmarked('raise fail("params: expected a mapping")\n') == [1]
    assert unmarked('raise ConfigError(Text(N_("unknown key `{key}`"), key=key), where)\n') == []
    assert unmarked('click.echo("contentlint: " + catalogue.gettext("skipped {path}"))\n') == []
    assert unmarked('click.echo(f"{path}:{line}: {message}")\n') == []
    assert unmarked('raise ValueError("foreign entry")\n', frozenset({"foreign entry"})) == []
    assert unmarked('raise ValueError(f"foreign entry {key}")\n', frozenset({"foreign entry {key}"})) == [1]
    assert unmarked('click.option("--force", is_flag=True, help="Overwrite it.")\n') == [1]
    assert unmarked('click.argument("paths", metavar="PATH...")\n') == [1]
    assert unmarked('click.option("--force", help=N_("Overwrite it."), metavar=N_("FILE"))\n') == []
    assert unmarked('click.option("--target", metavar="[a|b]")\n') == []
    assert unmarked('@click.command("init")\ndef command() -> int:\n    """Write a config."""\n') == [3]
    assert unmarked('@click.command("init", help=N_("Write a config."))\ndef command() -> int:\n    pass\n') == []


def test_no_english_only_message() -> None:
    found = {}
    for path in sorted((REPO / "contentlint").rglob("*.py")):
        module = path.relative_to(REPO).as_posix()
        source = path.read_text(encoding="utf-8")
        allowed = frozenset(message for where, message in NEVER_SHOWN if where == module)
        lines = unmarked(source, allowed)
        if lines:
            found[module] = lines
        for message in allowed:
            assert len(unmarked(source, allowed - {message})) > len(lines), (
                f"NEVER_SHOWN names a message that {module} no longer has: {message!r}"
            )
    assert not found, f"English-only messages: mark them with Text(N_(...)) or gettext and translate them: {found}"
