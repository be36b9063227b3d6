"""arrange: pure functions from the read model to the report as it will be printed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from reportkit.arrange.annexes import annex_title, arrange_annexes
from reportkit.arrange.body import Lists, number_agenda, number_body
from reportkit.arrange.capitals import capitals
from reportkit.arrange.dates import date_line, month_year
from reportkit.arrange.language import labels, original_line
from reportkit.arrange.participants import DelegationResolver, arrange_participants
from reportkit.arrange.programme import programme_heading, programme_rows
from reportkit.arrange.references import Resolver, bookmark_rows, gather
from reportkit.arrange.result import ArrangedReport, BodyBlock, TitleBlock
from reportkit.arrange.typography import french_spacing, printed, raised_ordinals
from reportkit.model import (
    AgendaEntry,
    Language,
    Meeting,
    MeetingInput,
    Ordinals,
    ProgrammeSlot,
    ReportBlock,
    Section,
)
from reportkit.problems import Problem
from reportkit.reference import ReferenceData


def arrange(
    source: MeetingInput, reference: ReferenceData, earlier: list[Problem] | None = None
) -> tuple[ArrangedReport, list[Problem]]:
    """The report as printed, and the problems found; `earlier` are those found reading the
    workbook, which arrange does not repeat in other words."""
    meeting = source.meeting
    sections, problems = arrange_participants(
        meeting, source.participants, source.headings, reference
    )
    lists = Lists()
    language = meeting.language
    heading = programme_heading(meeting)
    title = capitals(meeting.title, language)
    dates = date_line(meeting)
    body = number_body(source.report, meeting.numbering, lists)
    reported = [*(earlier or []), *problems]
    above = annex_title(meeting.title, language)
    pairs = arrange_annexes(source, sections, heading, above, dates, lists, problems, reported)
    texts = [source.report, *(spec.blocks for spec, _ in pairs)]
    marked, paragraphs = bookmark_rows(texts, [body, *(a.blocks for _, a in pairs)], problems)
    targets = gather(
        tuple(a for _, a in pairs), paragraphs, sections, language, meeting.institution_sections
    )
    resolve = Resolver(targets, problems)
    body = _resolved(source.report, marked[0], resolve)
    annexes = tuple(
        replace(annex, blocks=_resolved(spec.blocks, rows, resolve))
        for (spec, annex), rows in zip(pairs, marked[1:], strict=True)
    )
    report = ArrangedReport(
        title=TitleBlock(
            capitals(meeting.document or labels(language).document, language),
            title,
            dates,
            original_line(meeting.original, language),
            meeting.subtitle,
            running_head=meeting.running_head or meeting.symbol,
            page=meeting.title_page,
            publisher=_publisher(meeting, reference) if meeting.title_page else "",
            month=month_year(meeting.end_date or meeting.date, language)
            if meeting.title_page
            else "",
            first_page=meeting.first_page,
        ),
        symbol=meeting.symbol,
        body=body,
        agenda=number_agenda(tuple(_agenda_entry(e, resolve) for e in source.agenda)),
        programme_heading=heading,
        programme=programme_rows(
            tuple(_slot(s, resolve) for s in source.programme), language, meeting.date_style
        ),
        participants=sections,
        annexes=annexes,
        language=language,
    )
    typography: list[Callable[[str], str]] = []
    if language is Language.FR:
        typography.append(french_spacing)
    if _raised(meeting.ordinals, language):
        typography.append(partial(raised_ordinals, language=language))
    if typography:
        report = printed(report, *typography)
    return report, problems


def _raised(ordinals: Ordinals | None, language: Language) -> bool:
    """Ordinals are raised when the meeting says so, else in French (every French edition
    sets `1er`, `23e` so) and not in English."""
    if ordinals is not None:
        return ordinals is Ordinals.SUPERSCRIPT
    return language is Language.FR


def _publisher(meeting: Meeting, reference: ReferenceData) -> str:
    """Who publishes the report, in capitals on its title page: the meeting's publisher,
    else its secretariat as the edition names it (Bureau de Coordination du COMCEC)."""
    if meeting.publisher:
        return capitals(meeting.publisher, meeting.language)
    if not meeting.secretariat:
        return ""
    resolver = DelegationResolver(
        reference, meeting.secretariat, meeting.ordering, meeting.date, meeting.language
    )
    placement = resolver.place(meeting.secretariat, Section.SECRETARIAT)
    return capitals(placement.heading if placement else meeting.secretariat, meeting.language)


def _resolved(
    sources: tuple[ReportBlock, ...], rows: tuple[BodyBlock, ...], resolve: Resolver
) -> tuple[BodyBlock, ...]:
    return tuple(
        replace(row, text=resolve(row.text, source.location))
        for source, row in zip(sources, rows, strict=True)
    )


def _agenda_entry(entry: AgendaEntry, resolve: Resolver) -> AgendaEntry:
    return replace(
        entry,
        text=resolve(entry.text, entry.location),
        note=resolve(entry.note, entry.location),
    )


def _slot(slot: ProgrammeSlot, resolve: Resolver) -> ProgrammeSlot:
    return replace(
        slot,
        title=resolve(slot.title, slot.location),
        description=resolve(slot.description, slot.location),
        points=tuple(resolve(point, slot.location) for point in slot.points),
    )
