"""`reportkit diff`: what changes in the report between two versions of a workbook."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reportkit.cli.errors import tell
from reportkit.cli.help import EXIT_INPUT, USAGE, epilog


@click.command(
    short_help="What changes in the report between two versions of a workbook.",
    epilog=epilog(
        ["reportkit diff meeting-old.xlsx meeting.xlsx"],
        [(0, "compared (no changes is said)"), (EXIT_INPUT, "a workbook has errors"), USAGE],
    ),
)
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new_version", metavar="NEW", type=click.Path(path_type=Path))
def diff(old: Path, new_version: Path) -> None:
    """Print what changes in the report between two versions of a workbook, OLD and NEW.

    Nothing is built or written: delegations and people added, removed or edited, report
    paragraphs reworded, agenda and programme rows changed.
    """
    from reportkit.api import prepare
    from reportkit.changes.compare import compare
    from reportkit.problems import InputError
    from reportkit.reference import load_reference

    models = []
    for path in (old, new_version):
        try:
            models.append(prepare(path).source)
        except InputError as error:
            tell(error)
    if len(models) < 2:
        sys.exit(EXIT_INPUT)
    changes = compare(models[0], models[1], load_reference())
    for line in changes.lines() or ["no changes"]:
        click.echo(line)
