"""`reportkit build`: each workbook's report, many in parallel, with a line of progress
and a summary; the batch itself is `reportkit.batch`."""

from __future__ import annotations

import sys
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING

import click

from reportkit.cli.errors import fail, fail_with
from reportkit.cli.help import BUG, EXIT_BUG, EXIT_INPUT, USAGE, epilog
from reportkit.cli.options import (
    lang_option,
    languages,
    out_dir_option,
    template_option,
    triage_options,
)

if TYPE_CHECKING:
    from reportkit.batch.run import Outcome


@click.command(
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
            "reportkit build meeting.xlsx --open      # then opens outputs/meeting.docx",
            "reportkit build meeting.xlsx -q          # errors only, no warnings",
        ],
        [
            (0, "every report built, merged or up to date"),
            (
                EXIT_INPUT,
                "a workbook or the template is missing or has errors, or a PDF could not be made"
                " (one line each); the others are still built",
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
    "choose). Without it a PDF is left alone, and said to be older than a report that changed.",
)
@click.option(
    "--pdf-a",
    is_flag=True,
    help="Make that PDF a PDF/A-2b, for archives (implies --pdf).",
)
@lang_option
@click.option(
    "--open",
    "open_report",
    is_flag=True,
    help="Then open the first report written with the desktop's default application (not"
    " when the build failed or nothing was written).",
)
@triage_options("Print no warnings, only what went wrong.")
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
    open_report: bool,
    quiet: bool,
    verbose: bool,
    log: Path | None,
) -> None:
    """Build OUTDIR/<name>.docx for each WORKBOOK: files, folders or globs (default: inputs/).

    Each edition the workbook asks for (Meeting field languages) or --lang chooses is
    built: <name>.docx in English, <name>.fr.docx in French, <name>.ar.docx in Arabic.

    Only what changed is rebuilt; a report that is up to date is said to be. A report
    edited in Word since it was built is never overwritten: the workbook's corrections are
    merged into it as tracked changes, and a copy of the file as it was is kept in
    OUTDIR/.reportkit/kept/. Each path written is printed; problems go to stderr, as
    `check` prints them: errors first, warnings of one kind in one line, what reportkit
    tidied by itself counted (-v lists it, -q leaves warnings out).
    """
    from reportkit.base.inputs import find_workbooks
    from reportkit.base.write import write_atomic
    from reportkit.batch.run import Status, run_batch
    from reportkit.cli import summary
    from reportkit.problems import InputError

    if quiet and verbose:
        raise click.UsageError("-q and -v ask for opposite things; give one of them")
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
            languages=languages(lang),
            on_planned=progress.start,
        )
    except InputError as error:
        fail_with(error)
    progress.finish()
    seconds = perf_counter() - start
    said: set[str] = set()
    for outcome in outcomes:
        _report(outcome, said, quiet=quiet, verbose=verbose)
    if len(outcomes) > 1:
        for line in summary.table(outcomes, seconds):
            click.echo(line, err=True)
    elif outcomes[0].status is Status.UNCHANGED and not outcomes[0].notices:
        click.echo(f"{outcomes[0].report}: up to date", err=True)
    if log:
        try:
            write_atomic(log, summary.as_json(outcomes, seconds).encode("utf-8"))
        except OSError as error:
            fail(log, f"the log cannot be written ({error.strerror}) — choose another folder")
    if any(o.bug for o in outcomes):
        sys.exit(EXIT_BUG)
    if any(o.status is Status.FAILED or o.pdf_error for o in outcomes):
        sys.exit(EXIT_INPUT)
    written = [o.report for o in outcomes if o.report and o.status in (Status.BUILT, Status.MERGED)]
    if open_report and written:
        from reportkit.cli.opener import open_with_desktop

        if line := open_with_desktop(written[0]):
            click.echo(line, err=True)


def _report(outcome: Outcome, said: set[str], *, quiet: bool, verbose: bool) -> None:
    """What one report's build tells the person: problems, changes, what was merged. A
    problem found in each edition of a workbook is said once (`said`: the lines so far)."""
    from reportkit.batch.run import Status
    from reportkit.cli import colour
    from reportkit.cli.triage import Line, triaged_findings

    lines = triaged_findings(outcome.findings, verbose=verbose, quiet=quiet)
    lines += [Line(line) for line in [*outcome.messages, *outcome.notices]]
    for line in lines:
        if line.text not in said:
            said.add(line.text)
            colour.echo(line.text, line.severity, err=True)
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
