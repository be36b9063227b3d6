"""`reportkit watch`: a workbook's report rebuilt each time the workbook is saved."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from reportkit.cli.errors import fail_with
from reportkit.cli.help import EXIT_INPUT, USAGE, epilog
from reportkit.cli.options import out_dir_option, template_option
from reportkit.problems import InputError


@click.command(
    short_help="Rebuild a workbook's report each time it is saved.",
    epilog=epilog(
        ["reportkit watch meeting.xlsx", "reportkit watch meeting.xlsx -o reports"],
        [
            (0, "stopped with Ctrl+C"),
            (EXIT_INPUT, "the template or the output folder cannot be used"),
            (USAGE[0], "usage error, or WORKBOOK does not exist"),
        ],
    ),
)
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@out_dir_option
@template_option
@click.option(
    "--interval", default=1.0, show_default=True, help="Seconds between looks at the file."
)
def watch(workbook: Path, out_dir: Path, template: Path | None, interval: float) -> None:
    """Rebuild WORKBOOK's report each time it is saved, until Ctrl+C.

    Each save is built as `reportkit build` would, and its problems and changes printed.
    """
    from reportkit.batch.run import Status
    from reportkit.batch.watch import watch_workbook

    click.echo(f"watching {workbook} (Ctrl+C to stop)", err=True)
    try:
        for outcome in watch_workbook(workbook, out_dir, template, interval):
            stamp = datetime.now().strftime("%H:%M:%S")
            for line in outcome.problems:
                click.echo(f"{stamp} {line}", err=True)
            for line in outcome.changes:
                click.echo(f"{stamp}   {line}", err=True)
            if outcome.status is not Status.FAILED:
                click.echo(f"{stamp} {outcome.status.value}: {outcome.report}", err=True)
    except InputError as error:
        fail_with(error)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
