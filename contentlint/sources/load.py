"""Read one target (file or stdin) and turn it into posts."""

from __future__ import annotations

import errno
import os
import sys
from typing import Any, BinaryIO

from contentlint.config import Config
from contentlint.errors import InputError
from contentlint.fileio import NotRegularFile, read_regular
from contentlint.i18n import N_, Text
from contentlint.post import Post
from contentlint.sources.comments import FileSuppressions, scan
from contentlint.sources.profile import Profile
from contentlint.sources.readers import Loaded, Source, readers_for
from contentlint.sources.target import Target

__all__ = ["NOT_CONTENT_YAML", "Loaded", "load_target", "read_bytes"]

# Only YAML readers decline a file (it may be site config, data, i18n or CI); why it was skipped, marked for the
# catalogue, shown in the interface language by `--verbose`.
NOT_CONTENT_YAML = N_(
    "holds no post, calendar or profile (a YAML post is a mapping with a `body`, a calendar has "
    "`entries:`, a profile `kind: linkedin-profile`)"
)


def read_bytes(target: Target, max_bytes: int, stdin: BinaryIO | None = None) -> bytes:
    if target.path is None:
        stream = stdin if stdin is not None else (sys.stdin.buffer if sys.stdin is not None else None)
        try:
            if stream is None:  # `contentlint check - <&-`: Python has no sys.stdin at all
                raise OSError(errno.EBADF, os.strerror(errno.EBADF))
            return stream.read(max_bytes + 1)
        except (OSError, ValueError):
            raise InputError(Text(N_("cannot read standard input: it is closed")), target.display) from None
    _refuse_link_out_of_folder(target)
    try:
        return read_regular(target.path, max_bytes + 1)  # never more than the limit (+1 to know it was over)
    except NotRegularFile as exc:
        raise InputError(str(exc.strerror), target.display) from None
    except PermissionError:
        raise InputError(Text(N_("permission denied")), target.display) from None
    except OSError as exc:
        raise InputError(Text(N_("cannot read: {problem}"), problem=exc.strerror or str(exc)), target.display) from None


def _refuse_link_out_of_folder(target: Target) -> None:
    """A file found by walking a folder is read only when it really lies inside that folder: `posts/p.md ->
    /etc/passwd` would otherwise be read and quoted in reports (and on the web page). A symlink named on the
    command line is the user's own choice and is followed; a calendar's `file:` is held to its folder as well."""
    if target.explicit or target.root is None or target.path is None or not os.path.islink(target.path):
        return
    root = os.path.realpath(target.root)
    real = os.path.realpath(target.path)
    if os.path.commonpath([root, real]) != root:
        raise InputError(
            Text(
                N_(
                    "a symbolic link to a file outside the folder being linted; refused (name the file on "
                    "the command line to lint it)"
                )
            ),
            target.display,
        )


def load_target(
    target: Target,
    config: Config,
    stdin: BinaryIO | None = None,
    target_override: Any = None,
    data: bytes | None = None,
) -> Loaded:
    """Posts (or a calendar, or a profile) in the target, read by the first reader of the registry that accepts
    it. A file that holds none of them is skipped, whether it was named or found by walking: YAML that is no post,
    calendar or profile, and Markdown with no prose in its body. A CSV file found by walking that is no calendar
    is skipped too; named, it is an error."""
    if data is None:
        data = read_bytes(target, config.max_file_bytes, stdin)
    source = Source(target, data, config, target_override)
    reader = next((r for r in readers_for(target.display) if r.sniff(source)), None)
    if reader is None:
        return Loaded(skipped=NOT_CONTENT_YAML)
    loaded = reader.read(source)
    if loaded.skipped is not None or reader.comments is None:
        return loaded
    file = source.file()
    loaded.suppressions = scan(file.path, file.text, reader.comments)
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
        raise InputError(
            Text(N_("`contentlint:` expects {{disable: [rule-id, ...]}}")),
            post.path,
            where.line if where else None,
            where.column if where else None,
        )
    where = post.field_positions.get("contentlint")
    suppressions.add_whole_file(disable, where.line if where else 1, where.column if where else 1)
