"""Building many workbooks at once: in parallel, incrementally, one failure never stopping the rest.

Each edition of a workbook's report (English, French, Arabic: the workbook's `languages`
or those asked for) is a job run in a worker process, which builds its report under the
report's lock and records it in OUTDIR's state store itself, right after the report is in
place (see `reportkit.state`): a run killed at any moment loses nothing already built, and
two runs on one OUTDIR wait for each other report by report instead of interfering. A
report whose workbook, template, reportkit version and bytes are those recorded is not
even given to a worker.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import threading
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING

from reportkit.api import editions, output_path
from reportkit.base.hashing import digest
from reportkit.base.inputs import find_workbooks
from reportkit.base.template_files import default_template, edition_template
from reportkit.base.version import __version__
from reportkit.model import Language
from reportkit.problems import Findings, InputError, Problem
from reportkit.publish.status import Status
from reportkit.read.safety import check_template, file_problem
from reportkit.state import StateStore
from reportkit.template_check import check_before_build

# Worker processes are started (and concurrent.futures and multiprocessing, 8 ms, loaded)
# only for a batch that has them: a single report is built in the process that asks.
if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

# Planning a batch (which reports are up to date) needs only hashes and the state store.
# What builds a report (`build_job`) is loaded when one is built: the reader, arrange
# (with ICU), rendering (python-docx, docxtpl, jinja2), publishing and the report's lock
# (filelock), 0.3 s to import, which a run that finds every report up to date never loads;
# and what a worker runs to end with its run (`render.child`) when there are workers.
_BUILDING = (
    "reportkit.read.sheets",
    "reportkit.arrange",
    "reportkit.render",
    "reportkit.publish.report",
    "filelock",
    "reportkit.render.child",
)

__all__ = ["Outcome", "Status", "find_workbooks", "run_batch"]


@dataclass(frozen=True)
class Outcome:
    workbook: Path
    status: Status
    report: Path | None = None
    size: int = 0
    seconds: float = 0.0
    # Lines on what stopped it that are not the workbook's findings: a file refused, a bug.
    messages: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    applied: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    kept: Path | None = None
    notices: list[str] = field(default_factory=list)
    bug: bool = False
    pdf: Path | None = None
    pdf_made: bool = False
    pdf_error: str = ""
    language: Language = Language.EN
    # The workbook's own problems, errors and warnings, as found.
    findings: Findings | None = None

    @property
    def problems(self) -> list[str]:
        """Every problem as one line each: the workbook's findings, then the messages."""
        return [*(self.findings.lines() if self.findings else []), *self.messages]

    @property
    def label(self) -> str:
        """The workbook, and the edition when it is not the English one: `m.xlsx (fr)`."""
        if self.language is Language.EN:
            return str(self.workbook)
        return f"{self.workbook} ({self.language.value})"

    def as_dict(self) -> dict[str, object]:
        return {
            "workbook": str(self.workbook),
            "language": self.language.value,
            "status": self.status.value,
            "report": str(self.report) if self.report else None,
            "size": self.size,
            "seconds": round(self.seconds, 3),
            "problems": self.problems,
            "changes": self.changes,
            "merged": self.applied,
            "conflicts": self.conflicts,
            "kept": str(self.kept) if self.kept else None,
            "notices": self.notices,
            "pdf": str(self.pdf) if self.pdf else None,
            "pdf_error": self.pdf_error or None,
        }


@dataclass(frozen=True)
class Job:
    workbook: Path
    out_dir: Path
    template: Path | None
    force: bool
    fresh: bool
    language: Language = Language.EN


