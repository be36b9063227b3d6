"""How a command reports what stops it, written once so that every command says it alike:
the user's mistakes one line each on stderr with exit status 1, a bug of reportkit's own
behind an apology and its traceback with exit status 3 (`help`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from reportkit.cli.help import EXIT_BUG, EXIT_INPUT

if TYPE_CHECKING:
    from reportkit.problems import InputError


def tell(error: InputError) -> None:
    """Each problem of `error` on its own line on stderr, located in its source."""
    for problem in error.problems:
        click.echo(problem.line(error.source), err=True)


def fail_with(error: InputError) -> NoReturn:
    tell(error)
    sys.exit(EXIT_INPUT)


def fail(path: Path, message: str) -> NoReturn:
    click.echo(f"{path}: {message}", err=True)
    sys.exit(EXIT_INPUT)


def apologise(path: Path) -> NoReturn:
    """A bug of ours, not the user's: say so briefly, show the traceback, stop."""
    import traceback

    click.echo(
        f"{path}: sorry, reportkit hit a bug it could not handle; "
        "please report it with the details below.",
        err=True,
    )
    traceback.print_exc()
    sys.exit(EXIT_BUG)
