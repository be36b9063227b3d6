"""The `reportkit` command: a thin layer over the library API.

Exit status: 0 all built, 1 a workbook had errors (each one line on stderr), 2 usage,
3 a bug in reportkit (traceback shown behind an apology).
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click

from reportkit.api import build_report
from reportkit.delegations import category, list_delegations
from reportkit.model import Ordering
from reportkit.problems import InputError
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
            click.echo(f"{path}: template: {error}", err=True)
            sys.exit(EXIT_INPUT)
        except Exception:
            click.echo(
                f"{path}: sorry, reportkit hit a bug it could not handle; "
                "please report it with the details below.",
                err=True,
            )
            traceback.print_exc()
            sys.exit(EXIT_BUG)
        for warning in result.warnings:
            click.echo(warning.line(str(path)), err=True)
        click.echo(str(result.path))
    if failed:
        sys.exit(EXIT_INPUT)


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
