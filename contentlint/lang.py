"""Which language a post is in: front matter `lang` > config > detection from the text."""

from __future__ import annotations

from contentlint import languages

SUPPORTED = languages.codes()
_ALIASES = {
    "jp": "ja",
    "jpn": "ja",
    "japanese": "ja",
    "eng": "en",
    "english": "en",
    "chinese": "zh",
    "zho": "zh",
    "cn": "zh",
}


def normalise(tag: object) -> str:
    """`ja-JP`, `JA`, `Japanese` -> `ja`; keeps unknown tags (lowercased primary subtag)."""
    text = str(tag).strip().lower().replace("_", "-")
    primary = text.split("-", 1)[0]
    return _ALIASES.get(primary, primary)


def detect(text: str) -> str:
    """The language of ``text`` (see `contentlint.languages.detect`): a supported one, or the tag of one we do
    not support when the text clearly is in it."""
    return languages.detect(text)


def resolve(front_matter_lang: object, config_lang: str | None, text: str) -> tuple[str, str]:
    """(language, where it came from): 'front-matter', 'config' or 'detected'."""
    if front_matter_lang not in (None, ""):
        return normalise(front_matter_lang), "front-matter"
    if config_lang:
        return normalise(config_lang), "config"
    return detect(text), "detected"
