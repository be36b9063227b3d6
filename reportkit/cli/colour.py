"""Colour for a person reading at a terminal, so that what stops a build stands out: errors
red, warnings yellow. None in a pipe or a file, where the codes would be noise to a script,
nor when NO_COLOR is set (no-color.org)."""

from __future__ import annotations

import os
import sys
from typing import TextIO

import click

from reportkit.cli.shown import shown, underneath
from reportkit.problems import Severity

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow"}


def echo(text: str, severity: Severity | None = None, *, err: bool = False) -> None:
    """`text` as one line on standard output (error with `err`), coloured by `severity` when
    a person reads it at a terminal. Its characters are escaped as every line's are
    (`shown`) before the colour is put around them, so only our own codes reach the
    terminal."""
    stream = sys.stderr if err else sys.stdout
    colour = _COLOURS.get(severity) if severity else None
    if colour is None or not wanted(stream):
        click.echo(text, err=err)
        return
    raw = underneath(stream)
    raw.write(click.style(shown(text), fg=colour) + "\n")
    raw.flush()


def wanted(stream: TextIO) -> bool:
    """Colour only at a terminal, and never once NO_COLOR is set to anything."""
    return not os.environ.get("NO_COLOR") and stream.isatty()
