"""`reportkit history`: every recorded build of a report, as lines or JSON."""

from __future__ import annotations

from pathlib import Path

import click

from reportkit.cli.errors import fail_with
from reportkit.cli.help import EXIT_INPUT, USAGE, epilog
from reportkit.cli.options import format_option
from reportkit.cli.shown import json_text


@click.command(
    short_help="Every build of a report: when, what changed, what was merged.",
    epilog=epilog(
        [
            "reportkit history outputs/meeting.docx",
            "reportkit history outputs/meeting.docx --search kuwait",
        ],
        [
            (0, "listed"),
            (EXIT_INPUT, "REPORT does not exist, or no build of it is recorded"),
            USAGE,
        ],
    ),
)
@click.argument("report", type=click.Path(path_type=Path))
@click.option("--search", default="", help="Only builds whose changes mention TEXT (any case).")
@format_option("Lines for people, or JSON.")
def history(report: Path, search: str, output_format: str) -> None:
    """List every build of REPORT: when, from which workbook, what changed or was merged.

    The record is kept in the report's folder, in .reportkit/state.db.
    """
    from reportkit.problems import InputError
    from reportkit.publish.history import as_dict, describe, matching, report_history

    try:
        records = report_history(report)
    except InputError as error:
        fail_with(error)
    if search:
        records = matching(records, search)
    if output_format == "json":
        click.echo(json_text([as_dict(r) for r in records]))
        return
    if not records:
        click.echo(f'{report}: no build mentions "{search}"', err=True)
    for record in records:
        for line in describe(record):
            click.echo(line)
