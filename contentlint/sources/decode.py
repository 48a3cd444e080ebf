"""Bytes -> text: encodings, BOMs, binary files and size limits, each refused with a clear message."""

from __future__ import annotations

import codecs

from contentlint.errors import FileSkipped, InputError
from contentlint.i18n import N_, Text
from contentlint.limits import DEFAULT_LIMITS
from contentlint.sourcemap import SourceFile

DEFAULT_MAX_BYTES = DEFAULT_LIMITS.file_bytes
_MAGIC = {
    b"\x89PNG": N_("binary file (a PNG image), not a text post"),
    b"PK\x03\x04": N_("binary file (a zip archive), not a text post"),
    b"%PDF": N_("binary file (a PDF document), not a text post"),
    b"GIF8": N_("binary file (a GIF image), not a text post"),
    b"\xff\xd8\xff": N_("binary file (a JPEG image), not a text post"),
    b"\x7fELF": N_("binary file (an executable), not a text post"),
}


def decode(data: bytes, path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceFile:
    """Decode a post's bytes to normalised text (UTF-8 with or without BOM, or UTF-16 or UTF-32 with BOM)."""
    if len(data) > max_bytes:
        raise FileSkipped(
            Text(
                N_("skipped: larger than the {size} limit (max_file_bytes in .contentlint.yaml)"), size=_size(max_bytes)
            ),
            path,
        )
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00 starts with FF FE
        try:
            text = data.decode("utf-32")
        except UnicodeDecodeError:
            raise InputError(Text(N_("not valid UTF-32 despite its byte-order mark")), path) from None
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(Text(N_("not valid UTF-16 despite its byte-order mark")), path) from None
    else:
        for magic, message in _MAGIC.items():
            if data.startswith(magic):
                raise InputError(Text(message), path)
        if b"\x00" in data:
            raise InputError(Text(N_("binary file (contains NUL bytes), not a text post")), path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise InputError(_not_utf8(f"0x{data[exc.start]:02x}", data), path, line, column) from None
    return SourceFile(path, normalise_newlines(text))


def normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _not_utf8(byte: str, data: bytes) -> Text:
    for codec, name in (("cp932", "Shift_JIS/CP932"), ("euc_jp", "EUC-JP"), ("gb18030", "GB18030")):
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return Text(
            N_("not UTF-8 (byte {byte}), looks like {encoding}; save the file as UTF-8"), byte=byte, encoding=name
        )
    return Text(N_("not UTF-8 (byte {byte}); save the file as UTF-8"), byte=byte)


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else Text(N_("{count} bytes"), count=f"{n:,}")
