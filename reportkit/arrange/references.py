"""References in text that stay true: annex numbers, paragraph numbers, who attended.

Rapporteurs write "attached as Annex III" and "attended by 25 Member Countries" by hand,
and both go stale with the next correction. Written as references instead, they are
resolved at every build:

- `[[annex agenda]]`, `[[annex programme]]`, `[[annex participants]]`: `Annex I` … in
  the report's annex numbering; `[[annex Opening Statement]]`: the text annex of that Title;
- `[[paragraph opening]]`: the number of the row whose Key is `opening`;
- `[[members]]`, `[[observers]]`, `[[institutions]]`: how many attended, from the list of
  participants; `[[institution list]]`: the attending OIC institutions in the list's order,
  as a sentence says them ("COMSTECH, SESRIC and ICIEC"), the secretariat among them where
  the list prints it among or before them (arrange/sections.py).

A paragraph reference is a Word cross-reference (a REF field to a bookmark on the row),
written already showing the right number, so Word keeps it true when the secretariat
inserts a paragraph; the others are plain text. `[[footnote: TEXT]]` is no reference but a
footnote, which travels to the renderer marked like a field and becomes one of Word's own
(numbered 1, 2 … by Word). An unknown reference, and a footnote not closed or holding a
reference, is an error at its cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reportkit.arrange.language import labels
from reportkit.arrange.participants import SECRETARIAT_KEY
from reportkit.arrange.result import Annex, BodyBlock, ParticipantSection
from reportkit.arrange.sections import named_institutions
from reportkit.model import AnnexKind, InstitutionSections, Language, ReportBlock, Section
from reportkit.problems import Problem

REFERENCE = re.compile(r"\[\[\s*(.*?)\s*\]\]")
# How a resolved paragraph reference travels in text to the renderer, which writes it as a
# field: characters from Unicode's private use area, which no workbook text holds.
FIELD_START, FIELD_SEPARATOR, FIELD_END = "\ue000", "\ue001", "\ue002"
FIELD = re.compile(
    f"{FIELD_START}([^{FIELD_SEPARATOR}]*){FIELD_SEPARATOR}([^{FIELD_END}]*){FIELD_END}"
)
# A footnote's text, between marks of the same kind (after the raised ordinals' two).
NOTE_START, NOTE_END = "\ue005", "\ue006"
NOTE = re.compile(f"{NOTE_START}([^{NOTE_END}]*){NOTE_END}")
_FOOTNOTE = re.compile(r"footnote\b\s*(:?)\s*(.*)", re.IGNORECASE | re.DOTALL)
_OPENED_FOOTNOTE = re.compile(r"\[\[\s*footnote\b", re.IGNORECASE)
_COUNTS = {
    "members": Section.MEMBERS,
    "observers": Section.OBSERVERS,
    "institutions": Section.INSTITUTIONS,
}
_FORMS = (
    "[[annex agenda]], [[annex programme]], [[annex participants]], [[annex TITLE]], "
    "[[paragraph KEY]], [[members]], [[observers]], [[institutions]], [[institution list]]"
    " or [[footnote: TEXT]]"
)


def field_text(bookmark: str, shown: str) -> str:
    return f"{FIELD_START}{bookmark}{FIELD_SEPARATOR}{shown}{FIELD_END}"


def note_text(text: str) -> str:
    return f"{NOTE_START}{text}{NOTE_END}"


@dataclass
class Targets:
    """What references can point at, gathered once from the arranged report."""

    annexes: dict[str, str] = field(default_factory=dict)
    paragraphs: dict[str, tuple[str, str]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    institution_list: str = ""


def key_of(text: str) -> str:
    return " ".join(text.split()).casefold()


def bookmark_rows(
    sources: list[tuple[ReportBlock, ...]],
    arranged: list[tuple[BodyBlock, ...]],
    problems: list[Problem],
) -> tuple[list[tuple[BodyBlock, ...]], dict[str, tuple[str, str]]]:
    """Bookmark every row that has a Key; returns the rows and Key → (number, bookmark)."""
    seen: dict[str, str] = {}
    targets: dict[str, tuple[str, str]] = {}
    marked = []
    count = 0
    for source_rows, rows in zip(sources, arranged, strict=True):
        out = []
        for source, row in zip(source_rows, rows, strict=True):
            if source.key:
                key = key_of(source.key)
                if key in seen:
                    problems.append(
                        Problem(
                            f'the Key "{source.key}" is also given at {seen[key]}',
                            "give every row you refer to a Key of its own",
                            source.location,
                        )
                    )
                else:
                    count += 1
                    seen[key] = source.location
                    bookmark = f"_RefRK{count}"
                    targets[key] = (row.label, bookmark)
                    row = replace(row, bookmark=bookmark)
            out.append(row)
        marked.append(tuple(out))
    return marked, targets


def gather(
    annexes: tuple[Annex, ...],
    paragraphs: dict[str, tuple[str, str]],
    participants: tuple[ParticipantSection, ...],
    language: Language = Language.EN,
    mode: InstitutionSections = InstitutionSections.ONE,
) -> Targets:
    words = labels(language)
    word = words.annex if language is Language.AR else words.annex.capitalize()
    by_kind = {a.kind: f"{word} {a.label}" for a in annexes if a.kind is not AnnexKind.TEXT}
    by_title = {
        key_of(a.subtitle): f"{word} {a.label}" for a in annexes if a.kind is AnnexKind.TEXT
    }
    # The secretariat, printed among the bodies or not, is not counted among them.
    counts = {
        word: sum(
            1
            for s in participants
            if s.section is section
            for g in s.groups
            if g.key != SECRETARIAT_KEY
        )
        for word, section in _COUNTS.items()
    }
    names = [g.short or g.heading for g in named_institutions(participants, mode)]
    return Targets(
        {kind.value: label for kind, label in by_kind.items()} | by_title,
        paragraphs,
        counts,
        prose_list(names, language),
    )


def prose_list(names: list[str], language: Language = Language.EN) -> str:
    """ "A", "A and B", "A, B and C": the list as a sentence of the language says it."""
    if len(names) <= 1:
        return "".join(names)
    words = labels(language)
    return f"{words.list_separator.join(names[:-1])}{words.last_separator}{names[-1]}"


class Resolver:
    """Resolves the references in one text after another, collecting the problems."""

    def __init__(self, targets: Targets, problems: list[Problem]) -> None:
        self.targets = targets
        self.problems = problems

    def __call__(self, text: str, location: str) -> str:
        if "[[" not in text:
            return text
        closed = [match.span() for match in REFERENCE.finditer(text)]
        for opened in _OPENED_FOOTNOTE.finditer(text):
            if not any(start <= opened.start() < end for start, end in closed):
                self._malformed(text[opened.start() :], location, "is never closed with ]]")
        return REFERENCE.sub(lambda match: self._one(match, location), text)

    def _one(self, match: re.Match[str], location: str) -> str:
        footnote = _FOOTNOTE.fullmatch(match[1])
        if footnote:
            return self._footnote(match[0], footnote, location)
        words = match[1].split(maxsplit=1)
        what = words[0].casefold() if words else ""
        rest = words[1] if len(words) > 1 else ""
        if what == "annex" and rest:
            found = self.targets.annexes.get(key_of(rest))
            if found:
                return found
            return self._unknown(match[0], location, f'no annex is "{rest}" (or it is left out)')
        if what == "paragraph" and rest:
            target = self.targets.paragraphs.get(key_of(rest))
            if target is None:
                return self._unknown(match[0], location, f'no row has the Key "{rest}"')
            number, bookmark = target
            if not number:
                return self._unknown(
                    match[0], location, f'the row with Key "{rest}" is not numbered'
                )
            return field_text(bookmark, number)
        if key_of(match[1]) in self.targets.counts:
            return str(self.targets.counts[key_of(match[1])])
        if key_of(match[1]) == "institution list":
            return self.targets.institution_list
        return self._unknown(match[0], location, "")

    def _footnote(self, typed: str, footnote: re.Match[str], location: str) -> str:
        colon, text = footnote.groups()
        if not colon:
            return self._malformed(typed, location, "has no colon after footnote")
        if not text:
            return self._malformed(typed, location, "has no text")
        if "[[" in text:
            return self._malformed(typed, location, "holds a reference, which a footnote cannot")
        return note_text(text)

    def _malformed(self, typed: str, location: str, why: str) -> str:
        shown = typed if len(typed) <= 40 else f"{typed[:39]}…"
        self.problems.append(
            Problem(
                f"the footnote {shown} {why}",
                "write [[footnote: the note's text]], closed with ]], without [[ ]] inside",
                location,
            )
        )
        return typed

    def _unknown(self, typed: str, location: str, why: str) -> str:
        self.problems.append(
            Problem(
                f"the reference {typed} cannot be resolved{f': {why}' if why else ''}",
                f"write {_FORMS}",
                location,
            )
        )
        return typed
