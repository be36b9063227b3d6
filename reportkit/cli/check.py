"""`reportkit check`: every problem of each workbook, one line each or as JSON, nothing
written."""

from __future__ import annotations

import sys

import click

from reportkit.cli.errors import apologise
from reportkit.cli.help import BUG, EXIT_INPUT, USAGE, epilog
from reportkit.cli.options import format_option, lang_option, languages
from reportkit.cli.shown import json_text
from reportkit.problems import Problem, Severity, has_errors


@click.command(
    short_help="Check workbooks for problems, writing nothing.",
    epilog=epilog(
        [
            "reportkit check meeting.xlsx",
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
@format_option("One line per problem, or the same findings as JSON.")
@lang_option
def check(workbooks: tuple[str, ...], output_format: str, lang: str | None) -> None:
    """Check WORKBOOKs (files, folders or globs) for problems without writing anything.

    Each problem is one line, `file: Sheet!C14: what is wrong — what to do`; warnings say
    `warning:` and do not stop a build.
    """
    from reportkit.api import check as check_one
    from reportkit.base.inputs import find_workbooks

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
        report = [
            {
                "file": str(path),
                "errors": _errors(problems),
                "warnings": len(problems) - _errors(problems),
                "problems": [p.as_dict(str(path)) for p in problems],
            }
            for path, problems in findings
        ]
        click.echo(json_text(report))
    else:
        for path, problems in findings:
            for problem in problems:
                click.echo(problem.line(str(path)))
            click.echo(f"{path}: {_summary(problems)}")
    if any(has_errors(problems) for _, problems in findings):
        sys.exit(EXIT_INPUT)


def _errors(problems: list[Problem]) -> int:
    return sum(p.severity is Severity.ERROR for p in problems)


def _summary(problems: list[Problem]) -> str:
    errors = _errors(problems)
    warnings = len(problems) - errors
    if not problems:
        return "no problems"
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
