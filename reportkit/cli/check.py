"""`reportkit check`: every problem of each workbook, errors first and warnings grouped
(`triage`), or all of them as JSON; nothing written."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from reportkit.cli.errors import apologise
from reportkit.cli.help import BUG, EXIT_INPUT, USAGE, epilog
from reportkit.cli.options import format_option, lang_option, languages, triage_options
from reportkit.cli.shown import json_text

if TYPE_CHECKING:
    from reportkit.problems import Problem


@click.command(
    short_help="Check workbooks for problems, writing nothing.",
    epilog=epilog(
        [
            "reportkit check meeting.xlsx",
            "reportkit check meeting.xlsx -q           # errors only",
            "reportkit check meeting.xlsx -v           # every cell, and what was tidied",
            "reportkit check inputs/ --format json",
            "reportkit check meeting.xlsx --lang fr   # the French edition's problems",
        ],
        [
            (0, "no errors (warnings allowed)"),
            (EXIT_INPUT, "some workbook has errors"),
            USAGE,
            BUG,
        ],
    ),
)
@click.argument("workbooks", nargs=-1, required=True)
@format_option("Lines for people, or every finding, ungrouped, as JSON.")
@lang_option
@triage_options("Print the errors only.")
def check(
    workbooks: tuple[str, ...], output_format: str, lang: str | None, quiet: bool, verbose: bool
) -> None:
    """Check WORKBOOKs (files, folders or globs) for problems without writing anything.

    Errors come first, one line each: `file: Sheet!C14: what is wrong — what to do`. Then
    warnings, which do not stop a build: the same warning at several cells is one line
    naming its cells. What reportkit tidied by itself (an honorific's spelling, a typed
    number taken off, a time typed as a number) is counted in one line; -v lists it.
    On a terminal errors are red and warnings yellow, unless NO_COLOR is set.
    """
    from reportkit.api import check as check_one
    from reportkit.base.inputs import find_workbooks
    from reportkit.cli import colour
    from reportkit.cli.triage import triaged
    from reportkit.problems import has_errors

    if quiet and verbose:
        raise click.UsageError("-q and -v ask for opposite things; give one of them")
    paths = find_workbooks(workbooks)
    if not paths:
        raise click.UsageError("no workbook found in " + ", ".join(workbooks))
    findings = []
    for path in paths:
        try:
            problems = check_one(path, languages(lang))
        except Exception:
            apologise(path)
        findings.append((path, problems))
    if output_format == "json":
        click.echo(json_text([_as_json(str(path), problems) for path, problems in findings]))
    else:
        for path, problems in findings:
            for line in triaged(str(path), problems, verbose=verbose, quiet=quiet):
                colour.echo(line.text, line.severity)
    if any(has_errors(problems) for _, problems in findings):
        sys.exit(EXIT_INPUT)


def _as_json(source: str, problems: list[Problem]) -> dict[str, object]:
    """Every problem of a workbook, each on its own, with the counts the lines give."""
    from reportkit.problems import Severity

    errors = sum(p.severity is Severity.ERROR for p in problems)
    tidied = sum(p.tidied for p in problems)
    return {
        "file": source,
        "errors": errors,
        "warnings": len(problems) - errors - tidied,
        "tidied": tidied,
        "problems": [p.as_dict(source) for p in problems],
    }
