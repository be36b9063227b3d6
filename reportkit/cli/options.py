"""The options several commands share, written once so they read and behave alike."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from reportkit.model import Language

out_dir_option = click.option(
    "-o",
    "--out-dir",
    "out_dir",
    default="outputs",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the reports into.",
)
template_option = click.option(
    "--template",
    type=click.Path(path_type=Path),
    help="A restyled copy of the shipped template (`reportkit templates export`) to use.",
)


# The editions' languages, `model.Language`'s values written out so that a command's help
# lists them without loading the model (tests/test_cli_help.py holds them to it).
LANGUAGES = ("en", "fr", "ar")

# What --lang takes in every command: an edition's language, or all of them.
LANG_CHOICES = click.Choice([*LANGUAGES, "all"])

lang_option = click.option(
    "--lang",
    "lang",
    type=LANG_CHOICES,
    help="The edition: en, fr, ar, or all three [default: the workbook's field languages,"
    " else en].",
)


def languages(lang: str | None) -> tuple[Language, ...] | None:
    from reportkit.model import Language

    if lang is None:
        return None
    return tuple(Language) if lang == "all" else (Language(lang),)


def format_option(help_text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help=help_text,
    )


def triage_options(quiet_help: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """-q and -v, as `check` and `build` print a workbook's problems (`triage`)."""

    def add(command: Callable[..., None]) -> Callable[..., None]:
        command = click.option(
            "-v",
            "--verbose",
            is_flag=True,
            help="Name every cell of a kind of warning, and list each entry reportkit tidied.",
        )(command)
        return click.option("-q", "--quiet", is_flag=True, help=quiet_help)(command)

    return add
