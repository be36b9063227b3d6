"""The annexes: which print, in what order, under which numbers.

An annex with nothing to show (an empty Agenda sheet, say) is left out with a warning, and
the others are numbered without a gap: I, II, III (`roman`, the default), 1, 2, 3
(`arabic`, as Working Group proceedings number them) or A, B, C (`letters`). Every annex
repeats the meeting's title and date under its heading, then its subtitle — or opens as its
form says: one line "Annex 3: Title", or a statement's own Original line, title, short
meeting title and day.
"""

from __future__ import annotations

from reportkit.arrange.body import Lists, number_body
from reportkit.arrange.capitals import capitals
from reportkit.arrange.dates import date_line as dated
from reportkit.arrange.language import labels, original_line
from reportkit.arrange.numerals import roman
from reportkit.arrange.result import Annex, ParticipantSection
from reportkit.model import (
    AnnexForm,
    AnnexKind,
    AnnexNumbering,
    AnnexSpec,
    Language,
    Meeting,
    MeetingInput,
)
from reportkit.problems import Problem, Severity

_SHEETS = {
    AnnexKind.AGENDA: "Agenda",
    AnnexKind.PROGRAMME: "Programme",
    AnnexKind.PARTICIPANTS: "Participants",
}


def annex_label(number: int, numbering: AnnexNumbering, language: Language = Language.EN) -> str:
    """The number of the `number`th annex as printed: "IV", "4" or "D". Arabic editions
    write the first annexes in words (الملحق الأول) and letter them in abjad order."""
    words = labels(language)
    if numbering is AnnexNumbering.ARABIC:
        return str(number)
    if numbering is AnnexNumbering.LETTERS:
        if language is Language.AR and number <= len(words.section_letters):
            return words.section_letters[number - 1]
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("A") + rest) + letters
        return letters
    if words.annex_ordinals and number <= len(words.annex_ordinals):
        return words.annex_ordinals[number - 1]
    return roman(number)


def arrange_annexes(
    source: MeetingInput,
    participants: tuple[ParticipantSection, ...],
    programme_heading: str,
    title: str,
    date_line: str,
    lists: Lists,
    problems: list[Problem],
    reported: list[Problem],
) -> tuple[tuple[AnnexSpec, Annex], ...]:
    """Each annex that prints, with the row of the Annexes sheet (or default) it comes from.

    `reported` are the problems already found: a sheet whose rows all had errors is not
    reported again as empty."""
    meeting = source.meeting
    shown = [
        spec
        for spec in source.annexes
        if _has_content(spec, source, participants, problems, reported)
    ]
    words = labels(meeting.language)
    defaults = {AnnexKind.PROGRAMME: programme_heading, AnnexKind.PARTICIPANTS: words.participants}
    headed = meeting.annex_header and bool(meeting.symbol)
    annexes = []
    for number, spec in enumerate(shown, start=1):
        label = annex_label(number, meeting.annex_numbering, meeting.language)
        subtitle = (
            capitals(spec.title, meeting.language) if spec.title else defaults.get(spec.kind, "")
        )
        heading = f"{words.annex} {label}"
        if spec.form is AnnexForm.LINE:
            heading = words.annex_line.format(label=label, title=spec.title or subtitle)
        annexes.append(
            (
                spec,
                Annex(
                    kind=spec.kind,
                    label=label,
                    heading=heading,
                    title=title if spec.meeting_title == "" else _own_title(spec, meeting),
                    date_line=dated(meeting, spec.day) if spec.day else date_line,
                    subtitle=subtitle,
                    note=meeting.participants_subtitle
                    if spec.kind is AnnexKind.PARTICIPANTS
                    else "",
                    header=words.annex_header.format(label=label, symbol=meeting.symbol)
                    if headed
                    else "",
                    blocks=number_body(spec.blocks, meeting.numbering, lists, own_list=True),
                    restart=lists.new() if spec.kind is AnnexKind.AGENDA else 0,
                    form=spec.form,
                    original=original_line(spec.original or meeting.original, meeting.language)
                    if spec.form is AnnexForm.STATEMENT
                    else "",
                ),
            )
        )
    if meeting.annex_header and not meeting.symbol:
        problems.append(
            Problem(
                'annex_header asks for pages headed "Annex I to" the document symbol, and '
                "there is no symbol",
                'add a row "symbol" with the document symbol, or delete annex_header',
                meeting.field_locations.get("annex_header", ""),
                Severity.WARNING,
            )
        )
    return tuple(annexes)


def annex_title(title: str, language: Language) -> str:
    """A meeting title above an annex: all capitals in English (`2ND TECHNICAL MEETING`, as
    the reference report prints it); elsewhere as the title block, whose capitals keep
    French ordinals small (`23e RÉUNION`)."""
    shown = capitals(title, language)
    return shown.upper() if language is Language.EN else shown


def _own_title(spec: AnnexSpec, meeting: Meeting) -> str:
    """The annex's own short meeting title, or none (`-`)."""
    return annex_title(spec.meeting_title, meeting.language) if spec.meeting_title else ""


def _has_content(
    spec: AnnexSpec,
    source: MeetingInput,
    participants: tuple[ParticipantSection, ...],
    problems: list[Problem],
    reported: list[Problem],
) -> bool:
    content = {
        AnnexKind.AGENDA: source.agenda,
        AnnexKind.PROGRAMME: source.programme,
        AnnexKind.PARTICIPANTS: participants,
        AnnexKind.TEXT: spec.blocks,
    }[spec.kind]
    if content:
        return True
    sheet = spec.sheet or _SHEETS.get(spec.kind, "")
    if any(p.location.startswith(f"{sheet}!") for p in reported if p.severity is Severity.ERROR):
        return False  # its rows are there, with errors of their own already reported
    hint = (
        "fill in its sheet, or delete this row of the Annexes sheet"
        if spec.location
        else f"fill in the {sheet} sheet, or list the annexes you want in an Annexes sheet"
    )
    problems.append(
        Problem(
            f'the {spec.kind.value} annex has no rows (sheet "{sheet}"), so it is left out '
            "and the other annexes are numbered without it",
            hint,
            spec.location or f"{sheet}!A2",
            Severity.WARNING,
        )
    )
    return False
