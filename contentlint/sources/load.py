"""Read one target (file or stdin) and turn it into posts."""
from __future__ import annotations

import sys
from typing import BinaryIO

from contentlint.config import Config
from contentlint.errors import InputError
from contentlint.model import Post
from contentlint.sources.decode import decode
from contentlint.sources.discover import Target
from contentlint.sources.post import is_yaml_post, markdown_post, yaml_post
from contentlint.yamlsafe import load_yaml

YAML_SUFFIXES = (".yaml", ".yml")


def read_bytes(target: Target, max_bytes: int, stdin: BinaryIO | None = None) -> bytes:
    if target.path is None:
        stream = stdin or sys.stdin.buffer
        return stream.read(max_bytes + 1)
    try:
        with open(target.path, "rb") as handle:
            return handle.read(max_bytes + 1)  # never read more than the limit (+1 to know it was over)
    except IsADirectoryError:
        raise InputError("is a directory", target.display) from None
    except PermissionError:
        raise InputError("permission denied", target.display) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", target.display) from None


def load_posts(target: Target, config: Config, stdin: BinaryIO | None = None) -> list[Post]:
    """Posts in the target; [] for a YAML file found by walking that holds no post (data, CI config...)."""
    data = read_bytes(target, config.max_file_bytes, stdin)
    file = decode(data, target.display, config.max_file_bytes)
    name = target.display.lower()
    if name.endswith(YAML_SUFFIXES):
        loaded = load_yaml(file.text, file.path)
        if isinstance(loaded.data, dict) and "entries" in loaded.data:
            raise InputError("editorial calendars are not supported yet", target.display, 1, 1)
        if not is_yaml_post(loaded.data):
            if target.explicit:
                raise InputError("not a post: a YAML post is a mapping with a `body` (and usually a `title`)",
                                 target.display, 1, 1)
            return []
        return [yaml_post(file, config.language)]
    return [markdown_post(file, config.language)]
