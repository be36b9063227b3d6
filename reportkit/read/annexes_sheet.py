"""The optional `Annexes` sheet: which annexes the report has, in order.

Without it a report has the seed report's three: the agenda, the programme and the list of
participants. Session and Follow-up Committee reports put the participants first and add
texts (statements, resolutions) as annexes of their own, each read from a sheet laid out
like the Report sheet.
"""

from __future__ import annotations

from reportkit.model import DEFAULT_ANNEXES, AnnexForm, AnnexKind, AnnexSpec, BodyNumbering
from reportkit.problems import Problem, Severity
from reportkit.read.cells import one_line
from reportkit.read.dates import read_date
from reportkit.read.text_sheets import read_blocks
from reportkit.read.workbook import OpenWorkbook, Row
from reportkit.schema import sheet as schema_sheet

_ONCE = (AnnexKind.AGENDA, AnnexKind.PROGRAMME, AnnexKind.PARTICIPANTS)
# What each form's first page prints of the annex's own lines.
_PRINTED = {
    AnnexForm.BLOCK: ("Date", "Meeting title"),
    AnnexForm.LINE: (),
    AnnexForm.STATEMENT: ("Original", "Date", "Meeting title"),
}
_NO_MEETING_TITLE = "-"


def read_annexes(
    book: OpenWorkbook,
    problems: list[Problem],
    numbering: BodyNumbering = BodyNumbering.PARAGRAPHS,
) -> tuple[AnnexSpec, ...]:
    table = book.table("Annexes", schema_sheet("Annexes").required_columns, problems, optional=True)
    if table is None:
        return DEFAULT_ANNEXES
    annexes = []
    seen: dict[AnnexKind, str] = {}
    for row in table:
        kind = row.choice("Kind", AnnexKind, "annex Kind", problems)
        title = one_line(row.localized("Title"))
        sheet = one_line(row.text("Sheet")).strip()
        if kind is None:
            if not row.text("Kind").strip():
                problems.append(
                    Problem(
                        "the Kind is empty",
                        "write one of: " + ", ".join(k.value for k in AnnexKind),
                        row.ref("Kind"),
                    )
                )
            continue
        if kind in _ONCE and kind in seen:
            problems.append(
                Problem(
                    f"a second {kind.value} annex (the first is at {seen[kind]})",
                    "keep one row for it",
                    row.ref("Kind"),
                )
            )
            continue
        seen.setdefault(kind, row.ref("Kind"))
        blocks = ()
        if kind is AnnexKind.TEXT:
            if not title:
                problems.append(
                    Problem(
                        "a text annex needs a Title",
                        "type the title printed at the top of the annex",
                        row.ref("Title"),
                    )
                )
            if not sheet:
                problems.append(
                    Problem(
                        "a text annex needs the Sheet that holds its text",
                        "name a sheet laid out like Report (Kind, Text)",
                        row.ref("Sheet"),
                    )
                )
            else:
                blocks = read_blocks(book, sheet, problems, numbering, where=row.ref("Sheet"))
        form = row.choice("Form", AnnexForm, "annex Form", problems) or AnnexForm.BLOCK
        _unprinted(row, form, problems)
        meeting_title = one_line(row.localized("Meeting title")).strip()
        annexes.append(
            AnnexSpec(
                kind,
                title,
                blocks,
                sheet,
                row.ref("Kind"),
                form=form,
                original=one_line(row.text("Original")).strip(),
                day=read_date(row, "Date", problems) if row.raw("Date") is not None else None,
                meeting_title=None if meeting_title == _NO_MEETING_TITLE else meeting_title,
            )
        )
    problems.extend(table.problems)
    return tuple(annexes)


def _unprinted(row: Row, form: AnnexForm, problems: list[Problem]) -> None:
    """A cell the annex's form does not print is said, so that nothing typed is lost in
    silence."""
    for column in ("Original", "Date", "Meeting title"):
        if column not in _PRINTED[form] and row.text(column).strip():
            problems.append(
                Problem(
                    f"a {form.value} annex prints no {column}, so this cell is not printed",
                    "empty the cell, or choose the Form statement"
                    + ("" if column == "Original" else " or block"),
                    row.ref(column),
                    Severity.WARNING,
                )
            )
