"""render: the arranged report poured into a Word template."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

from docx.document import Document

from reportkit.arrange.result import ArrangedReport
from reportkit.clock import source_date
from reportkit.model import Meeting
from reportkit.render.context import context
from reportkit.render.direction import mark_right_to_left
from reportkit.render.numbering import paragraphs_in_style, restart_list
from reportkit.render.template import TemplateProblem, render_template

AGENDA_ITEM_STYLE = "Agenda Item"

__all__ = ["TemplateProblem", "default_template", "render_report"]


def default_template() -> Path:
    """The shipped template: `templates/report.docx` of the source tree, which a regular
    install copies into the package (see `package-dir` in pyproject.toml)."""
    package = Path(__file__).resolve().parents[1]
    for folder in (package / "templates", package.parent / "templates"):
        if (folder / "report.docx").is_file():
            return folder / "report.docx"
    raise FileNotFoundError("the shipped template templates/report.docx is missing")


def render_report(report: ArrangedReport, meeting: Meeting, template: Path) -> Document:
    document = render_template(template, context(report))
    if AGENDA_ITEM_STYLE in [s.name for s in document.styles]:
        restart_list(document, paragraphs_in_style(document, AGENDA_ITEM_STYLE), AGENDA_ITEM_STYLE)
    mark_right_to_left(document)
    _set_properties(document, report, meeting)
    return document


def _set_properties(document: Document, report: ArrangedReport, meeting: Meeting) -> None:
    """Properties dated from the meeting (or SOURCE_DATE_EPOCH), never the clock, so that
    rebuilding the same workbook gives the same bytes."""
    props = document.core_properties
    stamp = source_date() or datetime.combine(meeting.date, time(0, 0))
    props.title = report.title.title
    props.subject = report.title.document
    props.author = meeting.secretariat
    props.last_modified_by = "reportkit"
    props.created = props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
