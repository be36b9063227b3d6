"""Building many workbooks at once: in parallel, incrementally, one failure never stopping the rest.

Each workbook is a job run in a worker process. A job whose workbook, template and
reportkit version are unchanged since its report was built (the manifest in OUTDIR says,
by content hash) is not run at all. A rebuilt report gets a change report against the
workbook it was last built from, kept in OUTDIR/.reportkit/.
"""

from __future__ import annotations

import glob
import os
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from time import perf_counter

from reportkit import __version__
from reportkit.api import build_report, output_path
from reportkit.changes import compare
from reportkit.manifest import Entry, Manifest, digest, snapshot_path
from reportkit.model import MeetingInput
from reportkit.problems import InputError
from reportkit.read import read_workbook
from reportkit.read.safety import check_template
from reportkit.reference import load_reference
from reportkit.render import TemplateProblem, default_template
from reportkit.write import write_atomic


class Status(StrEnum):
    BUILT = "built"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass(frozen=True)
class Outcome:
    workbook: Path
    status: Status
    report: Path | None = None
    size: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    entry: Entry | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "workbook": str(self.workbook),
            "status": self.status.value,
            "report": str(self.report) if self.report else None,
            "size": self.size,
            "seconds": round(self.seconds, 3),
            "problems": self.problems,
            "changes": self.changes,
        }


@dataclass(frozen=True)
class Job:
    workbook: Path
    out_dir: Path
    template: Path
    expected: Entry


def find_workbooks(arguments: Iterable[str | Path]) -> list[Path]:
    """Files as given, folders' *.xlsx, globs expanded; Excel's ~$ lock files are skipped."""
    found: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            candidates = sorted(path.glob("*.xlsx"))
        elif not path.exists() and glob.has_magic(str(argument)):
            candidates = sorted(Path(p) for p in glob.glob(str(argument))) or [path]
        else:
            candidates = [path]
        for candidate in candidates:
            if not candidate.name.startswith("~$") and candidate not in found:
                found.append(candidate)
    return found


def run_batch(
    workbooks: list[Path],
    out_dir: Path,
    template: Path | None = None,
    jobs: int | None = None,
    force: bool = False,
    on_done: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Build every workbook into `out_dir`; outcomes come back in the order of `workbooks`.

    A template that is unsafe or no Word document raises `InputError` before anything is built.
    """
    template = template or default_template()
    check_template(template)
    template_hash = digest(template)
    manifest = Manifest(out_dir)
    outcomes: dict[int, Outcome] = {}
    pending: dict[int, Job] = {}
    claimed: dict[str, Path] = {}
    for index, workbook in enumerate(workbooks):
        early = _plan(workbook, out_dir, template_hash, manifest, force, claimed)
        if isinstance(early, Outcome):
            outcomes[index] = early
            if on_done:
                on_done(early)
        else:
            pending[index] = Job(workbook, out_dir, template, early)
    for index, outcome in _run(pending, jobs, on_done):
        outcomes[index] = outcome
    built = [o for o in outcomes.values() if o.status is Status.BUILT and o.report and o.entry]
    for outcome in built:
        manifest.record(outcome.report, outcome.entry)  # type: ignore[arg-type]
    if built:
        manifest.save()
    return [outcomes[i] for i in range(len(workbooks))]


def _plan(
    workbook: Path,
    out_dir: Path,
    template_hash: str,
    manifest: Manifest,
    force: bool,
    claimed: dict[str, Path],
) -> Outcome | Entry:
    """An outcome decided without building (unchanged, or impossible), or the entry to build to."""
    try:
        report = output_path(workbook, out_dir)
    except InputError as error:
        return Outcome(
            workbook, Status.FAILED, problems=[p.line(error.source) for p in error.problems]
        )
    other = claimed.setdefault(report.name.casefold(), workbook)
    if other != workbook:
        message = f"{workbook}: {other} also builds {report.name} — rename one of the two workbooks"
        return Outcome(workbook, Status.FAILED, problems=[message])
    if not workbook.is_file():
        return Outcome(
            workbook,
            Status.FAILED,
            problems=[f"{workbook}: the file does not exist — check the path"],
        )
    expected = Entry(digest(workbook), template_hash, __version__, "")
    if not force and manifest.is_current(report, expected):
        return Outcome(workbook, Status.UNCHANGED, report, report.stat().st_size)
    return expected


def _run(
    pending: dict[int, Job], jobs: int | None, on_done: Callable[[Outcome], None] | None
) -> Iterable[tuple[int, Outcome]]:
    workers = max(1, min(jobs or os.cpu_count() or 1, len(pending)))
    if workers == 1:
        for index, job in pending.items():
            outcome = build_job(job)
            if on_done:
                on_done(outcome)
            yield index, outcome
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(build_job, job): index for index, job in pending.items()}
        for future in as_completed(futures):
            outcome = future.result()
            if on_done:
                on_done(outcome)
            yield futures[future], outcome


def build_job(job: Job) -> Outcome:
    """One workbook, start to finish; every failure becomes an outcome, never an exception."""
    start = perf_counter()
    try:
        result = build_report(job.workbook, job.out_dir, job.template)
    except InputError as error:
        lines = [p.line(error.source) for p in error.problems]
        return Outcome(job.workbook, Status.FAILED, seconds=perf_counter() - start, problems=lines)
    except TemplateProblem as error:
        return Outcome(
            job.workbook, Status.FAILED, seconds=perf_counter() - start, problems=[error.line()]
        )
    except Exception:
        apology = (
            f"{job.workbook}: sorry, reportkit hit a bug; please report it with these details:"
        )
        return Outcome(
            job.workbook,
            Status.FAILED,
            seconds=perf_counter() - start,
            problems=[apology, traceback.format_exc()],
        )
    changes = _record_changes(job, result.path, result.source)
    entry = Entry(
        job.expected.workbook, job.expected.template, job.expected.version, digest(result.path)
    )
    return Outcome(
        job.workbook,
        Status.BUILT,
        result.path,
        result.path.stat().st_size,
        perf_counter() - start,
        [w.line(str(job.workbook)) for w in result.warnings],
        changes,
        entry,
    )


def _record_changes(job: Job, report: Path, source: MeetingInput) -> list[str]:
    """Compare with the previous build's workbook, write `<stem>.changes.md`, keep a snapshot."""
    snapshot = snapshot_path(job.out_dir, report.name)
    lines: list[str] = []
    if snapshot.is_file():
        previous, _ = read_workbook(snapshot)
        if previous is not None:
            changes = compare(previous, source, load_reference())
            lines = changes.lines()
            notes = report.with_name(f"{report.stem}.changes.md")
            write_atomic(notes, changes.markdown(report.stem).encode("utf-8"))
    write_atomic(snapshot, job.workbook.read_bytes())
    return lines