def run_batch(
    workbooks: list[Path],
    out_dir: Path,
    template: Path | None = None,
    jobs: int | None = None,
    force: bool = False,
    on_done: Callable[[Outcome], None] | None = None,
    *,
    fresh: bool = False,
    on_notice: Callable[[str], None] | None = None,
    pdf: bool = False,
    languages: tuple[Language, ...] | None = None,
    on_planned: Callable[[int], None] | None = None,
    pdf_a: bool = False,
    isolated: bool = False,
) -> list[Outcome]:
    """Build every workbook's editions into `out_dir`: `languages`, else each workbook's
    own. Outcomes come back in the order of `workbooks`, a workbook's editions in the
    order English, French, Arabic; `on_planned` hears how many there will be.

    With `pdf`, a tagged PDF is made beside every report (see `reportkit.publish.pdf`); with
    `pdf_a`, a PDF/A-2b (`pdf` or not: an archival PDF is a PDF). A template that is
    unsafe, no Word document or has mistakes (every one of them), a state folder that cannot
    be used, or (with `pdf`) no LibreOffice raises `InputError` before anything is built.

    With `isolated`, every report and the PDFs are made in worker processes, even a single
    report: a caller that must go on answering (the web server) then only waits, and
    killing those workers stops the build, which their atomic writes and the state store's
    transactions survive. Without it, a single report is built in this process, which
    spares the command line a worker's start.
    """
    store, notices = StateStore.open_existing(out_dir, check=True)
    for notice in notices:
        if on_notice:
            on_notice(notice)
    outcomes: dict[int, Outcome] = {}
    pending: dict[int, Job] = {}
    claimed: dict[str, Path] = {}
    learned: dict[str, str] = {}
    # Each workbook is read and hashed once a run, not for its editions and again for each.
    hashed = functools.cache(digest)
    try:
        refused = {w: problem for w in workbooks if (problem := _refused(w)) is not None}
        chosen = [
            (w, lang)
            for w in workbooks
            for lang in (
                [Language.EN] if w in refused else _editions(w, languages, store, learned, hashed)
            )
        ]
        if on_planned:
            on_planned(len(chosen))
        templates = {
            language: edition_template(template, language)
            if template
            else default_template(language)
            for language in {language for _, language in chosen}
        }
        hashes = {language: _template_hash(used) for language, used in templates.items()}
        for index, (workbook, language) in enumerate(chosen):
            report = (workbook, language, hashes[language])
            early = (
                Outcome(workbook, Status.FAILED, messages=[refused[workbook].line(str(workbook))])
                if workbook in refused
                else _plan(report, out_dir, store, force or fresh, claimed, hashed)
            )
            if early is not None:
                outcomes[index] = early
            else:
                pending[index] = Job(workbook, out_dir, template, force, fresh, language)
        if pending or any(o.status is not Status.UNCHANGED for o in outcomes.values()):
            # Else every report is recorded as built from these templates' bytes by this
            # reportkit, which checked them then: checking them again (a restyled template's
            # check loads jinja2, lxml and rendering) could only find them as they were.
            for used in dict.fromkeys(templates.values()):
                check_template(used)
                check_before_build(used)
        soffice = None
        if pdf or pdf_a:
            from reportkit.publish.pdf import find_soffice  # LibreOffice's driver, for --pdf only

            soffice = find_soffice()
        if on_done:
            for early in outcomes.values():
                on_done(early)
        # The parent's connection stays open while workers build: in WAL mode the last
        # connection to close checkpoints the log, and each worker's would otherwise be it.
        for index, outcome in _run(pending, jobs, on_done, isolated):
            outcomes[index] = outcome
            if store is None and outcome.status is not Status.FAILED:
                store, _ = StateStore.open_existing(out_dir)
        if store is not None:
            for workbook_hash, codes in learned.items():
                store.record_editions(workbook_hash, codes)
    finally:
        if store is not None:
            store.close()
    ordered = [outcomes[i] for i in range(len(chosen))]
    if not soffice:
        return _with_stale(ordered, out_dir)
    if isolated:
        return _with_pdfs_apart(ordered, out_dir, soffice, pdf_a)
    return _with_pdfs(ordered, out_dir, soffice, pdf_a)


def _template_hash(template: Path) -> str:
    """The template's hash; "" when it cannot be read, as no report was built with (its
    check then says why)."""
    try:
        return digest(template)
    except OSError:
        return ""


def _refused(workbook: Path) -> Problem | None:
    """A workbook no build should even open: its name cannot be stored or printed as it is
    (not UTF-8, control characters), or it is no regular file (a pipe would hang the
    batch, a device never ends). Found without opening it; the batch goes on without it."""
    name = str(workbook)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return Problem("the file name is not valid UTF-8", "rename the file")
    if _CONTROL.search(name):
        return Problem("the file name holds control characters", "rename the file")
    return file_problem(workbook)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _editions(
    workbook: Path,
    languages: tuple[Language, ...] | None,
    store: StateStore | None,
    learned: dict[str, str],
    hashed: Callable[[Path], str],
) -> list[Language]:
    """The editions to build of a workbook: those asked for, else its own, which the state
    store remembers per workbook content so that an unchanged workbook is not opened (nor
    the workbook reader loaded). Those read before there is a store (a first build) are
    put in `learned`, by workbook hash (`hashed`), for the store the build makes."""
    if languages is not None:
        return editions(workbook, languages)
    try:
        workbook_hash = hashed(workbook)
    except OSError:
        return editions(workbook)  # missing or unreadable: its build says so
    remembered = store.editions(workbook_hash) if store is not None else None
    if remembered is not None:
        return [Language(code) for code in remembered.split()]
    found = editions(workbook)
    codes = " ".join(language.value for language in found)
    if store is None:
        learned[workbook_hash] = codes
    else:
        store.record_editions(workbook_hash, codes)
    return found


