"""Read one target (file or stdin) and turn it into posts."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from yaml.nodes import Node

from contentlint.calendar.model import Calendar
from contentlint.errors import ContentlintError
from contentlint.fileio import NotRegularFile, read_regular
from contentlint.sourcemap import SourceFile
from contentlint.sources.calendar import decode_csv, is_calendar, load_csv_calendar, load_yaml_calendar
from contentlint.suppress import FileSuppressions, scan
from contentlint.config import Config
from contentlint.errors import EmptyPost, InputError
from contentlint.i18n import N_
from contentlint.model import Post
from contentlint.sources.decode import decode
from contentlint.sources.discover import Target
from contentlint.sources.post import is_yaml_post, markdown_post, yaml_post
from contentlint.sources.profile import Profile, is_profile, load_profile
from contentlint.yamlsafe import load_yaml, mapping_nodes

YAML_SUFFIXES = (".yaml", ".yml")
# A YAML post has `body`, a calendar `entries`, a profile `kind`: a document with none of them at the top is site
# config, data, i18n or CI, and is never built (so tags only its own tool knows, such as mkdocs' !!python/name,
# cannot make it an error).
_CONTENT_KEYS = frozenset({"body", "entries", "kind"})
# Why a file was skipped; marked for the catalogue, shown in the interface language by `--verbose`.
NOT_CONTENT_YAML = N_("holds no post, calendar or profile (a YAML post is a mapping with a `body`, a calendar has "
                      "`entries:`, a profile `kind: linkedin-profile`)")
NO_PROSE = N_("no prose to lint (empty, front matter only, a section page or a redirect stub)")


def read_bytes(target: Target, max_bytes: int, stdin: BinaryIO | None = None) -> bytes:
    if target.path is None:
        stream = stdin if stdin is not None else (sys.stdin.buffer if sys.stdin is not None else None)
        try:
            if stream is None:  # `contentlint check - <&-`: Python has no sys.stdin at all
                raise OSError("closed")
            return stream.read(max_bytes + 1)
        except (OSError, ValueError):
            raise InputError("cannot read standard input: it is closed", target.display) from None
    _refuse_link_out_of_folder(target)
    try:
        return read_regular(target.path, max_bytes + 1)  # never more than the limit (+1 to know it was over)
    except NotRegularFile as exc:
        raise InputError(str(exc.strerror), target.display) from None
    except PermissionError:
        raise InputError("permission denied", target.display) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", target.display) from None


def _refuse_link_out_of_folder(target: Target) -> None:
    """A file found by walking a folder is read only when it really lies inside that folder: `posts/p.md ->
    /etc/passwd` would otherwise be read and quoted in reports (and on the web page). A symlink named on the
    command line is the user's own choice and is followed; a calendar's `file:` is held to its folder as well."""
    if target.explicit or target.root is None or target.path is None or not os.path.islink(target.path):
        return
    root = os.path.realpath(target.root)
    real = os.path.realpath(target.path)
    if os.path.commonpath([root, real]) != root:
        raise InputError("a symbolic link to a file outside the folder being linted; refused (name the file on "
                         "the command line to lint it)", target.display)


@dataclass(slots=True)
class Loaded:
    """What one file holds: posts, or a calendar whose entries are the posts, or a profile; plus per-entry errors.

    ``skipped`` says why a file holds none of them (YAML that is not content, Markdown without prose).
    """

    posts: list[Post] = field(default_factory=list)
    calendar: Calendar | None = None
    errors: list[ContentlintError] = field(default_factory=list)
    suppressions: FileSuppressions | None = None
    profile: Profile | None = None
    skipped: str | None = None


def load_target(target: Target, config: Config, stdin: BinaryIO | None = None,
                target_override: Any = None, data: bytes | None = None) -> Loaded:
    """Posts (or a calendar, or a profile) in the target. A file that holds none of them is skipped, whether it was
    named or found by walking: YAML that is no post, calendar or profile, and Markdown with no prose in its body.
    A CSV file found by walking that is no calendar is skipped too; named, it is an error."""
    if data is None:
        data = read_bytes(target, config.max_file_bytes, stdin)
    name = target.display.lower()
    if name.endswith(".csv"):
        file = decode_csv(data, target.display, config.max_file_bytes)
        try:
            calendar, errors = load_csv_calendar(file, config.language, target_override or None, config.limits,
                                                 config.target, config.tolerance)
        except InputError:
            if not target.explicit:
                return Loaded()
            raise
        return Loaded([e.post for e in calendar.entries if e.post], calendar, errors)
    file = decode(data, target.display, config.max_file_bytes)
    loaded = _load_text(target, config, file, name, target_override)
    if loaded.skipped is not None:
        return loaded
    loaded.suppressions = scan(file.path, file.text, yaml=name.endswith(YAML_SUFFIXES))
    for post in loaded.posts:
        if post.calendar is None:
            _front_matter_disable(post, loaded.suppressions)
    if loaded.profile is not None:
        _front_matter_disable(loaded.profile, loaded.suppressions)
    return loaded


def _front_matter_disable(post: Post | Profile, suppressions: FileSuppressions) -> None:
    """`contentlint: {disable: [rule-id, ...]}` in front matter (a YAML post, a profile) silences rules for the file."""
    settings = post.fields.get("contentlint")
    if settings is None or post.path != suppressions.path:
        return
    disable = settings.get("disable") if isinstance(settings, dict) else None
    if not isinstance(disable, list) or not all(isinstance(r, str) for r in disable):
        where = post.field_positions.get("contentlint")
        raise InputError("`contentlint:` expects {disable: [rule-id, ...]}", post.path,
                         where.line if where else None, where.column if where else None)
    where = post.field_positions.get("contentlint")
    suppressions.add_whole_file(disable, where.line if where else 1, where.column if where else 1)


def _load_text(target: Target, config: Config, file: SourceFile, name: str, target_override: Any) -> Loaded:
    if name.endswith(YAML_SUFFIXES):
        loaded = load_yaml(file.text, file.path, limits=config.limits, wanted=_may_hold_content)
        if is_profile(loaded.data):
            return Loaded(profile=load_profile(file, loaded.data, loaded.node, config.language))
        if is_calendar(loaded.data):
            calendar, errors = load_yaml_calendar(file, loaded.data, loaded.node, config.language,
                                                  config.limits, target_override or None, config.target,
                                                  config.tolerance)
            return Loaded([e.post for e in calendar.entries if e.post], calendar, errors)
        if not is_yaml_post(loaded.data):
            return Loaded(skipped=NOT_CONTENT_YAML)
        return Loaded([yaml_post(file, config.language, loaded)])
    if target.path is None:  # text piped in is a post by intent: empty, it is an error
        return Loaded([markdown_post(file, config.language, config.limits)])
    try:
        post = markdown_post(file, config.language, config.limits)
    except EmptyPost:
        return Loaded(skipped=NO_PROSE)
    if not post.text[post.body_start:].strip():
        return Loaded(skipped=NO_PROSE)  # a title alone is a page's name (Hugo `_index.md`), not a post
    return Loaded([post])


def _may_hold_content(node: Node) -> bool:
    return bool(_CONTENT_KEYS.intersection(mapping_nodes(node)))
