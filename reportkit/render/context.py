"""The template context: the arranged report with inline markup turned into Word runs.

Only presentation happens here; every decision on order, numbering and grouping was made
in `arrange`, so the template merely places values in styled paragraphs.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reportkit.arrange.result import ArrangedReport, TitleBlock
from reportkit.render.runs import rich


def context(report: ArrangedReport) -> dict[str, Any]:
    return {
        "title": report.title,
        "annex_title": _annex_title(report.title),
        "symbol": report.symbol,
        "body": [{"kind": b.kind.value, "text": rich(b.text)} for b in report.body],
        "agenda": [
            {
                "number": line.number,
                "text": rich(line.text),
                "note": rich(line.note) if line.note else "",
            }
            for line in report.agenda
        ],
        "programme_heading": report.programme_heading,
        "programme": [
            {
                "day": row.day,
                "time": row.time,
                "title": rich(row.title) if row.title else "",
                "description": rich(row.description) if row.description else "",
                "points": [rich(p) for p in row.points],
            }
            for row in report.programme
        ],
        "participants": report.participants,
    }


def _annex_title(title: TitleBlock) -> TitleBlock:
    """Annexes repeat the title in full capitals, as the reference report's annexes do."""
    return replace(title, title=title.title.upper())
