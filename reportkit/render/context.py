"""The template context: what the template places itself, and markers for the rest.

The template places the title block, each annex's heading and title lines and the
programme's rows. The body, the agenda, text annexes and the list of participants go where
a paragraph of the template holds a marker (`{{ body }}`, `{{ annex.content }}`); they are
written afterwards in the template's styles (`blocks`), never through Jinja, so that their
size costs nothing in the template pass. Every decision on order, numbering and grouping
was made in `arrange`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportkit.arrange.language import labels
from reportkit.arrange.result import Annex, ArrangedReport, ProgrammeRow
from reportkit.model import AnnexKind
from reportkit.render.blocks import ParagraphWriter
from reportkit.render.footnotes import Footnotes
from reportkit.render.runs import rich

# Text no workbook holds (it is wrapped in invisible separators), so that the paragraph a
# marker lands in is found again without doubt.
_MARK = "\u2063reportkit:{}\u2063"


def marker(name: str) -> str:
    return _MARK.format(name)


def context(report: ArrangedReport, notes: Footnotes | None = None) -> dict[str, Any]:
    """The values the template is rendered with; `notes` gathers the programme's footnotes."""
    notes = notes or Footnotes()
    words = labels(report.language)
    return {
        "title": report.title,
        "symbol": report.symbol,
        "labels": {"time": words.time, "programme": words.programme_column},
        "body": marker("body"),
        "annexes": [
            {
                "form": annex.form.value,
                "heading": annex.heading,
                "original": annex.original,
                "title": annex.title,
                "date_line": annex.date_line,
                "subtitle": annex.subtitle,
                "note": annex.note,
                "programme": (
                    [_row(row, notes) for row in report.programme]
                    if annex.kind is AnnexKind.PROGRAMME
                    else []
                ),
                "content": marker(f"annex-{index}"),
            }
            for index, annex in enumerate(report.annexes)
        ],
    }


def contents(report: ArrangedReport, writer: ParagraphWriter) -> dict[str, Iterator[str]]:
    """What each marker stands for, as paragraphs' XML."""
    filled = {marker("body"): writer.body(report.body)}
    for index, annex in enumerate(report.annexes):
        filled[marker(f"annex-{index}")] = _annex_content(annex, report, writer)
    return filled


def _annex_content(annex: Annex, report: ArrangedReport, writer: ParagraphWriter) -> Iterator[str]:
    if annex.kind is AnnexKind.AGENDA:
        return writer.agenda(report.agenda, annex.restart)
    if annex.kind is AnnexKind.PARTICIPANTS:
        return writer.participants(report.participants)
    return writer.body(annex.blocks)


def _row(row: ProgrammeRow, notes: Footnotes) -> dict[str, Any]:
    return {
        "day": row.day,
        "time": row.time,
        "title": rich(row.title, notes) if row.title else "",
        "description": rich(row.description, notes) if row.description else "",
        "points": [rich(p, notes) for p in row.points],
    }
