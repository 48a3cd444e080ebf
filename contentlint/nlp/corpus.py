"""Labelled corpora (JSONL): reading, validating, and turning records into the text the model reads."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contentlint import lang as language
from contentlint import languages
from contentlint.errors import InputError
from contentlint.i18n import N_, Text
from contentlint.nlp.features import ENTRY_BODY_CHARS, PLACE_FIELDS
from contentlint.post import Post
from contentlint.sourcemap import ProjectionBuilder, SourceFile
from contentlint.sources.markdown import project_markdown
from contentlint.sources.post import text_post
from contentlint.taxonomy import VALID_STAGES, class_of

REQUIRED = ("label", "stage", "title", "body")
ENTRY_VIEW = "#entry"


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    lang: str
    label: str
    stage: str
    title: str
    body: str
    channel: str
    source: str  # the corpus file it came from (and the record's own `source` field where present)
    license: str
    meta: Mapping[str, Any] = field(default_factory=dict)  # the post's own path and front matter, where known

    @property
    def cls(self) -> str:
        return class_of(self.label, self.stage)

    @property
    def group(self) -> str:
        """The source it comes from: `owner/repo` for a real post, the corpus file for one of our own."""
        return self.source.split("@", 1)[0] if self.is_real else self.source

    @property
    def is_real(self) -> bool:
        """A real published post (source `owner/repo@commit:path`), not one we wrote."""
        return "@" in self.source

    @property
    def is_entry_view(self) -> bool:
        """Made by `entry_view` from a real post: its title as a calendar entry shows it."""
        return self.id.endswith(ENTRY_VIEW)


def read_corpus(path: Path) -> Iterator[Record]:
    """Records of a JSONL corpus; a malformed line is an InputError naming the file and line."""
    where = str(path)
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    Text(N_("invalid JSON: {problem}"), problem=exc.msg), where, number, exc.colno
                ) from None
            yield _record(raw, where, number)


def _record(raw: object, where: str, number: int) -> Record:
    if not isinstance(raw, dict):
        raise InputError(Text(N_("each line must be a JSON object")), where, number)
    missing = [key for key in REQUIRED if not isinstance(raw.get(key), str)]
    if missing:
        raise InputError(Text(N_("missing or non-text field `{field}`"), field=missing[0]), where, number)
    label, stage = raw["label"], raw["stage"]
    if stage not in VALID_STAGES.get(label, ()):
        raise InputError(Text(N_("invalid label/stage pair {label}/{stage}"), label=label, stage=stage), where, number)
    text = f"{raw['title']}\n{raw['body']}"
    lang = language.normalise(raw["lang"]) if raw.get("lang") else language.detect(text)
    return Record(
        id=str(raw.get("id", f"{Path(where).stem}:{number}")),
        lang=lang,
        label=label,
        stage=stage,
        title=raw["title"],
        body=raw["body"],
        channel=str(raw.get("channel") or ""),
        source=str(raw.get("source") or where),
        license=str(raw.get("license") or ""),
        meta=raw["meta"] if isinstance(raw.get("meta"), dict) else {},
    )


def read_corpora(paths: Iterable[Path]) -> list[Record]:
    records: list[Record] = []
    for path in paths:
        files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            records.extend(read_corpus(file))
    return records


def prose(title: str, body: str) -> str:
    """The text the classifier reads: the title, a blank line, the body's prose (as for a real post)."""
    builder = ProjectionBuilder()
    if title.strip():
        builder.add_at(title.strip() + "\n\n", 0)
    project_markdown(body, builder, lambda offset: offset)
    text, _map = builder.build(SourceFile("", body))
    return text


def record_post(record: Record) -> Post:
    """The record as a Post, read exactly as a Markdown post with this title and body would be: at its own path
    (``meta.path``) with its own front-matter fields where the record has them. A record without a path gets none
    (its id names it for us, not its author: `train-en-release-000` must not teach the model a place word)."""
    fields = {key: value for key, value in record.meta.items() if key in PLACE_FIELDS}
    path = str(record.meta.get("path") or "")
    return text_post(path, record.title, record.body, {**fields, "channel": record.channel}, record.lang)


_LEAD = re.compile(r"\S[^.!?。！？\n]*[.!?。！？]?")


def entry_view(record: Record) -> Record | None:
    """A real post as an editorial calendar shows it: its title and, for two records in three (chosen by a hash of
    the id), the first sentence of its body as the entry's brief; no path, no front matter. The label is the
    post's. Calendar entries are this short, so the model must learn to read them, not only whole posts."""
    if not record.is_real or not record.title.strip() or record.is_entry_view:
        return None
    lead = ""
    if hashlib.sha256(record.id.encode()).digest()[0] % 3:
        text = prose("", record.body).strip()
        found = _LEAD.search(text)
        lead = found.group(0)[:ENTRY_BODY_CHARS] if found else ""
    return Record(
        id=record.id + ENTRY_VIEW,
        lang=record.lang,
        label=record.label,
        stage=record.stage,
        title=record.title.strip(),
        body=lead,
        channel=record.channel,
        source=record.source,
        license=record.license,
        meta={},
    )


_WORDS = re.compile(r"\w+")


def shingles(text: str, size: int = 5) -> set[str]:
    """Word (or, for CJK, character) n-grams of the normalised text, for near-duplicate detection."""
    norm = unicodedata.normalize("NFKC", text).lower()
    words = _WORDS.findall(norm)
    detected = languages.find(language.detect(norm))
    if detected is None or detected.unspaced:  # no spaces, or no language of ours to say where words end
        chars = "".join(words)
        return {chars[i : i + size] for i in range(max(len(chars) - size + 1, 1))}
    return {" ".join(words[i : i + size]) for i in range(max(len(words) - size + 1, 1))}


def near_duplicates(records: list[Record], threshold: float = 0.5) -> list[tuple[str, str, float]]:
    """Pairs of records whose bodies share more than ``threshold`` of their shingles (Jaccard)."""
    sets = [(r.id, shingles(r.body)) for r in records]
    index: dict[str, list[int]] = {}
    for i, (_id, grams) in enumerate(sets):
        for gram in grams:
            index.setdefault(gram, []).append(i)
    overlap: dict[tuple[int, int], int] = {}
    for members in index.values():
        if len(members) > 50:  # boilerplate n-grams ("for more information") say nothing about duplication
            continue
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                overlap[(a, b)] = overlap.get((a, b), 0) + 1
    pairs = []
    for (a, b), shared in overlap.items():
        union = len(sets[a][1]) + len(sets[b][1]) - shared
        score = shared / union if union else 0.0
        if score > threshold:
            pairs.append((sets[a][0], sets[b][0], round(score, 3)))
    return sorted(pairs)
