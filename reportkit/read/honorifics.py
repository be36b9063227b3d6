"""Honorifics as the house spells them: `Mr.`, `Ms.`, `H.E. Dr.` …

Rapporteurs type `Ms`, `MS.`, `Ms.` and `Dr` in one list; the printed list must not mix
them. A typed honorific is cut, at its spaces and dots, into known titles (compound ones
such as `H.E. Dr.` or `Prof. Dr.` are common) and each is written as the house list has
it — unless it is a word the house abbreviates, typed in full (`Ambassador`, `Doctor`):
"H.E. Ambassador" is how the meeting styles that person, and is printed so, while the
house title (`H.E. Amb.`) still gives the other editions their words. French and Arabic
editions' titles are in the list as they are written there — the titles those editions
print (reference/data/honorifics.csv), which `Honorific fr` and `Honorific ar` may give a
person instead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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


# Other ways of typing a title that are words in full (no dot): printed as typed.
_WORDS = frozenset(_key(typed) for _, others in _TITLES for typed in others if "." not in typed)
_PIECE = re.compile(r"[^\s.]+")


@dataclass(frozen=True)
class Honorific:
    """What to print, and whether it is in the house list at all; `spelled` is what the
    English edition prints instead of `printed` when a title was typed as a word in full
    (`H.E. Ambassador` for `H.E. Amb.`), empty otherwise."""

    printed: str
    known: bool
    spelled: str = ""


@lru_cache(maxsize=4096)
def house_honorific(typed: str) -> Honorific:
    """`typed` in the house spelling; unknown titles are kept exactly as typed. Cached: a
    list of thousands types a handful of honorifics."""
    titles = _titles(typed)
    if not titles:
        return Honorific(typed, known=False)
    printed = " ".join(title for title, _ in titles)
    spelled = " ".join(shown for _, shown in titles)
    return Honorific(printed, known=True, spelled="" if spelled == printed else spelled)


def _segment(text: str, pieces: list[re.Match[str]]) -> list[tuple[str, str]] | None:
    """Titles that spell the pieces exactly, cut only where the typist put a space or a
    dot, each with how it is shown: as the house spells it, or as typed when typed as a
    word in full.

    `H.E. Dr.` is `he` + `dr`; `Madam` is no `M.` followed by `adam`, since nothing
    separates them.
    """
    keys = [piece[0].casefold() for piece in pieces]
    best: dict[int, list[tuple[str, str]]] = {0: []}
    for start in range(len(pieces)):
        if start not in best:
            continue
        for end in range(start + 1, len(pieces) + 1):
            key = "".join(keys[start:end])
            title = _BY_KEY.get(key)
            if title is not None and end not in best:
                typed = text[pieces[start].start() : pieces[end - 1].end()]
                best[end] = [*best[start], (title, typed if key in _WORDS else title)]
    return best.get(len(pieces)) if pieces else None


@lru_cache(maxsize=1 << 14)
def leading_titles(name: str) -> tuple[str, str]:
    """The titles typed at the start of `name`, as typed, and the name after them; `""`
    and `name` when it starts with none.

    `Dr. Ahmet` typed in First name would print `-DR. AHMET` in the name's capitals. A title
    is taken only with a name after it, and never a one-letter one: `M. Kemal` is as often
    an initial as the French Monsieur. Cached, as first names repeat in a long list.
    """
    text, pieces = _pieces(name)
    for count in range(len(pieces) - 1, 0, -1):
        titles = _segment(text, pieces[:count])
        if titles and all(len(_key(title)) > 1 for title, _ in titles):
            rest = pieces[count].start()
            return text[:rest].strip(), text[rest:]
    return "", name


def joined_titles(typed: str, more: str) -> str:
    """The honorific `typed`, then those titles of `more` that it does not hold already,
    each as `house_honorific` shows it: `H.E.` and `Dr.` give `H.E. Dr.`, `Dr.` and `Dr.`
    give `Dr.` (a title typed in two columns is one title)."""
    held = {title for title, _ in _titles(typed)}
    parts = [typed] if typed else []
    for title, shown in _titles(more):
        if title not in held:
            held.add(title)
            parts.append(shown)
    return " ".join(parts)


def _titles(typed: str) -> list[tuple[str, str]]:
    """The house titles `typed` spells, each with how it is shown; none for an unknown one."""
    return _segment(*_pieces(typed)) or []


def _pieces(typed: str) -> tuple[str, list[re.Match[str]]]:
    """`typed` as compared (NFC), and its pieces between spaces and dots."""
    text = unicodedata.normalize("NFC", typed)
    return text, list(_PIECE.finditer(text))
