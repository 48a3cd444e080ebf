"""Languages without a pipeline, recognised only so that detection can say "unsupported" instead of reading
them with the English model. A false alarm costs more than a miss: a text is called one of these only when its
letters or its function words leave no doubt; anything less stays English."""

from __future__ import annotations

from contentlint.languages.base import TextCounts
from contentlint.languages.en import FUNCTION_WORDS as ENGLISH

SCRIPT_SHARE = 0.3  # Hangul (or any script we have no language for) at least this share of the letters
MIN_FUNCTION_WORDS = 5  # a language's own function words, at least this many different ones ...
OVER_ENGLISH = 2  # ... and this many times the English ones ...
WORD_SHARE = 0.15  # ... and this share of the Latin-script words (prose has far more; code and names far less)

# Function words of Latin-script languages, without the ones English shares ("a", "in", "on" ...) and without
# one-letter words (`e`, `o`, `y` are variable names in code as often as words).
_FUNCTION_WORDS = {
    "fr": "le la les de des du un une et est sont pour avec dans en sur que qui ne pas vous vos nous ce cette ces "
    "au aux leur leurs par plus mais ou être très il ils elle son sa ses",
    "de": "der die das und ist sind nicht mit für auf ein eine einen dem den des zu sie wir ich auch wie oder "
    "aber wenn noch nur",
    "es": "el la los las de en y es son para con por una del al que se su sus pero como más muy este esta",
    "pt": "o os as de em e é são para com por uma do da dos das ao que se seu sua mas como mais muito este esta não",
    "it": "il lo la gli le di e è sono per con una del della che non come più questo questa anche",
    "nl": "de het een en is zijn voor met op niet dat die van ook maar naar wij je",
}
FUNCTION_WORDS = {
    code: frozenset(w for w in words.split() if len(w) > 1) - ENGLISH for code, words in _FUNCTION_WORDS.items()
}


def unsupported(counts: TextCounts) -> str | None:
    """The tag of a language we cannot analyse that ``counts`` clearly come from (`und` for a script we cannot
    name); None when the text may well be English."""
    if counts.has_share(counts.hangul, SCRIPT_SHARE):
        return "ko"
    other = counts.letters - counts.latin - counts.cjk - counts.hangul
    if counts.has_share(other, SCRIPT_SHARE) and other > counts.latin:
        return "und"
    english = sum(word in ENGLISH for word in counts.words)
    for code, words in FUNCTION_WORDS.items():
        hits = [word for word in counts.words if word in words]
        if (
            len(set(hits)) >= MIN_FUNCTION_WORDS
            and len(hits) >= OVER_ENGLISH * max(english, 1)
            and len(hits) >= WORD_SHARE * len(counts.words)
        ):
            return code
    return None