def _with_pdfs(
    outcomes: list[Outcome], out_dir: Path, soffice: str, archive: bool
) -> list[Outcome]:
    """The outcomes with the PDF made (or not) beside each report, by one LibreOffice run.

    A PDF not made is a failure of its outcome (`pdf_error`), never an exception: the
    reports are built, and what the build said of them is still said."""
    from reportkit.publish.pdf import PdfResult, make_pdfs
    from reportkit.publish.pdf_export import PdfKind

    reports = [o.report for o in outcomes if o.report and o.status is not Status.FAILED]
    kind = PdfKind.ARCHIVE if archive else PdfKind.TAGGED
    try:
        results = make_pdfs(reports, out_dir, soffice, kind=kind)
    except InputError as error:  # the state folder became unusable since the build
        why = error.problems[0].line(error.source)
        results = [PdfResult(report, problem=f"{report}: no PDF — {why}") for report in reports]
    made = {result.report: result for result in results}
    done = []
    for outcome in outcomes:
        result = made.get(outcome.report) if outcome.report else None
        if result is None:
            done.append(outcome)
            continue
        notices = [*outcome.notices]
        if result.kept:
            notices.append(f"{result.pdf}: the previous PDF is kept at {result.kept}")
        if result.notice:
            notices.append(result.notice)
        done.append(
            replace(
                outcome,
                pdf=result.pdf,
                pdf_made=result.made,
                pdf_error=result.problem,
                notices=notices,
            )
        )
    return done


def _with_pdfs_apart(
    outcomes: list[Outcome], out_dir: Path, soffice: str, archive: bool
) -> list[Outcome]:
    """`_with_pdfs` in a worker process; a worker that died (killed, out of memory) leaves
    the reports without PDFs, each outcome saying so."""
    from concurrent.futures.process import BrokenProcessPool

    with _pool(1, isolated=True) as pool:
        try:
            return pool.submit(_with_pdfs, outcomes, out_dir, soffice, archive).result()
        except BrokenProcessPool as error:
            why = (
                f"the process making it stopped unexpectedly ({type(error).__name__}: {error})"
                " — build again"
            )
            return [
                replace(o, pdf_error=f"{o.report}: no PDF — {why}")
                if o.report and o.status is not Status.FAILED
                else o
                for o in outcomes
            ]


def _with_stale(outcomes: list[Outcome], out_dir: Path) -> list[Outcome]:
    """The outcomes, each report this build changed saying so when an older PDF of it
    stands beside it (see `reportkit.publish.pdf_stale`); the PDFs are left alone."""
    changed = [o for o in outcomes if o.report and o.status in (Status.BUILT, Status.MERGED)]
    try:
        store = StateStore.open_existing(out_dir)[0] if changed else None
    except InputError:  # the state folder became unusable since the build: nothing to say
        return outcomes
    if store is None:
        return outcomes
    from reportkit.publish.pdf_stale import stale_pdf

    try:
        lines = {o.report: stale_pdf(o.report, store) for o in changed if o.report}
    finally:
        store.close()
    return [
        replace(o, notices=[*o.notices, line]) if o.report and (line := lines.get(o.report)) else o
        for o in outcomes
    ]


def _plan(
    edition: tuple[Path, Language, str],
    out_dir: Path,
    store: StateStore | None,
    rebuild: bool,
    claimed: dict[str, Path],
    hashed: Callable[[Path], str],
) -> Outcome | None:
    """An outcome decided without building (up to date, or impossible), else None.

    `edition`: the workbook, the language and the hash of the edition's template;
    `hashed`: a workbook's hash."""
    workbook, language, template_hash = edition
    try:
        report = output_path(workbook, out_dir, language)
    except InputError as error:
        return Outcome(
            workbook,
            Status.FAILED,
            messages=[p.line(error.source) for p in error.problems],
            language=language,
        )
    other = claimed.setdefault(report.name.casefold(), workbook)
    if other != workbook:
        message = f"{workbook}: {other} also builds {report.name} — rename one of the two workbooks"
        return Outcome(workbook, Status.FAILED, messages=[message], language=language)
    problem = file_problem(workbook)  # it may have changed since the batch began
    if problem is not None:
        return Outcome(
            workbook, Status.FAILED, messages=[problem.line(str(workbook))], language=language
        )
    if rebuild or store is None:
        return None
    latest = store.latest(report.name)
    if latest is None or latest.inputs() != (hashed(workbook), template_hash, __version__):
        return None
    try:
        current = report.is_file() and digest(report) == latest.report_hash
    except OSError:
        return None
    if current:
        return Outcome(workbook, Status.UNCHANGED, report, report.stat().st_size, language=language)
    return None


