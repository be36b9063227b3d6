"""The light markup rapporteurs may type in a cell: `*italic*` and `**bold**`.

Parsing is pure so it can be tested without Word; an asterisk that opens nothing stays
as typed, because a stray `*` in a cell is more often a footnote mark than markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKUP = re.compile(
    r"\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*|\*\*(?=\S)(.+?)(?<=\S)\*\*|\*(?=\S)(.+?)(?<=\S)\*"
)


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


def parse(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    last = 0
    for match in _MARKUP.finditer(text):
        if match.start() > last:
            spans.append(Span(text[last : match.start()]))
        both, bold, italic = match.groups()
        if both is not None:
            spans.append(Span(both, bold=True, italic=True))
        elif bold is not None:
            spans.append(Span(bold, bold=True))
        else:
            spans.append(Span(italic, italic=True))
        last = match.end()
    if last < len(text):
        spans.append(Span(text[last:]))
    return tuple(spans)
