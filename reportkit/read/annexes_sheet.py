"""The optional `Annexes` sheet: which annexes the report has, in order.

Without it a report has the seed report's three: the agenda, the programme and the list of
participants. Session and Follow-up Committee reports put the participants first and add
texts (statements, resolutions) as annexes of their own, each read from a sheet laid out
like the Report sheet.
"""

from __future__ import annotations

from reportkit.model import DEFAULT_ANNEXES, AnnexKind, AnnexSpec, BodyNumbering
from reportkit.problems import Problem
from reportkit.read.cells import one_line
from reportkit.read.text_sheets import read_blocks
from reportkit.read.workbook import OpenWorkbook
from reportkit.schema import sheet as schema_sheet

_ONCE = (AnnexKind.AGENDA, AnnexKind.PROGRAMME, AnnexKind.PARTICIPANTS)


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
        annexes.append(AnnexSpec(kind, title, blocks, sheet, row.ref("Kind")))
    problems.extend(table.problems)
    return tuple(annexes)
