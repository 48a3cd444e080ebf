"""Bytes -> text: encodings, BOMs, binary files and size limits, each refused with a clear message."""

from __future__ import annotations

import codecs

from contentlint.errors import FileSkipped, InputError
from contentlint.limits import DEFAULT_LIMITS
from contentlint.sourcemap import SourceFile

DEFAULT_MAX_BYTES = DEFAULT_LIMITS.file_bytes
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a zip archive",
    b"%PDF": "a PDF document",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x7fELF": "an executable",
}


def decode(data: bytes, path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceFile:
    """Decode a post's bytes to normalised text (UTF-8 with or without BOM, or UTF-16 or UTF-32 with BOM)."""
    if len(data) > max_bytes:
        raise FileSkipped(
            f"skipped: larger than the {_size(max_bytes)} limit (max_file_bytes in .contentlint.yaml)", path
        )
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00 starts with FF FE
        try:
            text = data.decode("utf-32")
        except UnicodeDecodeError:
            raise InputError("not valid UTF-32 despite its byte-order mark", path) from None
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("not valid UTF-16 despite its byte-order mark", path) from None
    else:
        for magic, what in _MAGIC.items():
            if data.startswith(magic):
                raise InputError(f"binary file ({what}), not a text post", path)
        if b"\x00" in data:
            raise InputError("binary file (contains NUL bytes), not a text post", path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise InputError(
                f"not UTF-8 (byte 0x{data[exc.start]:02x}){_guess(data)}; save the file as UTF-8", path, line, column
            ) from None
    return SourceFile(path, normalise_newlines(text))


def normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _guess(data: bytes) -> str:
    for codec, name in (("cp932", "Shift_JIS/CP932"), ("euc_jp", "EUC-JP"), ("gb18030", "GB18030")):
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return f", looks like {name}"
    return ""


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"
