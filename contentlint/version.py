"""The package's version, in a module of its own: modules anywhere in the layers read it without importing the
package's public API (``contentlint/__init__.py``), which sits above them all."""

from __future__ import annotations

__version__ = "0.1.0"
