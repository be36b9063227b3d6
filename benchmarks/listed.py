"""The check every pipeline's report passes: each delegate listed once, in order.

The plain pipeline and the JavaScript peers write the same list of participants: under the
heading "List of Participants", each delegation's name in capitals (delegations in sorted
order), then for each of its delegates, in the order of the Participants sheet, "-NAME" and
"Position, Organisation". The expected list is made from the workbook's rows as generated,
not from any pipeline's code, and the report is read back with python-docx, so a pipeline
that drops, repeats or reorders a delegate fails the benchmark instead of timing less work.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from docx import Document

HEADING = "List of Participants"


def expected_list(participants: list[list[object]]) -> list[str]:
    """The lines of the list, from the Participants sheet's rows (its header first)."""
    header, *rows = participants
    groups: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        p = dict(zip(header, row, strict=True))
        name = f"{p['Honorific']} {p['First name']} {p['Last name']}".upper()
        groups[str(p["Delegation"])] += [f"-{name}", f"{p['Position']}, {p['Organisation']}"]
    return [line for d in sorted(groups) for line in (d.upper(), *groups[d])]


def check_listed(report: Path, expected: list[str]) -> None:
    """Raise if the report's list of participants is not exactly `expected`."""
    texts = [p.text for p in Document(str(report)).paragraphs]
    if HEADING not in texts:
        raise AssertionError(f"{report.name}: no {HEADING!r}")
    found = texts[texts.index(HEADING) + 1 :]
    if found != expected:
        line = next(
            i
            for i, pair in enumerate(zip([*found, None], [*expected, None], strict=False))
            if pair[0] != pair[1]
        )
        seen = found[line] if line < len(found) else "the end"
        want = expected[line] if line < len(expected) else "the end"
        raise AssertionError(f"{report.name}: line {line + 1} of the list: {seen!r}, not {want!r}")
