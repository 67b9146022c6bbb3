"""Bytes → text, or the reason why not: empty, binary, or not decodable.

Kept apart from parsing so that every input kind (file, stdin, URL, JSONL line) rejects
bad bytes with the same codes and wording.
"""

from __future__ import annotations

import codecs
import re

from ..errors import E_BINARY, E_EMPTY, E_ENCODING
from ..records import Reject

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13} | {127}
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.1


def looks_binary(data: bytes) -> bool:
    """NUL bytes anywhere, or many control bytes near the start, mean "not text"."""
    if b"\x00" in data:
        return True
    head = data[:SNIFF_BYTES]
    return bool(head) and sum(b in _CONTROL_BYTES for b in head) / len(head) > MAX_CONTROL_SHARE


def _declared_charsets(data: bytes, header_charset: str | None) -> list[str]:
    names = [header_charset] if header_charset else []
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    if match:
        names.append(match.group(1).decode("ascii"))
    known = []
    for name in names:
        try:
            known.append(codecs.lookup(name).name)
        except LookupError:
            continue
    return known


def check_text(text: str, item: str) -> str | Reject:
    """Reject text that is empty or that is binary data in disguise."""
    if not text.strip():
        return Reject(item, E_EMPTY, f"{item}: empty (no text at all)")
    head = text[:SNIFF_BYTES]
    if "\x00" in text or len(_CONTROL_CHARS.findall(head)) / len(head) > MAX_CONTROL_SHARE:
        return Reject(item, E_BINARY, f"{item}: looks like binary data, not text")
    return text


def _decode_bom(data: bytes, item: str) -> str | Reject | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                return Reject(item, E_ENCODING, f"{item}: has a {encoding} BOM but {exc.reason}")
    return None


def _decode_plain(data: bytes, item: str, html: bool, header_charset: str | None) -> str | Reject:
    if looks_binary(data):
        return Reject(item, E_BINARY, f"{item}: looks like binary data (NUL/control bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        for encoding in _declared_charsets(data, header_charset) if html else []:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
        hint = " nor in its declared charset" if html else "; re-save it as UTF-8"
        return Reject(
            item,
            E_ENCODING,
            f"{item}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}){hint}",
        )


def decode_bytes(
    data: bytes, item: str, *, html: bool = False, header_charset: str | None = None
) -> str | Reject:
    """Decode UTF-8 (a BOM wins; HTML may fall back to its declared charset)."""
    if not data.strip():
        return Reject(item, E_EMPTY, f"{item}: empty (no text at all)")
    text = _decode_bom(data, item)
    if text is None:
        text = _decode_plain(data, item, html, header_charset)
    return text if isinstance(text, Reject) else check_text(text, item)
