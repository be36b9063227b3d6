"""What the command line prints of names it did not choose: control characters and bytes
that are not UTF-8 shown as escapes, never sent raw to the terminal.

A file name may hold an escape sequence (`\\x1b[31m` recolours a terminal, others rewrite
its title or worse) or bytes that are no UTF-8 at all (Python gives them as lone
surrogates, which cannot even be printed). Every line the command line writes goes through
`EscapingStream`, so a name is always shown as `evil\\x1b[31m.xlsx` or `r\\xe9union.xlsx`;
JSON gets the same characters as JSON escapes, so it stays valid.
"""

from __future__ import annotations

import re
import sys
from typing import TextIO

# C0 controls but tab, line feed and carriage return (the progress bar rewrites its line),
# DEL and the C1 controls, and the surrogates Python decodes undecodable bytes to.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff]")


def shown(text: str) -> str:
    """`text` with every unsafe character as an escape: `\\x1b`, and a byte that is not
    UTF-8 (surrogate-escaped by Python) as the byte it was, `\\xe9`."""
    return _UNSAFE.sub(_escape, text)


def json_text(value: object) -> str:
    """JSON for people and scripts alike: text as UTF-8, unsafe characters as `\\u` escapes."""
    import json  # here, for --format json only: every command's help is spared it

    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class EscapingStream:
    """A text stream that writes what it is given through `shown`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(shown(text))
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def underneath(stream: TextIO) -> TextIO:
    """The stream an `EscapingStream` writes to, for a line already passed through `shown`
    that carries codes of our own (`colour`); any other stream as it is."""
    return stream._stream if isinstance(stream, EscapingStream) else stream


def install() -> None:
    """Send everything printed to standard output and error through `shown`."""
    if not isinstance(sys.stdout, EscapingStream):
        sys.stdout = EscapingStream(sys.stdout)  # type: ignore[assignment]
    if not isinstance(sys.stderr, EscapingStream):
        sys.stderr = EscapingStream(sys.stderr)  # type: ignore[assignment]
