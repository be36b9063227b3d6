"""A report's build history, read from OUTDIR's state store: when each build happened, from
which workbook, what changed, what was merged into the secretariat's copy and where the two
collided — so that "when did Kuwait's delegate change?" has an answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reportkit.problems import InputError, Problem
from reportkit.read.safety import file_problem
from reportkit.state import STATE_DIR, Record, StateStore
from reportkit.state.store import DATABASE


def report_history(report: Path) -> list[Record]:
    """Every finished build of `report`, oldest first; `InputError` if there is no record.

    A report deleted since it was built still has its history; with no record either, the
    mistake is most likely the path, said as every command says a file that is not there."""
    if not (report.parent / STATE_DIR / DATABASE).is_file():
        if not report.exists() and (missing := file_problem(report, "report")) is not None:
            raise InputError(str(report), [missing])
        raise InputError(
            str(report),
            [
                Problem(
                    "reportkit has no record of building this report here",
                    "give the path of a report in a folder reportkit builds into",
                )
            ],
        )
    store = StateStore.open_to_read(report.parent)
    try:
        records = store.history(report.name)
    finally:
        store.close()
    if not records:
        raise InputError(
            str(report),
            [Problem("reportkit has no record of building this report", "check the file name")],
        )
    return records


def matching(records: list[Record], search: str) -> list[Record]:
    """Builds whose changes, merged corrections or conflicts mention `search` (any case)."""
    wanted = search.casefold()
    return [
        record for record in records if any(wanted in line.casefold() for line in _lines(record))
    ]


def describe(record: Record) -> Iterator[str]:
    """A build as lines for a terminal: a headline, then what it changed."""
    when = record.finished.replace("T", " ")
    workbook = Path(record.workbook).name
    yield f"{when}  {record.action:<8} {workbook} (workbook {record.workbook_hash[:10]})"
    yield from (f"  {line}" for line in record.changes)
    yield from (f"  merged: {line}" for line in record.applied)
    yield from (f"  conflict: {line}" for line in record.conflicts)
    if record.kept:
        yield f"  the file as it was before is kept at {record.kept}"


def as_dict(record: Record) -> dict[str, object]:
    return {
        "finished": record.finished,
        "action": record.action,
        "workbook": record.workbook,
        "workbook_hash": record.workbook_hash,
        "template_hash": record.template_hash,
        "version": record.version,
        "report_hash": record.report_hash,
        "changes": list(record.changes),
        "merged": list(record.applied),
        "conflicts": list(record.conflicts),
        "kept": record.kept or None,
    }


def _lines(record: Record) -> Iterator[str]:
    yield from record.changes
    yield from record.applied
    yield from record.conflicts
