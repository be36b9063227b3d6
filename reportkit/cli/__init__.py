"""The `reportkit` command: a thin layer over the library API.

Exit status: 0 all built, 1 a workbook had errors (each one line on stderr), 2 usage,
3 a bug in reportkit (traceback shown behind an apology). Every command's help ends with
examples and its exit statuses (`cli_help`); summaries in the command list are written
out (`short_help`), since click cuts a docstring's first sentence at 45 characters.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING

import click

from reportkit.cli.errors import apologise, fail_with, tell
from reportkit.cli.help import BUG, EXIT_BUG, EXIT_INPUT, USAGE, epilog
from reportkit.cli.new import new
from reportkit.cli.shown import install as install_escaping
from reportkit.cli.shown import json_text
from reportkit.cli.templates import templates
from reportkit.cli.translate import translate
from reportkit.model import LISTING_ORDERINGS, Language, Ordering
from reportkit.problems import InputError, Problem, Severity, has_errors

if TYPE_CHECKING:
    from reportkit.batch.run import Outcome

# Each command imports the pipeline it needs when it runs: `reportkit --help` (and a
# typo's usage line) should answer at click's own speed, not after loading every stage.

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
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A restyled copy of the shipped template (`reportkit templates export`) to use.",
)


lang_option = click.option(
    "--lang",
    "lang",
    type=click.Choice([*(language.value for language in Language), "all"]),
    help="The edition: en, fr, ar, or all three [default: the workbook's field languages,"
    " else en].",
)


def _languages(lang: str | None) -> tuple[Language, ...] | None:
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


@click.group(
    # color=True: click would otherwise strip what looks like a colour code from a line it
    # prints to a file or pipe, so that a file name holding one were shown differently from
    # the name on disk; every line is escaped instead (`shown`).
    context_settings={"help_option_names": ["-h", "--help"], "color": True},
    epilog="\n".join(
        [
            "\b",
            "Start a meeting's workbook, then build its report:",
            "  reportkit new meeting.xlsx",
            "  reportkit check meeting.xlsx",
            "  reportkit build meeting.xlsx",
            "",
            "The workbook's sheets and columns are described in its Instructions sheet and in",
            'the README, section "The workbook". `reportkit COMMAND -h` shows a command\'s',
            "options, examples and exit statuses.",
        ]
    ),
)
@click.version_option(package_name="reportkit")
def main() -> None:
    """Draft OIC / COMCEC meeting reports as Word documents from Excel workbooks.

    One workbook per meeting becomes the report .docx: title block, numbered body and
    annexes (agenda, programme, list of participants, statements), in the house style,
    ready to finish in Word.
    """
    install_escaping()


main.add_command(new)
main.add_command(templates)
main.add_command(translate)


@main.command(
    short_help="Build the report of each workbook (default: inputs/*.xlsx).",
    epilog=epilog(
        [
            "reportkit build                          # every inputs/*.xlsx into outputs/",
            "reportkit build meeting.xlsx -o reports  # writes reports/meeting.docx",
            'reportkit build "in/*-2022.xlsx" --jobs 4 --log run.json',
            "reportkit build meeting.xlsx --template our-style.docx",
            "reportkit build meeting.xlsx --pdf       # and meeting.pdf beside it",
            "reportkit build meeting.xlsx --pdf-a     # meeting.pdf as PDF/A-2b, to archive",
            "reportkit build meeting.xlsx --lang all  # meeting.docx, .fr.docx, .ar.docx",
        ],
        [
            (0, "every report built, merged or up to date"),
            (
                EXIT_INPUT,
                "a workbook or the template has errors, or a PDF could not be made (one line"
                " each); the others are still built",
            ),
            USAGE,
            BUG,
        ],
    ),
)
@click.argument("workbooks", nargs=-1)
@out_dir_option
@template_option
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Workbooks built at once [default: cores]."
)
@click.option(
    "--force",
    is_flag=True,
    help="Rebuild even the reports that are up to date (edited ones are still merged).",
)
@click.option(
    "--fresh",
    is_flag=True,
    help="Rebuild from the workbook alone, even over edited reports (their copy is kept).",
)
@click.option(
    "--pdf",
    is_flag=True,
    help="Also make a tagged PDF beside each report, with LibreOffice (REPORTKIT_SOFFICE to "
    "choose).",
)
@click.option(
    "--pdf-a",
    is_flag=True,
    help="Make that PDF a PDF/A-2b, for archives (implies --pdf).",
)
@lang_option
@click.option(
    "--log",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the run's summary to this JSON file.",
)
def build(
    workbooks: tuple[str, ...],
    out_dir: Path,
    template: Path | None,
    jobs: int | None,
    force: bool,
    fresh: bool,
    pdf: bool,
    pdf_a: bool,
    lang: str | None,
    log: Path | None,
) -> None:
    """Build OUTDIR/<name>.docx for each WORKBOOK: files, folders or globs (default: inputs/).

    Each edition the workbook asks for (Meeting field languages) or --lang chooses is
    built: <name>.docx in English, <name>.fr.docx in French, <name>.ar.docx in Arabic.

    Only what changed is rebuilt; a report that is up to date is said to be. A report
    edited in Word since it was built is never overwritten: the workbook's corrections are
    merged into it as tracked changes, and a copy of the file as it was is kept in
    OUTDIR/.reportkit/kept/. Each path written is printed; problems go to stderr.
    """
    from reportkit.base.inputs import find_workbooks
    from reportkit.base.write import write_atomic
    from reportkit.batch.run import Status, run_batch
    from reportkit.cli import summary

    default = ["inputs"] if Path("inputs").is_dir() else []
    paths = find_workbooks(workbooks or default)
    if not paths:
        where = ", ".join(workbooks) if workbooks else "inputs/ (and no workbook was given)"
        raise click.UsageError(f"no workbook found in {where}")
    if out_dir.exists() and not out_dir.is_dir():
        raise click.UsageError(f"{out_dir} is a file, not a folder")
    start = perf_counter()
    progress = Progress()
    try:
        outcomes = run_batch(
            paths,
            out_dir,
            template,
            jobs,
            force,
            progress.done,
            fresh=fresh,
            on_notice=lambda line: click.echo(line, err=True),
            pdf=pdf,
            pdf_a=pdf_a,
            languages=_languages(lang),
            on_planned=progress.start,
        )
    except InputError as error:
        fail_with(error)
    progress.finish()
    seconds = perf_counter() - start
    said: set[str] = set()
    for outcome in outcomes:
        _report(outcome, said)
    if len(outcomes) > 1:
        for line in summary.table(outcomes, seconds):
            click.echo(line, err=True)
    elif outcomes[0].status is Status.UNCHANGED and not outcomes[0].notices:
        click.echo(f"{outcomes[0].report}: up to date", err=True)
    if log:
        write_atomic(log, summary.as_json(outcomes, seconds).encode("utf-8"))
    if any(o.bug for o in outcomes):
        sys.exit(EXIT_BUG)
    if any(o.status is Status.FAILED or o.pdf_error for o in outcomes):
        sys.exit(EXIT_INPUT)


def _report(outcome: Outcome, said: set[str]) -> None:
    """What one report's build tells the person: problems, changes, what was merged. A
    problem found in each edition of a workbook is said once (`said`: the lines so far)."""
    from reportkit.batch.run import Status

    for line in [*outcome.problems, *outcome.notices]:
        if line not in said:
            said.add(line)
            click.echo(line, err=True)
    if outcome.changes:
        click.echo(f"{outcome.report}: changes since the last build:", err=True)
        for line in outcome.changes:
            click.echo(f"  {line}", err=True)
    if outcome.applied:
        click.echo(
            f"{outcome.report}: edited in Word — corrections merged as tracked changes:", err=True
        )
        for line in outcome.applied:
            click.echo(f"  {line}", err=True)
    for line in outcome.conflicts:
        click.echo(f"{outcome.report}: {line}", err=True)
    if outcome.status in (Status.BUILT, Status.MERGED):
        click.echo(str(outcome.report))
    if outcome.pdf_error:
        click.echo(outcome.pdf_error, err=True)
    elif outcome.pdf_made:
        click.echo(str(outcome.pdf))


class Progress:
    """A bar on a terminal; one plain line per finished workbook otherwise."""

    def __init__(self) -> None:
        self.total = 0
        self.count = 0
        self.terminal = sys.stderr.isatty()

    def start(self, total: int) -> None:
        self.total = total

    def done(self, outcome: Outcome) -> None:
        self.count += 1
        if self.terminal:
            filled = round(30 * self.count / self.total)
            bar = "#" * filled + "-" * (30 - filled)
            click.echo(f"\r[{bar}] {self.count}/{self.total}", err=True, nl=False)
        elif self.total > 1:
            click.echo(
                f"[{self.count}/{self.total}] {outcome.status.value}: {outcome.label}", err=True
            )

    def finish(self) -> None:
        if self.terminal and self.count:
            click.echo("", err=True)


@main.command(
    short_help="Check workbooks for problems, writing nothing.",
    epilog=epilog(
        [
            "reportkit check meeting.xlsx",
            "reportkit check inputs/ --format json",
            "reportkit check meeting.xlsx --lang fr   # the French edition's problems",
        ],
        [
            (0, "no errors (warnings allowed)"),
            (EXIT_INPUT, "some workbook has errors"),
            USAGE,
            BUG,
        ],
    ),
)
@click.argument("workbooks", nargs=-1, required=True)
@format_option("One line per problem, or the same findings as JSON.")
@lang_option
def check(workbooks: tuple[str, ...], output_format: str, lang: str | None) -> None:
    """Check WORKBOOKs (files, folders or globs) for problems without writing anything.

    Each problem is one line, `file: Sheet!C14: what is wrong — what to do`; warnings say
    `warning:` and do not stop a build.
    """
    from reportkit.api import check as check_one
    from reportkit.base.inputs import find_workbooks

    paths = find_workbooks(workbooks)
    if not paths:
        raise click.UsageError("no workbook found in " + ", ".join(workbooks))
    findings = []
    for path in paths:
        try:
            problems = check_one(path, _languages(lang))
        except Exception:
            apologise(path)
        findings.append((path, problems))
    if output_format == "json":
        report = [
            {
                "file": str(path),
                "errors": _errors(problems),
                "warnings": len(problems) - _errors(problems),
                "problems": [p.as_dict(str(path)) for p in problems],
            }
            for path, problems in findings
        ]
        click.echo(json_text(report))
    else:
        for path, problems in findings:
            for problem in problems:
                click.echo(problem.line(str(path)))
            click.echo(f"{path}: {_summary(problems)}")
    if any(has_errors(problems) for _, problems in findings):
        sys.exit(EXIT_INPUT)


def _errors(problems: list[Problem]) -> int:
    return sum(p.severity is Severity.ERROR for p in problems)


def _summary(problems: list[Problem]) -> str:
    errors = _errors(problems)
    warnings = len(problems) - errors
    if not problems:
        return "no problems"
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


@main.command(
    short_help="List the delegations reportkit knows, or search them.",
    epilog=epilog(
        [
            "reportkit delegations",
            "reportkit delegations --search pakistan",
            "reportkit delegations --ordering french",
        ],
        [(0, "listed"), (EXIT_INPUT, "nothing matches the search"), USAGE],
    ),
)
@click.option(
    "--ordering",
    type=click.Choice([o.value for o in LISTING_ORDERINGS]),
    default=Ordering.ENGLISH.value,
    show_default=True,
    help="The order of member and observer states.",
)
@click.option(
    "--search", default="", help="Show only entries whose names contain or resemble TEXT."
)
def delegations(ordering: str, search: str) -> None:
    """List the delegations reportkit knows: name, formal name, category.

    Any of these names (or a formal name, ISO code, acronym) may be typed in the
    Participants sheet's Delegation column. An organisation not listed is written with
    Section other.
    """
    from reportkit.arrange.delegations import category, list_delegations

    entries = list_delegations(Ordering(ordering), search)
    if not entries:
        click.echo(
            f'no delegation matches "{search}" — an organisation reportkit does not know is'
            " written as it is, with Section other in the Participants sheet",
            err=True,
        )
        sys.exit(EXIT_INPUT)
    width = min(max(len(d.name) for d in entries), 24)
    for entry in entries:
        click.echo(f"{entry.name:<{width}}  {entry.formal_name}  [{category(entry)}]")


@main.command(
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
    from reportkit.changes import compare
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


@main.command(
    short_help="Every build of a report: when, what changed, what was merged.",
    epilog=epilog(
        [
            "reportkit history outputs/meeting.docx",
            "reportkit history outputs/meeting.docx --search kuwait",
        ],
        [(0, "listed"), (EXIT_INPUT, "no build of REPORT is recorded"), USAGE],
    ),
)
@click.argument("report", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--search", default="", help="Only builds whose changes mention TEXT (any case).")
@format_option("Lines for people, or JSON.")
def history(report: Path, search: str, output_format: str) -> None:
    """List every build of REPORT: when, from which workbook, what changed or was merged.

    The record is kept in the report's folder, in .reportkit/state.db.
    """
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


@main.command(
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
