"""The `.contentlint.yaml` whose `brief:` the web page edits: which file it is, and saving a brief into it.

Saving changes only the `brief:` key: the text before and after it, comments included, is kept byte for byte
(comments inside the old brief go with it). The new file is written next to the old one and renamed over it, so
a reader never sees half a file; it is checked with the config loader before the rename, so a save never leaves
a config that `contentlint check` refuses. Nothing is written outside the project folder: the folder of the
config file in use, or the server's working folder when there is none yet.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from contentlint.brief import Brief
from contentlint.config import CONFIG_NAMES, Config, find_config_file, load_config
from contentlint.errors import ConfigError
from contentlint.fileio import read_regular
from contentlint.i18n import N_, Text

KEY = "brief"


@dataclass(frozen=True, slots=True)
class BriefFile:
    """The config file the page reads its brief from and saves it to (``path`` may not exist yet)."""

    path: Path
    folder: Path  # the project folder: the only place a save writes

    @classmethod
    def for_server(cls, config_file: Path | None, use_config_files: bool, cwd: Path) -> BriefFile | None:
        """The config the page's drafts are checked with: ``--config``, else the nearest one upward from the
        working folder, else a new one there; None with ``--no-config`` (there is nothing to save into)."""
        if not use_config_files:
            return None
        path = config_file or find_config_file(cwd) or cwd / CONFIG_NAMES[0]
        path = Path(os.path.abspath(path))
        return cls(path, path.parent)

    def load(self) -> Config:
        """The config as the loader reads it (defaults when the file does not exist yet); ConfigError if broken."""
        return load_config(self.path) if self.path.exists() else Config()

    def save(self, brief: Brief) -> None:
        """Write ``brief`` as the file's `brief:`; ConfigError (nothing written) when that cannot be done safely."""
        where = str(self.path)
        target = self._target()
        old = _read(target) if target.exists() else ""
        bom = old.startswith("\ufeff")
        text = old.removeprefix("\ufeff")
        newline = "\r\n" if "\r\n" in text else "\n"
        text = text.replace("\r\n", "\n")
        try:
            before = yaml.safe_load(text) if text.strip() else None
        except yaml.YAMLError:
            raise ConfigError(
                Text(N_("the config file is not valid YAML; fix it before saving the brief")), where
            ) from None
        if before is not None and not isinstance(before, dict):
            raise ConfigError(Text(N_("config must be a mapping of settings")), where, 1)
        wanted = {**(before or {}), KEY: brief_data(brief)}
        new = replace_brief(text, brief)
        if new is None or yaml.safe_load(new) != wanted:
            # a layout we cannot edit in place (a flow-style mapping, `...`): the whole mapping, comments lost
            new = yaml.safe_dump(wanted, allow_unicode=True, sort_keys=False, width=1_000_000)
        _write_checked(target, ("\ufeff" if bom else "") + new.replace("\n", newline))

    def _target(self) -> Path:
        """The file to replace, refused when it (or a link to it) is anywhere but directly in the folder."""
        folder = self.folder.resolve()
        if self.path.is_symlink() or self.path.parent.resolve() != folder:
            raise ConfigError(
                Text(N_("the config file is a link or lies outside the project folder; edit it by hand")),
                str(self.path),
            )
        if self.path.exists() and not stat.S_ISREG(self.path.stat().st_mode):
            raise ConfigError(Text(N_("the config file is not a regular file")), str(self.path))
        return folder / self.path.name


def brief_data(brief: Brief) -> dict[str, Any]:
    """The brief as YAML data, leaving out empty lists (what a person would have written)."""
    products = []
    for product in brief.products:
        item: dict[str, Any] = {"name": product.name}
        for key in ("aliases", "audiences", "jobs", "proof"):
            if getattr(product, key):
                item[key] = list(getattr(product, key))
        products.append(item)
    return {**({"audiences": list(brief.audiences)} if brief.audiences else {}), "products": products}


def brief_block(brief: Brief, indent: int = 0) -> str:
    """`brief:` and its value in block style, one list item a line (so a comma in `$1,900` stays in its item)."""
    block = yaml.safe_dump(
        {KEY: brief_data(brief)}, allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=False
    )
    return "".join(" " * indent + line for line in block.splitlines(keepends=True))


def replace_brief(text: str, brief: Brief) -> str | None:
    """``text`` with its `brief:` (appended when there is none) replaced by ``brief``, the rest untouched; None
    when the document is not a block mapping this can edit in place."""
    root = yaml.compose(text, Loader=yaml.SafeLoader) if text.strip() else None
    if root is None:
        return (text + ("\n" if text and not text.endswith("\n") else "")) + brief_block(brief)
    if not isinstance(root, MappingNode) or root.flow_style:
        return None
    found = next(((key, value) for key, value in root.value if isinstance(key, ScalarNode) and key.value == KEY), None)
    if found is None:
        return text + ("" if text.endswith("\n") else "\n") + brief_block(brief, root.start_mark.column)
    key, value = found
    start = key.start_mark.index - key.start_mark.column
    end = max(key.end_mark.index, _content_end(value))
    line_end = text.find("\n", end)
    rest = "" if line_end < 0 else text[line_end + 1 :]
    return text[:start] + brief_block(brief, key.start_mark.column) + rest


def _content_end(node: Node) -> int:
    """Where a value's last character is: a block collection's own end mark runs on to the next key (past the
    comments before it), so it is the end of its last item."""
    if isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style:
        items = [part for pair in node.value for part in pair] if isinstance(node, MappingNode) else node.value
        return max((_content_end(item) for item in items), default=node.start_mark.index)
    return node.end_mark.index


def _read(path: Path) -> str:
    try:
        return read_regular(path).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            Text(N_("cannot read config: {problem}"), problem=str(exc.strerror if isinstance(exc, OSError) else exc)),
            str(path),
        ) from None


def _write_checked(target: Path, text: str) -> None:
    """Write beside ``target``, check it with the config loader, then rename it over ``target`` (atomic)."""
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", newline="", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
        ) as handle:
            temporary = Path(handle.name)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        try:
            load_config(temporary)
        except ConfigError as error:
            raise ConfigError(error.message, str(target), error.line, error.column) from None
        os.replace(temporary, target)
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
