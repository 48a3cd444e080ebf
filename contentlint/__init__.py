"""contentlint: a linter for content strategy (promotional vs insight-led posts, purchase stages)."""
from __future__ import annotations

__version__ = "0.1.0"
