"""Honorifics as the house spells them: `Mr.`, `Ms.`, `H.E. Dr.` …

Rapporteurs type `Ms`, `MS.`, `Ms.` and `Dr` in one list; the printed list must not mix
them. A typed honorific is cut, at its spaces and dots, into known titles (compound ones
such as `H.E. Dr.` or `Prof. Dr.` are common) and each is written as the house list has
it. French and Arabic editions' titles are in the list as they are written there — the
titles those editions print (reference/data/honorifics.csv), which `Honorific fr` and
`Honorific ar` may give a person instead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# The printed form, then the other ways it is typed (case, dots and spaces never matter).
_TITLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Mr.", ("mister",)),
    ("Ms.", ()),
    ("Mrs.", ()),
    ("Miss", ()),
    ("Dr.", ("doctor",)),
    ("Prof.", ("professor",)),
    ("Assoc. Prof.", ("associate professor",)),
    ("Asst. Prof.", ("assistant professor", "assist. prof.")),
    ("H.E.", ("his excellency", "her excellency")),
    ("H.R.H.", ("his royal highness", "her royal highness")),
    ("Amb.", ("ambassador",)),
    ("Eng.", ("engr.", "engineer")),
    ("Sheikh", ()),
    ("Sheikha", ()),
    ("M.", ("monsieur",)),
    ("Mme", ("madame",)),
    ("Mlle", ("mademoiselle",)),
    ("Pr", ()),
    ("S.E.", ("son excellence",)),
    ("S.A.R.", ("son altesse royale",)),
    ("Ing.", ("ingénieur",)),
    ("Cheikh", ()),
    ("Cheikha", ()),
    ("السيد", ()),
    ("السيدة", ()),
    ("الآنسة", ()),
    ("الدكتور", ()),
    ("الدكتورة", ()),
    ("الأستاذ", ()),
    ("الأستاذة", ()),
    ("الأستاذ المشارك", ()),
    ("الأستاذ المساعد", ()),
    ("فخامة", ()),
    ("معالي", ()),
    ("سعادة", ()),
    ("صاحب السمو الملكي", ()),
    ("السفير", ()),
    ("الشيخ", ()),
    ("الشيخة", ()),
    ("المهندس", ()),
)

HOUSE_LIST: tuple[str, ...] = tuple(printed for printed, _ in _TITLES)

_SEPARATORS = re.compile(r"[\s.]+")


def _key(text: str) -> str:
    return _SEPARATORS.sub("", unicodedata.normalize("NFC", text)).casefold()


_BY_KEY: dict[str, str] = {
    _key(typed): printed for printed, others in _TITLES for typed in (printed, *others)
}


@dataclass(frozen=True)
class Honorific:
    """What to print, and whether it is in the house list at all."""

    printed: str
    known: bool


def house_honorific(typed: str) -> Honorific:
    """`typed` in the house spelling; unknown titles are kept exactly as typed."""
    pieces, boundaries = _pieces(typed)
    key = "".join(pieces)
    titles = _segment(key, boundaries)
    if titles is None:
        return Honorific(typed, known=False)
    return Honorific(" ".join(titles), known=True)


def _pieces(typed: str) -> tuple[list[str], set[int]]:
    """The typed text without spaces and dots, and where in it a space or dot stood."""
    pieces = [p.casefold() for p in _SEPARATORS.split(unicodedata.normalize("NFC", typed)) if p]
    boundaries, position = set(), 0
    for piece in pieces:
        position += len(piece)
        boundaries.add(position)
    return pieces, boundaries


def _segment(key: str, boundaries: set[int]) -> list[str] | None:
    """Titles that spell `key` exactly, cut only where the typist put a space or a dot.

    `H.E. Dr.` is `he` + `dr`; `Madam` is no `M.` followed by `adam`, since nothing
    separates them.
    """
    best: dict[int, list[str]] = {0: []}
    for start in sorted({0, *boundaries}):
        if start not in best:
            continue
        for end in sorted(b for b in boundaries if b > start):
            title = _BY_KEY.get(key[start:end])
            if title is not None and end not in best:
                best[end] = [*best[start], title]
    return best.get(len(key)) if key else None
