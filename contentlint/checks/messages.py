"""Rule messages: ``{placeholder}`` templates filled with what a rule found, in the subject's language."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def format_message(template: str, values: Mapping[str, Any]) -> str:
    """Fill ``{name}`` placeholders; anything else (attribute access, indexing) stays literal text."""
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


def localised(texts: Mapping[str, str], lang: str) -> str:
    """The text for ``lang``, else the English one (every per-language text of a pack has ``en``)."""
    return texts.get(lang) or texts["en"]
