"""The light markup rapporteurs may type in a cell: `*italic*` and `**bold**`.

Parsing is pure so it can be tested without Word; an asterisk that opens nothing stays
as typed, because a stray `*` in a cell is more often a footnote mark than markup. A
footnote arrange left in the text is set aside while the markup is read, so that an
asterisk in the note pairs with none outside it, and comes back as a span of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from reportkit.arrange.references import FIELD, NOTE, NOTE_START

_MARKUP = re.compile(
    r"\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*|\*\*(?=\S)(.+?)(?<=\S)\*\*|\*(?=\S)(.+?)(?<=\S)\*"
)


@dataclass(frozen=True)
class Span:
    """A stretch of text in one format; `bookmark` makes it a cross-reference to that
    bookmark (a Word REF field showing `text`); `note` makes it a footnote's reference,
    the note's own text in `note` (and no `text`)."""

    text: str
    bold: bool = False
    italic: bool = False
    bookmark: str = ""
    note: str = ""


def parse(text: str) -> tuple[Span, ...]:
    notes: list[str] = []
    if NOTE_START in text:
        text = NOTE.sub(lambda match: notes.append(match[1]) or NOTE_START, text)
    spans = [piece for span in _formatted(text) for piece in _references(span)]
    if not notes:
        return tuple(spans)
    left = iter(notes)
    return tuple(piece for span in spans for piece in _notes(span, left))


def _notes(span: Span, notes: Iterator[str]) -> list[Span]:
    """The span cut at each footnote, which becomes a span of its own."""
    if NOTE_START not in span.text:
        return [span]
    pieces = []
    for number, text in enumerate(span.text.split(NOTE_START)):
        if number:
            pieces.append(replace(span, text="", note=next(notes)))
        if text:
            pieces.append(replace(span, text=text))
    return pieces


def _references(span: Span) -> list[Span]:
    """The span cut where arrange left a resolved paragraph reference."""
    if FIELD.search(span.text) is None:  # most spans: left whole, not copied
        return [span]
    pieces = []
    last = 0
    for match in FIELD.finditer(span.text):
        if match.start() > last:
            pieces.append(replace(span, text=span.text[last : match.start()]))
        pieces.append(replace(span, text=match[2], bookmark=match[1]))
        last = match.end()
    if last < len(span.text) or not pieces:
        pieces.append(replace(span, text=span.text[last:]))
    return pieces


def _formatted(text: str) -> tuple[Span, ...]:
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
