"""The `reportkit` command: a thin layer over the library API.

Exit status: 0 all built, 1 a workbook had errors (each one line on stderr), 2 usage,
3 a bug in reportkit (traceback shown behind an apology).
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path

import click

from reportkit.api import build_report
from reportkit.api import check as check_one
from reportkit.delegations import category, list_delegations
from reportkit.model import Ordering
from reportkit.problems import InputError, Severity
from reportkit.render import TemplateProblem

EXIT_INPUT, EXIT_BUG = 1, 3


@click.group()
@click.version_option(package_name="reportkit")
def main() -> None:
    """Draft OIC / COMCEC meeting reports as Word documents from Excel workbooks."""


@main.command()
@click.argument("workbooks", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out-dir",
    "out_dir",
    default="outputs",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the reports into.",
)
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A restyled copy of templates/report.docx to use instead of the shipped one.",
)
def build(workbooks: tuple[Path, ...], out_dir: Path, template: Path | None) -> None:
    """Build OUTDIR/<workbook name>.docx for each WORKBOOK (default: inputs/*.xlsx)."""
    paths = list(workbooks) or sorted(Path("inputs").glob("*.xlsx"))
    if not paths:
        raise click.UsageError("no workbook given and no inputs/*.xlsx found")
    failed = False
    for path in paths:
        try:
            result = build_report(path, out_dir, template)
        except InputError as error:
            failed = True
            for problem in error.problems:
                click.echo(problem.line(error.source), err=True)
            continue
        except TemplateProblem as error:
            click.echo(error.line(), err=True)
            sys.exit(EXIT_INPUT)
        except Exception:
            _apologise(path)
        for warning in result.warnings:
            click.echo(warning.line(str(path)), err=True)
        click.echo(str(result.path))
    if failed:
        sys.exit(EXIT_INPUT)


@main.command()
@click.argument("workbooks", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="One line per problem, or the same findings as JSON.",
)
def check(workbooks: tuple[Path, ...], output_format: str) -> None:
    """Check WORKBOOKs for problems without writing anything."""
    findings = []
    for path in workbooks:
        try:
            problems = check_one(path)
        except Exception:
            _apologise(path)
        findings.append((path, problems))
    if output_format == "json":
        report = [
            {
                "file": str(path),
                "errors": sum(p.severity is Severity.ERROR for p in problems),
                "warnings": sum(p.severity is Severity.WARNING for p in problems),
                "problems": [p.as_dict(str(path)) for p in problems],
            }
            for path, problems in findings
        ]
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for path, problems in findings:
            for problem in problems:
                click.echo(problem.line(str(path)))
            click.echo(f"{path}: {_summary(problems)}")
    if any(p.severity is Severity.ERROR for _, problems in findings for p in problems):
        sys.exit(EXIT_INPUT)


def _summary(problems: list) -> str:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return "no problems"
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def _apologise(path: Path) -> None:
    """A bug of ours, not the user's: say so briefly, show the traceback, stop."""
    click.echo(
        f"{path}: sorry, reportkit hit a bug it could not handle; "
        "please report it with the details below.",
        err=True,
    )
    traceback.print_exc()
    sys.exit(EXIT_BUG)


@main.command()
@click.option(
    "--ordering",
    type=click.Choice([o.value for o in Ordering]),
    default=Ordering.ENGLISH.value,
    show_default=True,
    help="The order of member and observer states.",
)
@click.option(
    "--search", default="", help="Show only entries whose names contain or resemble TEXT."
)
def delegations(ordering: str, search: str) -> None:
    """List the delegations reportkit knows: name, formal name, category."""
    entries = list_delegations(Ordering(ordering), search)
    if not entries:
        click.echo(f'no delegation matches "{search}"', err=True)
        sys.exit(EXIT_INPUT)
    width = min(max(len(d.name) for d in entries), 24)
    for entry in entries:
        click.echo(f"{entry.name:<{width}}  {entry.formal_name}  [{category(entry)}]")
