"""The labels, groups and purchase stages contentlint decides for each post."""

from __future__ import annotations

LABELS = ("product", "sale", "release", "problem", "howto")
GROUPS = ("promotional", "insight")
STAGES = ("pre", "at", "post")
GROUP_OF = {
    "product": "promotional",
    "sale": "promotional",
    "release": "promotional",
    "problem": "insight",
    "howto": "insight",
}
# The classes the model predicts: every valid (label, stage) pair. Promotional posts serve the moment of
# purchase; a problem post comes before it; a how-to either attracts new readers (pre) or helps existing
# users get more from what they bought (post).
CLASSES = ("product/at", "sale/at", "release/at", "problem/pre", "howto/pre", "howto/post")
VALID_STAGES = {"product": ("at",), "sale": ("at",), "release": ("at",), "problem": ("pre",), "howto": ("pre", "post")}


def class_of(label: str, stage: str) -> str:
    return f"{label}/{stage}"


def split_class(name: str) -> tuple[str, str]:
    label, stage = name.split("/")
    return label, stage
