"""`reportkit templates`: the shipped template to restyle, and checking a restyled one."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from reportkit.cli.help import EXIT_INPUT, USAGE, epilog

if TYPE_CHECKING:
    from reportkit.problems import Problem


@click.group(
    short_help="Export the shipped template to restyle; check a restyled one.",
    epilog=epilog(
        [
            "reportkit templates export styles/",
            "reportkit templates check styles/report.docx",
            "reportkit build --template styles/report.docx",
        ],
        [(0, "done, no problems"), (EXIT_INPUT, "a template has problems"), USAGE],
    ),
)
def templates() -> None:
    """The report template: an ordinary Word document with docxtpl tags.

    Export the shipped one, restyle it in Word (fonts, spacing, numbering formats) keeping
    its tags and style names, check it, then build with --template.
    """


@templates.command(
    short_help="Write the shipped templates into a folder, to restyle.",
    epilog=epilog(
        ["reportkit templates export styles/", "reportkit templates export styles/ --force"],
        [(0, "written"), (EXIT_INPUT, "a file of those names exists (without --force)"), USAGE],
    ),
)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace templates of the same names in FOLDER.")
def export(folder: Path, force: bool) -> None:
    """Write the shipped templates into FOLDER (made if missing): report.docx for English
    editions, report.fr.docx and report.ar.docx for French and Arabic ones."""
    from reportkit.base.write import write_atomic
    from reportkit.model import Language
    from reportkit.render import default_template

    shipped = [default_template(language) for language in Language]
    targets = [folder / template.name for template in shipped]
    existing = [target for target in targets if target.exists()]
    if existing and not force:
        for target in existing:
            click.echo(f"{target}: the file exists — export elsewhere, or add --force", err=True)
        sys.exit(EXIT_INPUT)
    folder.mkdir(parents=True, exist_ok=True)
    for template, target in zip(shipped, targets, strict=True):
        write_atomic(target, template.read_bytes())
        click.echo(str(target))
    click.echo(
        f"{targets[0]}: restyle it in Word, keeping its tags and style names; then"
        f" `reportkit templates check {targets[0]}` and"
        f" `reportkit build --template {targets[0]}`",
        err=True,
    )


@templates.command(
    "check",
    short_help="Report every problem of templates, located, writing nothing.",
    epilog=epilog(
        ["reportkit templates check styles/report.docx"],
        [(0, "no errors"), (EXIT_INPUT, "some template has errors"), USAGE],
    ),
)
@click.argument(
    "paths", metavar="TEMPLATE...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
def check_templates(paths: tuple[Path, ...]) -> None:
    """Check each TEMPLATE as `reportkit build` does before using it, then render an example.

    Each problem is one line naming the part (body, header, footer, styles) and the
    paragraph or table cell: broken tags, names reportkit does not provide, blocks not
    closed or of mixed kinds, text docxtpl would drop beside a {%p %} or {%tr %} tag,
    styles missing or renamed, and tags of the shipped template no longer there.
    """
    from reportkit.problems import Severity, has_errors

    failed = False
    for path in paths:
        problems = _problems(path)
        for problem in problems:
            click.echo(problem.line(str(path)))
        errors = sum(p.severity is Severity.ERROR for p in problems)
        verdict = f"{errors} error{'s' * (errors != 1)}" if errors else "no problems"
        click.echo(f"{path}: {verdict}")
        failed = failed or has_errors(problems)
    if failed:
        sys.exit(EXIT_INPUT)


def _problems(path: Path) -> list[Problem]:
    """Safety first; a sound .docx refused only for what it holds is still checked for the
    rest, so that one run says everything; one without errors is then rendered once."""
    from reportkit.problems import InputError, has_errors
    from reportkit.read.safety import check_archive, check_template
    from reportkit.template_check import template_problems
    from reportkit.template_check.trial import trial_problems

    try:
        check_template(path)
    except InputError as error:
        try:
            check_archive(path, "template")
        except InputError:
            return error.problems
        return error.problems + template_problems(path)
    problems = template_problems(path)
    return problems if has_errors(problems) else problems + trial_problems(path)
