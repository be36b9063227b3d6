"""`reportkit watch`: a workbook's report rebuilt each time the workbook is saved."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from reportkit.cli.errors import fail_with
from reportkit.cli.help import EXIT_INPUT, USAGE, epilog
from reportkit.cli.options import out_dir_option, template_option


@click.command(
    short_help="Rebuild a workbook's report each time it is saved.",
    epilog=epilog(
        ["reportkit watch meeting.xlsx", "reportkit watch meeting.xlsx -o reports"],
        [
            (0, "stopped with Ctrl+C"),
            (
                EXIT_INPUT,
                "WORKBOOK does not exist or is no file, or the template or the output folder"
                " cannot be used (one line each)",
            ),
            USAGE,
        ],
    ),
)
@click.argument("workbook", type=click.Path(path_type=Path))
@out_dir_option
@template_option
@click.option(
    "--interval",
    type=click.FloatRange(min=0, min_open=True),
    default=1.0,
    show_default=True,
    help="Seconds between looks at the file.",
)
def watch(workbook: Path, out_dir: Path, template: Path | None, interval: float) -> None:
    """Rebuild WORKBOOK's report each time it is saved, until Ctrl+C.

    Each save is built as `reportkit build` would, and its problems and changes printed.
    """
    from reportkit.batch.run import Status
    from reportkit.batch.watch import watch_workbook
    from reportkit.cli.triage import triaged_findings
    from reportkit.problems import InputError
    from reportkit.read.safety import file_problem

    # A workbook that is not there would be waited for in silence; it is a mistake in the
    # input, said and ended as `build` says and ends it.
    problem = file_problem(workbook)
    if problem is not None:
        fail_with(InputError(str(workbook), [problem]))
    click.echo(f"watching {workbook} (Ctrl+C to stop)", err=True)
    try:
        for outcome in watch_workbook(workbook, out_dir, template, interval):
            stamp = datetime.now().strftime("%H:%M:%S")
            lines = [line.text for line in triaged_findings(outcome.findings)]
            for line in [*lines, *outcome.messages]:
                click.echo(f"{stamp} {line}", err=True)
            for line in outcome.changes:
                click.echo(f"{stamp}   {line}", err=True)
            if outcome.status is not Status.FAILED:
                click.echo(f"{stamp} {outcome.status.value}: {outcome.report}", err=True)
    except InputError as error:
        fail_with(error)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
