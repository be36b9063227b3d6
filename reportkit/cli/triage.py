"""A workbook's problems as `check` and `build` print them, in the order a person acts on
them: errors first, one line each; then warnings, those saying the same at several cells in
one line with their cells; then what reportkit tidied by itself, counted in one line.

Warnings are of one kind when their message and hint are the same word for word: the line
printed for a kind is then exactly what each of its cells would have said, never a summary
written apart from it. The warnings whose text changes from cell to cell with what was typed
(an honorific respelled, a number read as a time, a typed number taken off) are the tidied
ones, and those are counted, not grouped.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportkit.problems import Findings, Problem, Severity

# Cells named in a warning's line before `…`: enough to find the pattern in the workbook.
_CELLS_SHOWN = 3


@dataclass(frozen=True)
class Line:
    """One line to print, with the severity it is coloured by (none: plain)."""

    text: str
    severity: Severity | None = None


def triaged(
    source: str,
    problems: list[Problem] | tuple[Problem, ...],
    *,
    verbose: bool,
    quiet: bool,
    tally: bool = True,
) -> list[Line]:
    """The lines printed for `source`: with `quiet` its errors only; with `verbose` every
    cell of a warning's kind and each tidied entry in full; with `tally` (check's) a last
    line counting errors and warnings, which a build's result line makes needless."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    lines = [Line(p.line(source), Severity.ERROR) for p in errors]
    if quiet:
        return lines
    warnings = [p for p in problems if p.severity is not Severity.ERROR and not p.tidied]
    lines += [Line(text, Severity.WARNING) for text in _grouped(source, warnings, verbose)]
    tidied = [p for p in problems if p.tidied]
    lines += _tidied(source, tidied, verbose)
    if tally:
        lines.append(Line(f"{source}: {_summary(len(errors), len(warnings), bool(problems))}"))
    return lines


def triaged_findings(
    found: Findings | None, *, verbose: bool = False, quiet: bool = False
) -> list[Line]:
    """A build's findings as `triaged` lines, without check's tally; none when it has none."""
    if found is None:
        return []
    return triaged(found.source, found.problems, verbose=verbose, quiet=quiet, tally=False)


def _grouped(source: str, warnings: list[Problem], verbose: bool) -> list[str]:
    """One line per kind of warning, in the order each kind was first found."""
    kinds: dict[tuple[str, str], list[Problem]] = {}
    for warning in warnings:
        kinds.setdefault((warning.message, warning.hint), []).append(warning)
    lines = []
    for (message, hint), found in kinds.items():
        locations = [p.location for p in found if p.location]
        if len(found) == 1 or len(locations) < 2:
            lines += [p.line(source) for p in found]
        else:
            where = cells(locations, verbose)
            lines.append(Problem(message, hint, where, Severity.WARNING).line(source))
    return lines


def cells(locations: list[str], every: bool = False) -> str:
    """`Programme!B3, B5, B7 … (22 cells)`: a sheet named once for its cells in a row, the
    first few cells (all of them with `every`), and how many there are."""
    shown = locations if every else locations[:_CELLS_SHOWN]
    parts = []
    sheet = None
    for location in shown:
        name, bang, cell = location.rpartition("!")
        if bang and name == sheet:
            parts.append(cell)
        else:
            parts.append(location)
            sheet = name if bang else None
    more = " …" if len(shown) < len(locations) else ""
    return f"{', '.join(parts)}{more} ({len(locations)} cells)"


def _tidied(source: str, tidied: list[Problem], verbose: bool) -> list[Line]:
    count = len(tidied)
    if not count:
        return []
    what = f"{count} entr{'y was' if count == 1 else 'ies were'} tidied as the house writes them"
    if not verbose:
        them = "it" if count == 1 else "them"
        return [Line(f"{source}: {what} — nothing to do; see {them} with -v")]
    return [Line(f"{source}: {what}:"), *(Line(p.line(source)) for p in tidied)]


def _summary(errors: int, warnings: int, any_problem: bool) -> str:
    if not any_problem:
        return "no problems"
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
