"""`reportkit new`: a new meeting's workbook, ready to fill in."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from reportkit.cli.errors import fail
from reportkit.cli.help import EXIT_INPUT, USAGE, epilog
from reportkit.cli.options import LANG_CHOICES, languages

if TYPE_CHECKING:
    from reportkit.model import Language


@click.command(
    short_help="Start a meeting's workbook, ready to fill in.",
    epilog=epilog(
        [
            "reportkit new tourism-wg-21.xlsx",
            'reportkit new tourism-wg-21.xlsx --title "21st Meeting of the COMCEC Tourism'
            ' Working Group" --date 2024-10-05 --venue Ankara',
            "reportkit new tourism-wg-21.xlsx --lang all  # with French and Arabic editions",
            "reportkit new tourism-wg-21.xlsx --force     # replace it",
        ],
        [
            (0, "written"),
            (
                EXIT_INPUT,
                "WORKBOOK exists (nothing written; --force replaces it) or cannot be written",
            ),
            USAGE,
        ],
    ),
)
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--title", default="", help="The meeting's title [default: a placeholder to fill].")
@click.option(
    "--date",
    "day",
    default="",
    help="The meeting's (first) day, e.g. 2024-10-05 or '5 October 2024' [default: today].",
)
@click.option("--venue", default="", help="Where it is held, e.g. Ankara or 'Virtual Meeting'.")
@click.option(
    "--lang",
    "lang",
    type=LANG_CHOICES,
    default="en",
    show_default=True,
    help="The editions besides English: fr, ar, or all; their translation columns are added.",
)
@click.option("--force", is_flag=True, help="Replace WORKBOOK if it exists.")
def new(workbook: Path, title: str, day: str, venue: str, lang: str, force: bool) -> None:
    """Write WORKBOOK, a new meeting's workbook ready to fill in.

    Every sheet has its header row, column widths and formats; the Instructions sheet says
    what each column means and takes, with an example, and so does each header cell when
    selected. Kind, Section, Honorific, Delegation and the Meeting choices have dropdowns.
    The workbook checks and builds as it is. An existing file is replaced only with --force.
    """
    # Imported here: openpyxl, which writes the workbook, would slow every other command's start.
    from reportkit.base.write import write_atomic
    from reportkit.starter import Start, blank_workbook, title_cell

    if workbook.suffix.casefold() != ".xlsx":
        raise click.UsageError(f"{workbook}: the workbook's name must end in .xlsx")
    meeting_day = _meeting_day(day)
    try:
        exists = workbook.exists()
    except OSError as error:  # a name the file system cannot hold (too long)
        fail(workbook, f"cannot be written ({error.strerror}) — choose a shorter name")
    if exists and not force:
        fail(workbook, "the file exists — choose another name, or add --force to replace it")
    try:
        start = Start(meeting_day, title, venue, _editions(lang))
        write_atomic(workbook, blank_workbook(start))
    except OSError as error:
        fail(workbook, f"cannot be written ({error.strerror}) — choose another folder or name")
    click.echo(str(workbook))
    if not title:
        click.echo(
            f"{workbook}: {title_cell()}: the title is a placeholder — type the meeting's title"
            " there",
            err=True,
        )
    click.echo(
        f"{workbook}: next, fill in its sheets (its Instructions sheet says what each column"
        f" takes), then: reportkit check {workbook}",
        err=True,
    )


def _meeting_day(typed: str) -> date:
    from reportkit.read.cells import swapped_reading, to_date
    from reportkit.read.dates import spelled

    if not typed:
        return date.today()
    day = to_date(typed)
    if day is None:
        raise click.BadParameter(
            f'"{typed}" is not a date; give it as 2024-10-05 or 5 October 2024',
            param_hint="--date",
        )
    other = swapped_reading(typed)
    if other is not None:
        click.echo(
            f'warning: --date "{typed}" was read as {spelled(day)} — if {spelled(other)} was'
            f" meant, give it as {other.isoformat()}",
            err=True,
        )
    return day


def _editions(lang: str) -> tuple[Language, ...]:
    """English, the editions' source, and the one asked for (or all)."""
    from reportkit.model import Language

    return tuple(dict.fromkeys((Language.EN, *(languages(lang) or ()))))
