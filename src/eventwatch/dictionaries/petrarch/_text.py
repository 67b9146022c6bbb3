"""Line reading shared by every PETRARCH dictionary reader.

PETRARCH files mix several comment styles: ``#`` (whole line or trailing), TABARI's ``;``,
lines starting with ``<!`` and XML-style ``<!-- ... -->`` that may span lines. Readers see
only the data left over, with the original line number, so every error can point at
``file:line``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from eventwatch.errors import DictionaryError


def data_lines(path: Path, errors: list[DictionaryError]) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` for non-empty lines with comments removed and stripped."""
    for number, line, _ in noted_lines(path, errors):
        yield number, line


def noted_lines(path: Path, errors: list[DictionaryError]) -> Iterator[tuple[int, str, str]]:
    """Like ``data_lines``, with each line's trailing ``#`` note ("" if none): TABARI-era
    verb files note which verb a pattern was written for (``- * BOMBING [111] # CONDEMN``)."""
    in_comment = 0  # line number where an open <!-- started, 0 when outside
    with path.open(encoding="utf-8", errors="replace") as fh:
        for number, raw in enumerate(fh, start=1):
            note = ""
            if not in_comment and "<" not in raw:
                line = _before_comment(raw).strip()
                note = raw.partition("#")[2].strip()
            elif not in_comment and raw.lstrip().startswith("<!") and (
                    "-->" in raw or not raw.lstrip().startswith("<!--")):
                continue  # PETRARCH skips any line starting with "<!"
            else:
                line, in_comment = _strip_markup(raw, number, in_comment)
            if line:
                yield number, line, note
    if in_comment:
        errors.append(DictionaryError(str(path), in_comment, "unclosed <!-- comment"))


def _strip_markup(line: str, number: int, in_comment: int) -> tuple[str, int]:
    """Remove ``<!-- -->`` spans and a trailing ``#`` comment; track a comment left open."""
    kept = ""
    while True:
        if in_comment:
            close = line.find("-->")
            if close < 0:
                return kept.strip(), in_comment
            line, in_comment = line[close + 3 :], 0
            continue
        open_at = line.find("<!--")
        if open_at >= 0 and len(_before_comment(line[:open_at])) == open_at:
            kept += line[:open_at] + " "
            line, in_comment = line[open_at + 4 :], number
            continue
        return (kept + _before_comment(line)).strip(), 0


def _before_comment(line: str) -> str:
    """The text before a ``#`` or ``;`` comment."""
    for mark in "#;":
        cut = line.find(mark)
        if cut >= 0:
            line = line[:cut]
    return line


def bracketed(text: str) -> tuple[str, list[str]] | None:
    """Split ``NAME [A] [B x]`` into ``("NAME", ["A", "B x"])``; ``None`` if brackets don't pair."""
    head, sep, rest = text.partition("[")
    if "]" in head:
        return None
    if not sep:
        return text.strip(), []
    codes: list[str] = []
    while sep:
        inside, close, after = rest.partition("]")
        if not close or "[" in inside:
            return None
        codes.append(inside.strip())
        between, sep, rest = after.partition("[")
        if between.strip():
            return None
    return head.strip(), codes
