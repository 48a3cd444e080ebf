"""Which language a post is in: front matter `lang` > config > detection from the text."""
from __future__ import annotations

import re

SUPPORTED = ("en", "ja", "zh")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")
_ALIASES = {"jp": "ja", "jpn": "ja", "japanese": "ja", "eng": "en", "english": "en", "chinese": "zh",
            "zho": "zh", "cn": "zh"}


def normalise(tag: object) -> str:
    """`ja-JP`, `JA`, `Japanese` -> `ja`; keeps unknown tags (lowercased primary subtag)."""
    text = str(tag).strip().lower().replace("_", "-")
    primary = text.split("-", 1)[0]
    return _ALIASES.get(primary, primary)


def detect(text: str) -> str:
    """Japanese when kana are present, Chinese for Han without kana, else English.

    CJK has to make up a real share of the letters, so an English post quoting one Japanese word stays English.
    """
    kana = len(_KANA.findall(text))
    han = len(_HAN.findall(text))
    cjk = kana + han
    if not cjk:
        return "en"
    letters = len(_LETTER.findall(text))
    if cjk < 0.3 * max(letters, 1):
        return "en"
    return "ja" if kana else "zh"


def resolve(front_matter_lang: object, config_lang: str | None, text: str) -> tuple[str, str]:
    """(language, where it came from): 'front-matter', 'config' or 'detected'."""
    if front_matter_lang not in (None, ""):
        return normalise(front_matter_lang), "front-matter"
    if config_lang:
        return normalise(config_lang), "config"
    return detect(text), "detected"
