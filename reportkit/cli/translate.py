"""`reportkit translate`: the workbook's texts to translators as XLIFF, and their work back.

translate-toolkit, which reads and writes XLIFF, is imported when a translate command
runs: it costs every other command's start-up nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reportkit.cli.errors import apologise, fail, fail_with
from reportkit.cli.help import BUG, EXIT_INPUT, USAGE, epilog
from reportkit.cli.options import LANGUAGES


@click.group(
    short_help="Give translators an XLIFF file; write their translations back.",
    epilog=epilog(
        [
            "reportkit translate export meeting.xlsx --lang fr   # meeting.fr.xlf",
            "reportkit translate import meeting.xlsx meeting.fr.xlf",
            "reportkit check meeting.xlsx --lang fr             # translations to review",
        ],
        [(0, "done"), (EXIT_INPUT, "a file cannot be used, or units were refused"), USAGE, BUG],
    ),
)
def translate() -> None:
    """The translators' round trip: export the workbook's English as XLIFF 1.2 for a CAT
    tool, import what the translator returns into the French or Arabic columns.

    The workbook remembers which English each imported translation was made for: when the
    English changes, `reportkit check` says so at the translation's cell, and the next
    export marks the unit for review. docs/editions.md: "Translators' round trip".
    """


@translate.command(
    "export",
    short_help="Write the workbook's texts as XLIFF 1.2 for translators.",
    epilog=epilog(
        [
            "reportkit translate export meeting.xlsx --lang fr",
            "reportkit translate export meeting.xlsx --lang ar -o to-translator/meeting.ar.xlf",
            "reportkit translate export meeting.xlsx --lang fr --force   # replace the file",
        ],
        [
            (0, "written"),
            (
                EXIT_INPUT,
                "the workbook cannot be read, or the XLIFF file exists or cannot be written",
            ),
            USAGE,
            BUG,
        ],
    ),
)
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option(
    "--lang",
    "lang",
    required=True,
    type=click.Choice([language for language in LANGUAGES if language != "en"]),
    help="The language to translate into.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="The XLIFF file to write [default: WORKBOOK's name with .fr.xlf or .ar.xlf].",
)
@click.option("--force", is_flag=True, help="Replace the XLIFF file if it exists.")
def export_command(workbook: Path, lang: str, output: Path | None, force: bool) -> None:
    """Write one XLIFF 1.2 unit per translatable cell of WORKBOOK: its English as source,
    the workbook's translation (if any) as target.

    Units without a translation are marked needs-translation; those whose English changed
    after their translation was imported, needs-review-translation. Each unit's id names
    its row by what it is (a Meeting field, a delegate, a slot, a Key, its text), so ids
    survive rows being inserted or moved. An existing file is replaced only with --force.
    """
    from reportkit.arrange.language import language_name
    from reportkit.base.write import write_atomic
    from reportkit.model import Language
    from reportkit.problems import InputError
    from reportkit.state.kept import NotKept, dated_copy
    from reportkit.translate.exporting import export_workbook
    from reportkit.translate.keep import kept_folder

    language = Language(lang)
    target = output or workbook.with_name(f"{workbook.stem}.{language.value}.xlf")
    if target.is_dir():
        fail(target, "this is a folder — give the XLIFF file's name with -o")
    if target.exists() and not force:
        fail(target, "the file exists — choose another name with -o, or add --force to replace it")
    try:
        exported = export_workbook(workbook, language)
    except InputError as error:
        fail_with(error)
    except Exception:
        apologise(workbook)
    if target.exists():  # --force: the translator's file is kept before it is replaced
        try:
            kept = dated_copy(kept_folder(target), target, target.read_bytes())
        except (NotKept, OSError) as error:
            fail(target, f"could not be kept before it is replaced ({error}) — nothing written")
        click.echo(f"{target}: the previous file is kept at {kept}", err=True)
    try:
        write_atomic(target, exported.data)
    except OSError as error:
        fail(target, f"cannot be written ({error.strerror}) — choose another folder or name")
    total = exported.translated + exported.to_translate + exported.to_review
    click.echo(
        f"{workbook}: {total} units in {target} for {language_name(language)}:"
        f" {exported.translated} translated, {exported.to_translate} to translate,"
        f" {exported.to_review} to review",
        err=True,
    )
    click.echo(str(target))


@translate.command(
    "import",
    short_help="Write a translator's XLIFF into the workbook's translation columns.",
    epilog=epilog(
        ["reportkit translate import meeting.xlsx meeting.fr.xlf"],
        [
            (0, "imported (or nothing to import)"),
            (
                EXIT_INPUT,
                "a file cannot be used (nothing written), or units were refused (one line"
                " each; the others are written)",
            ),
            USAGE,
            BUG,
        ],
    ),
)
@click.argument("workbook", type=click.Path(path_type=Path))
@click.argument("xliff", metavar="FILE.xlf", type=click.Path(path_type=Path))
def import_command(workbook: Path, xliff: Path) -> None:
    """Write the translations of FILE.xlf into WORKBOOK's twin columns (Text fr beside
    Text …), making the columns that are missing.

    Only units the translator marked translated (or final, signed off) are written. A unit
    whose English changed in the workbook since its export is refused, at its cell. The
    workbook as it was is kept first in .reportkit/kept/ beside it; nothing else in it
    changes. The workbook remembers which English each translation was made for.
    """
    from reportkit.arrange.language import language_name
    from reportkit.problems import InputError
    from reportkit.translate.importing import import_translations

    if workbook.suffix.casefold() in _XLIFF_SUFFIXES:
        fail(
            workbook,
            "this is the XLIFF file — give the workbook first, then the XLIFF file:"
            f" reportkit translate import meeting.xlsx {workbook.name}",
        )
    try:
        imported = import_translations(workbook, xliff)
    except InputError as error:
        fail_with(error)
    except Exception:
        apologise(workbook)
    for problem in imported.problems:
        click.echo(problem.line(str(workbook)), err=True)
    name = language_name(imported.language)
    said = [f"{imported.written} written", f"{imported.unchanged} already there"]
    if imported.waiting:
        said.append(f"{imported.waiting} still marked for translation or review, left out")
    if imported.problems:
        said.append(f"{len(imported.problems)} refused")
    click.echo(f"{workbook}: {name} texts from {xliff}: " + ", ".join(said), err=True)
    for column in imported.columns:
        click.echo(f"{workbook}: new column {column}", err=True)
    if imported.kept is not None:
        click.echo(f"{workbook}: your previous file is kept at {imported.kept}", err=True)
        click.echo(str(workbook))
    if imported.problems:
        sys.exit(EXIT_INPUT)


_XLIFF_SUFFIXES = (".xlf", ".xliff")
