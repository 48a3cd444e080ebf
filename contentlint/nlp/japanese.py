"""spaCy's Japanese tokenizer, made faster without changing a single token attribute.

spaCy's ``JapaneseTokenizer`` asks SudachiPy for six fields of every morpheme (the part of speech twice) and builds a
``MorphAnalysis`` from a dict for every token; in a post most morphemes are repeats (の, を, する, the product's
name). ``FastJapaneseTokenizer`` keeps what a dictionary word gives per (surface, word id, part-of-speech id) and what a
detailed token gives per its fields (string hashes and the morphology), and otherwise runs the same steps
in the same order: the Docs are identical (tests/nlp/test_japanese.py compares every token attribute). Split mode A
only, as the pipeline uses (no sub-tokens). Importing this module imports spaCy.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.errors import Errors
from spacy.lang.ja import DetailedToken, JapaneseTokenizer, resolve_pos
from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis

CACHE_LIMIT = 200_000  # distinct morphemes kept; a run over a larger vocabulary starts the cache again
_ATTRS = ["TAG", "POS", "LEMMA", "NORM", "MORPH"]  # the columns `__call__` hands to `Doc.from_array`
CHUNK_CHARS = 12_000  # SudachiPy refuses more than 49,149 bytes at once; 12,000 characters are at most 48,000 bytes


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` in pieces of at most ``size`` characters, cut after a line break (else after 。, else anywhere) in
    the second half of each piece, so that SudachiPy can read a long post; joined they are ``text``."""
    pieces = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = window.rfind("\n")
        if cut < size // 2:
            cut = window.rfind("。")
        end = start + (cut + 1 if cut >= size // 2 else size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def dtokens_and_spaces(dtokens: list[DetailedToken], text: str) -> tuple[list[DetailedToken], list[bool]]:
    """spaCy's ``get_dtokens_and_spaces``: the tokens of ``text`` with a gap token for each run of whitespace no
    morpheme covers, and whether a single space follows each. The same steps, except that each word is looked
    for from the current position in ``text`` itself, not in a copy of the rest of it (which made a long post
    quadratic)."""
    gap = "空白"
    words = [d.surface for d in dtokens]
    if "".join("".join(words).split()) != "".join(text.split()):
        raise ValueError(Errors.E194.format(text=text, words=words))
    if not words:
        return [], []
    if all(word.isspace() for word in words):
        return [DetailedToken(text, gap, "", text, text, None, None)], [False]
    out: list[DetailedToken] = []
    spaces: list[bool] = []
    pos = 0
    count = len(dtokens)
    for i, (word, dtoken) in enumerate(zip(words, dtokens, strict=True)):
        if word.isspace():
            continue
        try:
            start = text.index(word, pos)
        except ValueError:
            raise ValueError(Errors.E194.format(text=text, words=words)) from None
        if start > pos:
            between = text[pos:start]
            out.append(DetailedToken(between, gap, "", between, between, None, None))
            spaces.append(False)
            pos = start
        out.append(dtoken)
        pos += len(word)
        if i + 1 < count and words[i + 1] == " ":
            spaces.append(True)
            pos += 1
        else:
            spaces.append(False)
    if pos < len(text):
        rest = text[pos:]
        out.append(DetailedToken(rest, gap, "", rest, rest, None, None))
        spaces.append(False)
    return out, spaces


class FastJapaneseTokenizer(JapaneseTokenizer):
    def __init__(self, original: JapaneseTokenizer) -> None:
        self.vocab = original.vocab
        self.split_mode = original.split_mode
        self.tokenizer = original.tokenizer
        self.need_subtokens = original.need_subtokens
        self._morphemes: dict[tuple[str, int, int], DetailedToken] = {}
        self._pos: dict[int, tuple[str, ...]] = {}
        self._attributes: dict[DetailedToken, tuple[int, int, int, int]] = {}

    def __call__(self, text: str) -> Doc:
        pieces = [d for piece in chunks(text) for d in self._dtokens(self.tokenizer.tokenize(piece))]
        dtokens, spaces = dtokens_and_spaces(pieces, text)
        doc = Doc(self.vocab, words=[d.surface for d in dtokens], spaces=spaces)
        if not dtokens:
            return doc
        # The attributes go in with one `from_array` (the same values the token setters would store), not five
        # setters on each of a post's thousands of tokens.
        tags = [d.tag for d in dtokens]
        last = len(tags) - 1
        attributes_of = self._attributes_of
        rows = []
        next_pos = None
        for idx, dtoken in enumerate(dtokens):
            tag, lemma, norm, morph = attributes_of(dtoken)
            if next_pos:
                pos, next_pos = next_pos, None
            else:
                pos, next_pos = resolve_pos(dtoken.surface, dtoken.tag, tags[idx + 1] if idx < last else None)
            rows.append((tag, pos, lemma, norm, morph))
        doc.from_array(_ATTRS, numpy.array(rows, dtype="uint64"))  # type: ignore[arg-type]  # thinc's Ints2d is an ndarray
        return doc

    def _dtokens(self, morphemes: Any) -> list[DetailedToken]:
        """spaCy's ``_get_dtokens`` without sub-tokens: empty morphemes dropped, runs of spaces merged."""
        if len(self._morphemes) > CACHE_LIMIT:
            self._morphemes.clear()
            self._attributes.clear()
        dtokens = []
        for morpheme in morphemes:
            surface = morpheme.surface()
            if not surface:
                continue
            pos_id = morpheme.part_of_speech_id()
            pos = self._pos.get(pos_id)
            if pos is None:
                pos = self._pos[pos_id] = morpheme.part_of_speech()
            # A numeral's reading depends on its neighbours (一 in 一つ is ヒト) and an unknown word has no
            # dictionary entry: neither is kept.
            key = None if pos[1] == "数詞" or morpheme.is_oov() else (surface, morpheme.word_id(), pos_id)
            dtoken = self._morphemes.get(key) if key is not None else None
            if dtoken is None:
                dtoken = DetailedToken(
                    surface,
                    "-".join([x for x in pos[:4] if x != "*"]),
                    ";".join([x for x in pos[4:] if x != "*"]),
                    morpheme.dictionary_form(),
                    morpheme.normalized_form(),
                    morpheme.reading_form(),
                    None,
                )
                if key is not None:
                    self._morphemes[key] = dtoken
            dtokens.append(dtoken)
        return [
            t
            for idx, t in enumerate(dtokens)
            if idx == 0
            or not t.surface.isspace()
            or t.tag != "空白"
            or not dtokens[idx - 1].surface.isspace()
            or dtokens[idx - 1].tag != "空白"
        ]

    def _attributes_of(self, dtoken: DetailedToken) -> tuple[int, int, int, int]:
        """(tag, lemma, norm, morphology) hashes, as spaCy's tokenizer sets them from the detailed token."""
        found = self._attributes.get(dtoken)
        if found is None:
            strings = self.vocab.strings
            morph = {}
            if dtoken.inf:
                morph["Inflection"] = dtoken.inf
            if dtoken.reading:
                morph["Reading"] = re.sub("[=|]", "_", dtoken.reading)
            found = (
                strings.add(dtoken.tag),
                strings.add(dtoken.lemma if dtoken.lemma else dtoken.surface),
                strings.add(dtoken.norm),
                MorphAnalysis(self.vocab, morph).key,  # type: ignore[attr-defined]  # (missing from spaCy's stubs)
            )
            self._attributes[dtoken] = found
        return found


def speed_up(nlp: Language) -> Language:
    """``nlp`` with its Japanese tokenizer replaced by the faster one (other pipelines are returned as they are)."""
    if type(nlp.tokenizer) is JapaneseTokenizer and not nlp.tokenizer.need_subtokens:
        nlp.tokenizer = FastJapaneseTokenizer(nlp.tokenizer)
    return nlp
