"""User-facing error types. Each carries the path (and position where known); the CLI prints one line, exit 2."""

from __future__ import annotations

import copy

from contentlint.i18n import Text, localise


class ContentlintError(Exception):
    """Base class: a problem caused by the user's input, config or rules, never by a bug."""

    def __init__(
        self, message: str, path: str | None = None, line: int | None = None, column: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def location(self) -> str:
        parts = [self.path or "<unknown>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}"

    def in_language(self, language: str) -> ContentlintError:
        """This error with its message in the interface ``language``, when it was written as an `i18n.Text`."""
        if not isinstance(self.message, Text):
            return self
        translated = copy.copy(self)
        translated.message = localise(self.message, language)
        translated.args = (translated.message,)
        return translated


class InputError(ContentlintError):
    """A post or calendar file that cannot be read or parsed."""


class EmptyPost(InputError):
    """A post with no title and no prose: an error for a YAML post or calendar entry; a Markdown file like that
    holds no post and is skipped."""


class FileSkipped(InputError):
    """A file over a size limit: skipped and reported as a warning (the run goes on; nothing in it was wrong)."""


class ConfigError(ContentlintError):
    """A .contentlint.yaml that is malformed or names unknown keys/rules."""


class RuleError(ContentlintError):
    """A rule pack that does not match the rule schema."""


class FileCrashed(ContentlintError):
    """Not the user's fault: contentlint failed on this one file (a bug). The file gets one error line and the
    rest of the run goes on."""

    @classmethod
    def of(cls, exc: BaseException, path: str | None) -> FileCrashed:
        detail = " ".join(str(exc).split())[:200]
        return cls(
            f"contentlint failed on this file ({type(exc).__name__}{': ' + detail if detail else ''}); "
            "the other files were linted — please report this with the file",
            path,
        )
