"""render: the arranged report poured into a Word template."""

from __future__ import annotations

import os
from datetime import UTC, datetime, time
from pathlib import Path

from docx.document import Document

from reportkit.arrange.result import ArrangedReport
from reportkit.model import Meeting
from reportkit.render.context import context
from reportkit.render.direction import mark_right_to_left
from reportkit.render.limits import TemplateLimits
from reportkit.render.numbering import paragraphs_in_style, restart_list
from reportkit.render.template import TemplateProblem, render_template
from reportkit.render.user_template import render_user_template

AGENDA_ITEM_STYLE = "Agenda Item"

__all__ = ["TemplateLimits", "TemplateProblem", "default_template", "render_report"]


def default_template() -> Path:
    """The shipped template: `templates/report.docx` of the source tree, which a regular
    install copies into the package (see `package-dir` in pyproject.toml)."""
    package = Path(__file__).resolve().parents[1]
    for folder in (package / "templates", package.parent / "templates"):
        if (folder / "report.docx").is_file():
            return folder / "report.docx"
    raise FileNotFoundError("the shipped template templates/report.docx is missing")


def render_report(
    report: ArrangedReport,
    meeting: Meeting,
    template: Path,
    limits: TemplateLimits | None = None,
) -> Document:
    """The report poured into `template`. The shipped template renders in this process; any
    other is a user's, rendered within `limits` (by default those of the environment, see
    `TemplateLimits.from_environment`) and checked again once rendered (`user_template`)."""
    values = context(report)
    if _is_shipped(template):
        document = render_template(template, values)
    else:
        limits = limits or TemplateLimits.from_environment()
        document = render_user_template(template, values, limits)
    if AGENDA_ITEM_STYLE in [s.name for s in document.styles]:
        restart_list(document, paragraphs_in_style(document, AGENDA_ITEM_STYLE), AGENDA_ITEM_STYLE)
    mark_right_to_left(document)
    _set_properties(document, report, meeting)
    return document


def _is_shipped(template: Path) -> bool:
    try:
        return template.resolve() == default_template().resolve()
    except (OSError, RuntimeError):  # no shipped template, or a symlink loop
        return False


def _set_properties(document: Document, report: ArrangedReport, meeting: Meeting) -> None:
    """Properties dated from the meeting (or SOURCE_DATE_EPOCH), never the clock, so that
    rebuilding the same workbook gives the same bytes."""
    props = document.core_properties
    stamp = _build_date() or datetime.combine(meeting.date, time(0, 0))
    props.title = report.title.title
    props.subject = report.title.document
    props.author = meeting.secretariat
    props.last_modified_by = "reportkit"
    props.created = props.modified = stamp
    props.last_printed = stamp
    props.revision = 1


def _build_date() -> datetime | None:
    """The reproducible-builds convention: SOURCE_DATE_EPOCH, seconds since 1970 in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), tz=UTC).replace(tzinfo=None)
