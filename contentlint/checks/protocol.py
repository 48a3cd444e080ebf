"""The rule protocol: what every rule kind is, whatever it looks at.

A kind (``Kind``) is a small unit of Python that YAML rules name with ``kind:``. It declares its options
(``schema``), the scope it reads, whether it needs the spaCy Doc, and compiles one rule's params for one language
into a ``Checker`` once. A checker reads one subject of its scope and yields what it found:

- ``post``: the ``Analysis`` of one post, yielding ``Hit``s (a span of the text, or a front-matter position);
- ``calendar``: the ``CalendarReport`` of a calendar or a feed (a folder of dated posts), yielding ``CalendarHit``s;
- ``profile``: a LinkedIn ``Profile``, yielding one ``PointResult`` per checklist point.

The engine (``rules/engine.py``) turns each into findings at file positions. Kinds are listed in
``rules/registry.py``; nothing registers itself by being imported.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from contentlint.analysis import Analysis
from contentlint.post import Position

if TYPE_CHECKING:
    from spacy.language import Language

    from contentlint.optionschema import Option

SCOPES = ("post", "calendar", "profile")

Subject = TypeVar("Subject", contravariant=True)
Found = TypeVar("Found", covariant=True)


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a post rule fired: a span of the post's text, or an explicit position (front-matter fields)."""

    start: int = 0
    end: int = 0
    position: Position | None = None
    values: Mapping[str, Any] = field(default_factory=dict)
    path: str | None = None  # with ``position``: a file other than the post's own (its calendar)


class Checker(Protocol[Subject, Found]):
    """One rule compiled for one language: reads a subject of its kind's scope, yields what it found."""

    def check(self, subject: Subject, /) -> Iterator[Found]: ...


PostChecker = Checker[Analysis, Hit]


class Kind(Protocol):
    """A rule kind; see the module's docstring."""

    @property
    def name(self) -> str: ...

    @property
    def scope(self) -> str: ...  # one of SCOPES

    @property
    def needs_doc(self) -> bool: ...

    @property
    def schema(self) -> Mapping[str, Option]: ...

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        """A problem with params that the schema cannot see alone (a language listed without its phrases)."""

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> Checker[Any, Any]: ...
