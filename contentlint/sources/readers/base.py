"""What an input format is to contentlint: a `Reader` (suffixes, sniffing, parsing, comment syntax) and the
`Source` it reads from, one file's bytes decoded and parsed at most once whichever readers look at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from yaml.nodes import Node

from contentlint.sourcemap import SourceFile
from contentlint.sources.comments import CommentSyntax, FileSuppressions
from contentlint.sources.decode import decode
from contentlint.yamlsafe import LoadedYaml, load_yaml, mapping_nodes

if TYPE_CHECKING:
    from contentlint.calendar.entries import Calendar
    from contentlint.config import Config
    from contentlint.errors import ContentlintError
    from contentlint.post import Post
    from contentlint.sources.profile import Profile
    from contentlint.sources.target import Target

# A YAML post has `body`, a calendar `entries`, a profile `kind`: a document with none of them at the top is site
# config, data, i18n or CI, and is never built (so tags only its own tool knows, such as mkdocs' !!python/name,
# cannot make it an error).
_CONTENT_KEYS = frozenset({"body", "entries", "kind"})


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


@dataclass(slots=True)
class Source:
    """One target's bytes and the settings that govern reading it. The decoded text and the parsed YAML are
    made on first use and kept, so several readers can sniff the same file for the cost of one parse."""

    target: Target
    data: bytes
    config: Config
    target_override: Any = None  # the command line's stage-mix target, which beats a calendar's own
    _file: SourceFile | None = None
    _yaml: LoadedYaml | None = None

    def file(self) -> SourceFile:
        """The bytes as text (UTF-8 or a clear InputError naming the file)."""
        if self._file is None:
            self._file = decode(self.data, self.target.display, self.config.max_file_bytes)
        return self._file

    def yaml(self) -> LoadedYaml:
        """The text as one YAML document; built only when it may hold a post, calendar or profile."""
        if self._yaml is None:
            file = self.file()
            self._yaml = load_yaml(file.text, file.path, limits=self.config.limits, wanted=_may_hold_content)
        return self._yaml


class Reader(Protocol):
    """One input format. The registry (`contentlint.sources.readers.READERS`) tries, in its order, the readers
    whose suffix the file has; the first whose `sniff` accepts the source reads it."""

    @property
    def name(self) -> str:
        """A short name for the format (`markdown`, `csv-calendar` ...)."""

    @property
    def suffixes(self) -> tuple[str, ...]:
        """Lower-case file name endings, dot included; a folder walk's default include globs are made of them."""

    @property
    def comments(self) -> CommentSyntax | None:
        """How suppression comments are written in this format; None: the format has no comments."""

    def sniff(self, source: Source) -> bool:
        """Whether this reader understands the file (it may decode or parse it: the source keeps the result)."""

    def read(self, source: Source) -> Loaded:
        """The posts, calendar or profile in the file; user errors are InputErrors naming the file."""


def _may_hold_content(node: Node) -> bool:
    return bool(_CONTENT_KEYS.intersection(mapping_nodes(node)))
