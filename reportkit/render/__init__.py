"""render: the arranged report poured into a Word template."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

from docx.document import Document
from docx.oxml.ns import qn

from reportkit.arrange.result import ArrangedReport
from reportkit.arrange.typography import unmarked
from reportkit.base.clock import source_date
from reportkit.model import Language, Meeting
from reportkit.render.annex_headers import head_annexes
from reportkit.render.arabic_font import keep_arabic_font
from reportkit.render.blocks import ParagraphWriter
from reportkit.render.context import contents, context
from reportkit.render.direction import mark_right_to_left, right_to_left_layout
from reportkit.render.footnotes import Footnotes, write_footnotes
from reportkit.render.limits import TemplateLimits
from reportkit.render.package import clean_package
from reportkit.render.raised import raise_marked
from reportkit.render.settings import LANGUAGE_TAGS, own_settings
from reportkit.render.splice import splice
from reportkit.render.template import TemplateProblem, render_template
from reportkit.render.title_page import set_pages

__all__ = ["TemplateLimits", "TemplateProblem", "default_template", "render_report"]


def default_template(language: Language = Language.EN) -> Path:
    """The shipped template of an edition: `templates/report.docx` (English),
    `report.fr.docx`, `report.ar.docx` of the source tree, which a regular install copies
    into the package (see `package-dir` in pyproject.toml)."""
    name = "report.docx" if language is Language.EN else f"report.{language.value}.docx"
    package = Path(__file__).resolve().parents[1]
    for folder in (package / "templates", package.parent / "templates"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"the shipped template templates/{name} is missing")


def render_report(
    report: ArrangedReport,
    meeting: Meeting,
    template: Path,
    limits: TemplateLimits | None = None,
) -> Document:
    """The report poured into `template`. The shipped template renders in this process; any
    other is a user's, rendered within `limits` (by default those of the environment, see
    `TemplateLimits.from_environment`) and checked again once rendered (`user_template`)."""
    notes = Footnotes()
    values = context(report, notes)
    if _is_shipped(template):
        document = render_template(template, values)
    else:
        # A user's template renders in a child process within limits; only then is that
        # machinery loaded.
        from reportkit.render.user_template import render_user_template

        _refuse_what_it_cannot_print(report, template)
        limits = limits or TemplateLimits.from_environment()
        document = render_user_template(template, values, limits)
    # The template's own paragraphs; those written below mark themselves as they are written.
    right_to_left = report.language is Language.AR
    mark_right_to_left(document, right_to_left)
    writer = ParagraphWriter(document, right_to_left, notes)
    splice(document, contents(report, writer))
    if notes.notes:
        write_footnotes(document, writer.footnotes, template)
    head_annexes(document, report.annexes)
    set_pages(document, report.title)
    raise_marked(document)
    if right_to_left:
        right_to_left_layout(document)
        keep_arabic_font(document, default_template(Language.AR))
    clean_package(document)
    identity = f"{meeting.symbol}\0{meeting.title}\0{meeting.date}\0{report.language.value}"
    own_settings(document, report.language, identity)
    _set_properties(document, report, meeting)
    return document


def _refuse_what_it_cannot_print(report: ArrangedReport, template: Path) -> None:
    """A template restyled before title pages, running heads or annex forms existed prints
    every meeting that does not ask for them; one that does is refused, not printed without."""
    from reportkit.template_check import template_lacks
    from reportkit.template_check.features import unusable

    asked = unusable(report, template_lacks(template))
    if asked:
        raise TemplateProblem(
            template,
            " and ".join(f"{feature.asked_by} asks for {feature.name}" for feature in asked)
            + ", which this template cannot print: it was restyled from an older template",
            "export the shipped template again (`reportkit templates export DIR`) and"
            " restyle it, or leave what asks for it empty",
        )


def _is_shipped(template: Path) -> bool:
    try:
        return any(template.resolve() == default_template(lang).resolve() for lang in Language)
    except (OSError, RuntimeError):  # no shipped template, or a symlink loop
        return False


def _set_properties(document: Document, report: ArrangedReport, meeting: Meeting) -> None:
    """Properties dated from the meeting (or SOURCE_DATE_EPOCH), never the clock, so that
    rebuilding the same workbook gives the same bytes. The template's description (python-docx
    writes "generated by python-docx") describes the template, not this report, and the
    report has been printed by no one (a date there is the last time someone printed it)."""
    props = document.core_properties
    stamp = source_date() or datetime.combine(meeting.date, time(0, 0))
    props.title = " ".join(unmarked(report.title.title).split())
    props.subject = unmarked(report.title.document)
    props.author = meeting.secretariat
    props.last_modified_by = "reportkit"
    props.comments = ""
    props.language = LANGUAGE_TAGS[report.language]
    props.created = props.modified = stamp
    props.revision = 1
    printed = props._element.find(qn("cp:lastPrinted"))  # python-docx can set it, not clear it
    if printed is not None:
        props._element.remove(printed)
