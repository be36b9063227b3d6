"""The end-of-run summary of a batch: a table for people, JSON for machines.

A PDF asked for (`--pdf`) and not made is a failure of its own, counted apart from the
workbooks that failed: their reports are built, but the run did not do all it was asked.
"""

from __future__ import annotations

from collections import Counter

from reportkit.batch.run import Outcome, Status
from reportkit.cli.shown import json_text


def _size(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size else "-"


def table(outcomes: list[Outcome], seconds: float) -> list[str]:
    """Aligned rows: workbook, status, size, time; then the totals."""
    rows = [("workbook", "status", "size", "time")]
    rows += [
        (o.label, _status(o), _size(o.size), f"{o.seconds:.2f} s" if o.seconds else "-")
        for o in outcomes
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]:>{widths[3]}}"
        for r in rows
    ]
    return [*lines, totals(outcomes, seconds)]


def _status(outcome: Outcome) -> str:
    """`built`, `unchanged`…, and `built, no PDF` when its PDF could not be made."""
    if outcome.pdf_error and outcome.status is not Status.FAILED:
        return f"{outcome.status.value}, no PDF"
    return outcome.status.value


def totals(outcomes: list[Outcome], seconds: float) -> str:
    """`2 built, 0 unchanged, 1 failed in 0.2 s`; merges are counted when there are some,
    PDFs not made when there are some (`…, 1 failed, 2 PDFs failed in 61.0 s`)."""
    counts = Counter(o.status for o in outcomes)
    parts = [f"{counts[s]} {s.value}" for s in Status if s is not Status.MERGED or counts[s]]
    failed_pdfs = pdf_failures(outcomes)
    if failed_pdfs:
        parts.append(f"{failed_pdfs} PDF{'s' * (failed_pdfs != 1)} failed")
    return f"{', '.join(parts)} in {seconds:.1f} s"


def pdf_failures(outcomes: list[Outcome]) -> int:
    """How many reports are without the PDF asked for."""
    return sum(bool(o.pdf_error) for o in outcomes)


def as_json(outcomes: list[Outcome], seconds: float) -> str:
    counts = Counter(o.status for o in outcomes)
    document = {
        "workbooks": [o.as_dict() for o in outcomes],
        **{s.value: counts[s] for s in Status},
        "pdf_failed": pdf_failures(outcomes),
        "seconds": round(seconds, 3),
    }
    return json_text(document) + "\n"
