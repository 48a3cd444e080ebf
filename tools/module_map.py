"""The module map of the docs site (`architecture/modules.md`), generated from the package when MkDocs builds it.

MkDocs loads this file as a hook (`hooks:` in mkdocs.yml). Each module of `contentlint/` is listed under its
package with the first sentence of its docstring, read with `ast` (nothing is imported), so the map is the code as
it is in the checkout: a module added, moved or renamed shows up at the next build, and one without a docstring
shows up as such.
"""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path
from typing import Any

PACKAGE = "contentlint"
_MISSING = "*(no docstring)*"
_CODE_SPAN = re.compile(r"(`+).+?\1")


def summary(path: Path) -> str:
    """The first paragraph of a module's docstring, on one line (or a mark that it has none)."""
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    if not docstring:
        return _MISSING
    text = " ".join(docstring.split("\n\n")[0].split()).replace("|", "\\|")
    out, last = [], 0
    for match in _CODE_SPAN.finditer(text):  # code spans as written; the rest shows `<` and `&` literally
        out += [html.escape(text[last : match.start()], quote=False), match.group(0)]
        last = match.end()
    return "".join([*out, html.escape(text[last:], quote=False)])


def module_map(root: Path) -> str:
    """Markdown: one table per package folder of ``root / PACKAGE``, module -> summary, in path order."""
    package = root / PACKAGE
    folders: dict[str, list[Path]] = {}
    for path in sorted(package.rglob("*.py")):
        folders.setdefault(path.parent.relative_to(root).as_posix(), []).append(path)
    lines = [
        "# Module map",
        "",
        "Every module of the package with the first paragraph of its docstring, generated from the code when "
        "the site is built (`tools/module_map.py`). See [Architecture](../architecture.md) for how the parts "
        "fit together and where a change goes.",
        "",
    ]
    for folder, paths in folders.items():
        lines += [f"## `{folder}/`", "", "| module | what it is |", "|---|---|"]
        lines += [f"| `{path.name}` | {summary(path)} |" for path in paths]
        lines.append("")
    return "\n".join(lines)


def on_files(files: Any, config: Any) -> Any:
    """MkDocs hook: add the generated module map to the site's files."""
    from mkdocs.structure.files import File

    root = Path(config["config_file_path"]).resolve().parent
    files.append(File.generated(config, "architecture/modules.md", content=module_map(root)))
    return files
