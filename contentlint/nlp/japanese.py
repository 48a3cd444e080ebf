"""spaCy's Japanese tokenizer, made faster without changing a single token attribute.

spaCy's ``JapaneseTokenizer`` asks SudachiPy for six fields of every morpheme (the part of speech twice) and makes a
``DetailedToken`` of each, aligns those with the text in a second pass (a gap token for whitespace no morpheme
covers, a space after a word that a " " follows), then sets five attributes on every token, building a
``MorphAnalysis`` from a dict each time. ``FastJapaneseTokenizer`` goes from the morphemes to the Doc's columns in
one pass: all a token needs (its strings' hashes, its morphology, its part of speech without a neighbour) is worked
out once per distinct morpheme and found again by (surface, word id), two calls into SudachiPy; a morpheme starts
where the one before it ended, so the gaps fall out of a running sum; the columns are one numpy index into the table
of those rows, and only where a pair of TAG_BIGRAM_MAP stands does spaCy's ``resolve_pos`` look at the next tag.
The Docs are identical (tests/nlp/test_japanese.py compares every token attribute). Split mode A only, as the
pipeline uses (no sub-tokens). Importing this module imports spaCy.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.errors import Errors
from spacy.lang.ja import DetailedToken, JapaneseTokenizer, resolve_pos
from spacy.lang.ja.tag_bigram_map import TAG_BIGRAM_MAP
from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis

CACHE_LIMIT = 200_000  # distinct morphemes kept; a run over a larger vocabulary starts the cache again
CHUNK_CHARS = 12_000  # SudachiPy refuses more than 49,149 bytes at once; 12,000 characters are at most 48,000 bytes
GAP = "空白"  # spaCy's tag of whitespace, and of a gap token
_ATTRS = ["TAG", "POS", "LEMMA", "NORM", "MORPH"]  # the columns `__call__` hands to `Doc.from_array`
# A row of the table: the surface's hash, the _ATTRS (POS as a token has it when no bigram decides), the tag's index.
_ORTH, _POS, _TAG_INDEX, _COLUMNS = 0, 2, 6, 7
_WORD, _SPACE, _BLANK, _ODD = 0, 1, 2, 3  # a morpheme is a word, " ", other whitespace, or a word led by whitespace

_Entry = tuple[int, int, int]  # a morpheme's row in the table, its kind and its length


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
    words = [d.surface for d in dtokens]
    if "".join("".join(words).split()) != "".join(text.split()):
        raise ValueError(Errors.E194.format(text=text, words=words))
    if not words:
        return [], []
    if all(word.isspace() for word in words):
        return [DetailedToken(text, GAP, "", text, text, None, None)], [False]
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
            out.append(DetailedToken(between, GAP, "", between, between, None, None))
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
        out.append(DetailedToken(rest, GAP, "", rest, rest, None, None))
        spaces.append(False)
    return out, spaces


def features(inflection: str, reading: str | None) -> dict[str, str]:
    """The morphology spaCy gives a token: its inflection and its reading (without the = and | of UD features)."""
    morph = {}
    if inflection:
        morph["Inflection"] = inflection
    if reading:
        morph["Reading"] = re.sub("[=|]", "_", reading)
    return morph


class FastJapaneseTokenizer(JapaneseTokenizer):
    def __init__(self, original: JapaneseTokenizer) -> None:
        self.vocab = original.vocab
        self.split_mode = original.split_mode
        self.tokenizer = original.tokenizer
        self.need_subtokens = original.need_subtokens
        self._pos: dict[int, tuple[str, str, bool]] = {}  # part-of-speech id: tag, inflection, whether a numeral
        self._tag_index: dict[str, int] = {}
        self._tags: list[str] = []
        self._bigrams = numpy.zeros((0, 0), dtype=bool)  # [tag index, next tag index]: a pair of TAG_BIGRAM_MAP
        self._reset()

    def _reset(self) -> None:
        # (surface, word id): entry. A dictionary word's id decides its part of speech and forms; an unknown word's
        # id is its part of speech in dictionary 15, which no real dictionary is (and it is not kept, see `_entry`).
        self._morphemes: dict[tuple[str, int], _Entry] = {}
        self._by_fields: dict[tuple[str, int, str, str, str], _Entry] = {}  # the fields spaCy reads: entry
        self._gaps: dict[str, int] = {}  # whitespace no morpheme covers: its row
        self._surfaces: list[str] = []  # each row's text
        self._pending: list[tuple[int, ...]] = []  # the rows not yet in the table
        self._table = numpy.zeros((0, _COLUMNS), dtype=numpy.uint64)

    def __call__(self, text: str) -> Doc:
        if len(self._surfaces) > CACHE_LIMIT:
            self._reset()
        aligned = self._align(text)
        if aligned is None:
            return self._reference(text)
        rows, spaces = aligned
        if not rows:
            return Doc(self.vocab, words=[], spaces=[])
        self._flush()
        row_ids = numpy.array(rows, dtype=numpy.intp)
        columns = self._table[row_ids]
        self._resolve_bigrams(row_ids, columns)
        doc = Doc(self.vocab, words=columns[:, _ORTH].tolist(), spaces=spaces)
        # The attributes go in with one `from_array` (the same values the token setters would store), not five
        # setters on each of a post's thousands of tokens.
        doc.from_array(_ATTRS, columns[:, _ORTH + 1 : _TAG_INDEX])  # type: ignore[arg-type]  # thinc's Ints2d is an ndarray
        return doc

    def _align(self, text: str) -> tuple[list[int], list[bool]] | None:
        """The row of each of ``text``'s tokens and whether a space follows it, as spaCy's ``get_dtokens_and_spaces``
        aligns the morphemes with the text; None where the morphemes' surfaces do not cover the text one after the
        other (Sudachi's do) or a word starts with whitespace: spaCy's steps decide those."""
        rows: list[int] = []
        spaced: list[int] = []  # the tokens a space follows
        known = self._morphemes.get
        at = covered = 0  # where the next morpheme starts; where the text that no token covers yet starts
        after_word = False  # the last morpheme with a surface was a word: a " " right after it is the word's space
        add = rows.append  # (one lookup, not one per token)
        for piece in chunks(text):
            morphemes = list(self.tokenizer.tokenize(piece))
            surfaces = [morpheme.surface() for morpheme in morphemes]
            if "".join(surfaces) != piece:
                return None
            for surface, morpheme in zip(surfaces, morphemes, strict=True):
                if not surface:
                    continue
                row, kind, length = known((surface, morpheme.word_id())) or self._entry(morpheme, surface)
                if kind == _WORD:
                    if at > covered:
                        add(self._gap(text[covered:at]))
                    add(row)
                    at = covered = at + length
                    after_word = True
                    continue
                if kind == _SPACE and after_word:
                    spaced.append(len(rows) - 1)
                    covered += 1
                elif kind == _ODD:
                    return None
                at += length
                after_word = False
        if covered < len(text):
            rows.append(self._gap(text[covered:]))
        spaces = [False] * len(rows)
        for index in spaced:
            spaces[index] = True
        return rows, spaces

    def _entry(self, morpheme: Any, surface: str) -> _Entry:
        """The row of a morpheme not found by its key: the fields spaCy reads, looked up or added."""
        pos_id = morpheme.part_of_speech_id()
        pos = self._pos.get(pos_id)
        if pos is None:
            parts = morpheme.part_of_speech()
            tag = "-".join([x for x in parts[:4] if x != "*"])
            pos = self._pos[pos_id] = (tag, ";".join([x for x in parts[4:] if x != "*"]), parts[1] == "数詞")
        tag, inflection, numeral = pos
        fields = (surface, pos_id, morpheme.dictionary_form(), morpheme.normalized_form(), morpheme.reading_form())
        entry = self._by_fields.get(fields)
        if entry is None:
            _, _, lemma, norm, reading = fields
            row = self._add(surface, tag, lemma if lemma else surface, norm, features(inflection, reading))
            if surface.isspace():
                kind = _SPACE if surface == " " else _BLANK
            else:
                kind = _ODD if surface[0].isspace() else _WORD
            entry = self._by_fields[fields] = (row, kind, len(surface))
        # A numeral's reading depends on its neighbours (一 in 一つ is ヒト) and an unknown word has no dictionary
        # entry: neither is found again by its key.
        if not numeral and not morpheme.is_oov():
            self._morphemes[surface, morpheme.word_id()] = entry
        return entry

    def _gap(self, text: str) -> int:
        """The row of a gap token: whitespace as spaCy makes one of it."""
        row = self._gaps.get(text)
        if row is None:
            row = self._gaps[text] = self._add(text, GAP, text, text, {})
        return row

    def _add(self, surface: str, tag: str, lemma: str, norm: str, morph: dict[str, str]) -> int:
        """A new row: the hashes the token setters would store, the part of speech without a neighbour's tag."""
        strings = self.vocab.strings
        self._pending.append(
            (
                strings.add(surface),
                strings.add(tag),
                resolve_pos(surface, tag, None)[0],
                strings.add(lemma),
                strings.add(norm),
                MorphAnalysis(self.vocab, morph).key,  # type: ignore[attr-defined]  # (missing from spaCy's stubs)
                self._tag(tag),
            )
        )
        self._surfaces.append(surface)
        return len(self._surfaces) - 1

    def _tag(self, tag: str) -> int:
        """The tag's index in the matrix of TAG_BIGRAM_MAP pairs (which a new tag rebuilds)."""
        index = self._tag_index.get(tag)
        if index is None:
            index = self._tag_index[tag] = len(self._tags)
            self._tags.append(tag)
            self._bigrams = numpy.zeros((len(self._tags), len(self._tags)), dtype=bool)
            for first, second in TAG_BIGRAM_MAP:
                if first in self._tag_index and second in self._tag_index:
                    self._bigrams[self._tag_index[first], self._tag_index[second]] = True
        return index

    def _flush(self) -> None:
        """The pending rows into the table (which grows by doubling)."""
        if not self._pending:
            return
        end = len(self._surfaces)
        if end > len(self._table):
            grown = numpy.zeros((max(end, 2 * len(self._table)), _COLUMNS), dtype=numpy.uint64)
            grown[: len(self._table)] = self._table
            self._table = grown
        self._table[end - len(self._pending) : end] = self._pending
        self._pending = []

    def _resolve_bigrams(self, row_ids: Any, columns: Any) -> None:
        """The part of speech where a tag and the next one are a pair of TAG_BIGRAM_MAP, in spaCy's order: a token
        whose part of speech its predecessor decided is not resolved itself."""
        tags = columns[:, _TAG_INDEX].astype(numpy.intp)
        pairs = numpy.flatnonzero(self._bigrams[tags[:-1], tags[1:]])
        decided = -1
        for i in pairs.tolist():
            if i == decided:
                continue
            pos, next_pos = resolve_pos(self._surfaces[row_ids[i]], self._tags[tags[i]], self._tags[tags[i + 1]])
            columns[i, _POS] = pos
            if next_pos:
                columns[i + 1, _POS] = next_pos
                decided = i + 1

    def _reference(self, text: str) -> Doc:
        """spaCy's steps one by one, for a text whose morphemes ``_align`` leaves to them."""
        pieces = chunks(text)
        found = [d for piece in pieces for d in self._get_dtokens(self.tokenizer.tokenize(piece), False)]
        dtokens, spaces = dtokens_and_spaces(found, text)
        doc = Doc(self.vocab, words=[d.surface for d in dtokens], spaces=spaces)
        tags = [d.tag for d in dtokens]
        next_pos = None
        for idx, (token, dtoken) in enumerate(zip(doc, dtokens, strict=True)):
            token.tag_ = dtoken.tag
            if next_pos:
                token.pos = next_pos
                next_pos = None
            else:
                token.pos, next_pos = resolve_pos(
                    token.orth_, dtoken.tag, tags[idx + 1] if idx + 1 < len(tags) else None
                )
            token.lemma_ = dtoken.lemma if dtoken.lemma else dtoken.surface
            token.norm_ = dtoken.norm
            token.morph = MorphAnalysis(self.vocab, features(dtoken.inf, dtoken.reading))
        return doc


def speed_up(nlp: Language) -> Language:
    """``nlp`` with its Japanese tokenizer replaced by the faster one (other pipelines are returned as they are)."""
    if type(nlp.tokenizer) is JapaneseTokenizer and not nlp.tokenizer.need_subtokens:
        nlp.tokenizer = FastJapaneseTokenizer(nlp.tokenizer)
    return nlp