def _run(
    pending: dict[int, Job],
    jobs: int | None,
    on_done: Callable[[Outcome], None] | None,
    isolated: bool,
) -> Iterable[tuple[int, Outcome]]:
    workers = max(1, min(jobs or os.cpu_count() or 1, len(pending)))
    if workers == 1 and not isolated:
        for index, job in pending.items():
            outcome = build_job(job)
            if on_done:
                on_done(outcome)
            yield index, outcome
        return
    from concurrent.futures import as_completed

    with _pool(workers, isolated) as pool:
        futures = {pool.submit(build_job, job): index for index, job in pending.items()}
        for future in as_completed(futures):
            index = futures[future]
            outcome = _result(future, pending[index])
            if on_done:
                on_done(outcome)
            yield index, outcome


def _pool(workers: int, isolated: bool) -> ProcessPoolExecutor:
    """Worker processes for the batch. An isolated batch's caller (the web page) has threads
    of its own that go on working meanwhile: a worker forked from it inherits every lock as
    it stood at that instant, and one another thread held (lxml's parser lock, seen under
    load) is never released in the worker, which then waits forever. Its workers are forked
    instead from a fork server started once, single-threaded, with the batch loaded.

    Forked either way, the workers start with what building loads (`_BUILDING`), loaded
    once before rather than by each of them."""
    from concurrent.futures import ProcessPoolExecutor

    context = _fork_server() if isolated else None
    if context is None:
        for module in _BUILDING:
            importlib.import_module(module)
    return ProcessPoolExecutor(
        max_workers=workers, initializer=_end_with_parent, mp_context=context
    )


@functools.cache
def _fork_server() -> BaseContext:
    """The fork server's context ("spawn" where there is none: Windows)."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__, *_BUILDING])
    return context


def _result(future: Future[Outcome], job: Job) -> Outcome:
    """The job's outcome; a worker that died (killed, out of memory) fails its workbook only."""
    try:
        return future.result()
    except Exception as error:
        return Outcome(
            job.workbook,
            Status.FAILED,
            messages=[
                f"{job.workbook}: the process building it stopped unexpectedly "
                f"({type(error).__name__}: {error}) — build it again"
            ],
            language=job.language,
        )


def _end_with_parent() -> None:
    """Workers end when the run that started them is gone, however it ended (kill -9
    included), instead of building on for minutes with nobody to report to.

    On Linux the kernel kills a worker when its parent process ends, even in the middle
    of one long C-level call. That parent is the run under the "fork" and "spawn" start
    methods, but the fork server under "forkserver", so a worker cannot judge by its
    parent's process ID; under every start method, multiprocessing gives each worker a
    sentinel, a pipe the run holds open until it ends, which a thread here waits on."""
    import multiprocessing

    from reportkit.render.child import kill_with_parent

    kill_with_parent()
    run = multiprocessing.parent_process()
    if run is not None:
        threading.Thread(target=_exit_after, args=(run,), daemon=True, name="end-with-run").start()


def _exit_after(run: BaseProcess) -> None:
    run.join()
    os._exit(1)


def build_job(job: Job) -> Outcome:
    """One workbook, start to finish; every failure becomes an outcome, never an exception."""
    # Building's stages, not the batch's (see `_BUILDING`).
    from reportkit.api import build_report
    from reportkit.render import TemplateProblem

    start = perf_counter()
    try:
        result = build_report(
            job.workbook,
            job.out_dir,
            job.template,
            force=job.force,
            fresh=job.fresh,
            language=job.language,
        )
    except InputError as error:
        return Outcome(
            job.workbook,
            Status.FAILED,
            seconds=perf_counter() - start,
            language=job.language,
            findings=Findings(error.source, tuple(error.problems)),
        )
    except TemplateProblem as error:
        return Outcome(
            job.workbook,
            Status.FAILED,
            seconds=perf_counter() - start,
            messages=[error.line()],
            language=job.language,
        )
    except Exception:
        apology = (
            f"{job.workbook}: sorry, reportkit hit a bug; please report it with these details:"
        )
        return Outcome(
            job.workbook,
            Status.FAILED,
            seconds=perf_counter() - start,
            messages=[apology, traceback.format_exc()],
            bug=True,
            language=job.language,
        )
    return Outcome(
        job.workbook,
        result.status,
        result.path,
        result.path.stat().st_size if result.path.exists() else 0,
        perf_counter() - start,
        [],
        result.changes,
        result.applied,
        result.conflicts,
        result.kept,
        result.notices,
        language=job.language,
        findings=Findings(str(job.workbook), tuple(result.warnings)),
    )
