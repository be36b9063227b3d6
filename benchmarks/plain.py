"""The plain pipeline a developer would write: reportkit's peer in the benchmark.

    python benchmarks/plain.py MEETING.xlsx TEMPLATE.docx OUT.docx

openpyxl read-only → participants grouped by delegation → one docxtpl render of a small
template (benchmarks/plain_template.py) → save. No checks, no reference data, no state: what
reportkit does beyond this is what its time buys, and the benchmark shows the price.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from datetime import datetime, time

from docxtpl import DocxTemplate, RichText
from openpyxl import load_workbook


def read(path: str) -> dict[str, list[dict[str, object]]]:
    """Every sheet as a list of rows keyed by the header row."""
    book = load_workbook(path, read_only=True, data_only=True)
    sheets = {}
    for sheet in book.worksheets:
        rows = sheet.iter_rows(values_only=True)
        header = next(rows)
        sheets[sheet.title] = [dict(zip(header, r, strict=False)) for r in rows if any(r)]
    book.close()
    return sheets


def rich(text: object) -> RichText:
    """`**bold**` markup as bold runs."""
    result = RichText()
    for i, part in enumerate(re.split(r"\*\*(.+?)\*\*", str(text))):
        result.add(part, bold=i % 2 == 1)
    return result


def clock(value: object) -> str:
    return f"{value:%H.%M}" if isinstance(value, time | datetime) else str(value or "")


def context(sheets: dict[str, list[dict[str, object]]]) -> dict[str, object]:
    meeting = {row["Field"]: row["Value"] for row in sheets["Meeting"]}
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for p in sheets["Participants"]:
        name = f"{p['Honorific']} {p['First name']} {p['Last name']}".upper()
        groups[str(p["Delegation"])].append(
            {"name": name, "details": f"{p['Position']}, {p['Organisation']}"}
        )
    return {
        "title": str(meeting["title"]).upper(),
        "dates": f"{meeting['date']:%d %B %Y}, {meeting['venue']}",
        "body": [{"kind": b["Kind"], "text": rich(b["Text"])} for b in sheets["Report"]],
        "agenda": [a["Text"] for a in sheets["Agenda"]],
        "programme": [
            {
                "time": f"{clock(s['Start'])} - {clock(s['End'])}",
                "title": s["Title"] or "",
                "description": s["Description"] or "",
                "points": s["Points"] or "",
            }
            for s in sheets["Programme"]
        ],
        "delegations": [{"name": d.upper(), "people": groups[d]} for d in sorted(groups)],
    }


def main(workbook: str, template: str, out: str) -> None:
    document = DocxTemplate(template)
    document.render(context(read(workbook)), autoescape=True)
    document.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:4])
