"""Fault-injection trials on real builds: kill -9 at random moments, runs side by side.

Each trial returns what went wrong (an empty list when nothing did), so the tests run a
few trials and `benchmarks/soak.py` runs many with the same code.
"""

from __future__ import annotations

import os
import queue
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

from reportkit.base.hashing import digest
from reportkit.problems import InputError
from reportkit.publish.history import report_history
from tests.workbooks import set_position

OLD_POSITION = "General Manager"


def reportkit_process(*args: str, cwd: Path | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "reportkit", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reportkit", *args], capture_output=True, text=True, check=False
    )


def correct_all(workbooks: list[Path], positions: dict[Path, str], label: str) -> dict[Path, str]:
    """Give every workbook a new position for its first delegate; returns the old ones."""
    old = dict(positions)
    for index, workbook in enumerate(workbooks):
        positions[workbook] = f"Director {index} {label}"
        set_position(workbook, positions[workbook])
    return old


def lost_changes(
    out: Path, workbooks: list[Path], old: dict[Path, str], new: dict[Path, str]
) -> list[str]:
    """Workbooks whose real change is missing from their change note or build history."""
    lost = []
    for workbook in workbooks:
        change = f'position: "{old[workbook]}" → "{new[workbook]}"'
        report = out / f"{workbook.stem}.docx"
        notes = out / f"{workbook.stem}.changes.md"
        noted = notes.is_file() and change in notes.read_text(encoding="utf-8")
        recorded = any(change in line for r in report_history(report) for line in r.changes)
        if not (noted and recorded):
            lost.append(f"{workbook.name}: noted {noted}, recorded {recorded}")
    return lost


def killed_batch_trial(
    folder: Path,
    out: Path,
    workbooks: list[Path],
    positions: dict[Path, str],
    label: str,
    rng: random.Random,
    longest: float = 3.0,
) -> list[str]:
    """Correct every workbook, kill -9 a batch at a random moment, build again: every
    workbook's real change must be reported, and no worker may outlive the batch."""
    old = correct_all(workbooks, positions, label)
    batch = reportkit_process("build", str(folder), "-o", str(out), "--jobs", "2")
    time.sleep(rng.uniform(0.2, longest))
    batch.send_signal(signal.SIGKILL)
    batch.communicate()
    problems = [f"worker {pid} outlived its batch" for pid in survivors(out, wait=5.0)]
    after = run("build", str(folder), "-o", str(out), "--jobs", "2")
    if after.returncode != 0:
        problems.append(f"the build after the kill failed: {after.stderr[-2000:]}")
    return problems + lost_changes(out, workbooks, old, positions)


def concurrent_batches_trial(
    folder: Path, out: Path, workbooks: list[Path], positions: dict[Path, str], label: str
) -> list[str]:
    """Two batches over the same workbooks and OUTDIR at once: neither fails, and a third
    run finds every report up to date."""
    correct_all(workbooks, positions, label)
    runs = [reportkit_process("build", str(folder), "-o", str(out)) for _ in range(2)]
    problems = []
    for process in runs:
        _, stderr = process.communicate(timeout=300)
        if process.returncode != 0 or "Traceback" in stderr:
            problems.append(f"a concurrent batch failed ({process.returncode}): {stderr[-2000:]}")
    return problems + not_up_to_date(folder, out, len(workbooks))


def batch_and_watch_trial(
    folder: Path, out: Path, workbooks: list[Path], positions: dict[Path, str], label: str
) -> list[str]:
    """A batch while `watch` rebuilds one of its workbooks on every save."""
    watched = workbooks[0]
    watch = reportkit_process("watch", str(watched), "-o", str(out), "--interval", "0.1")
    lines, seen = _lines(watch)
    problems = []
    try:
        if not _wait_for(lines, ": ", 60):
            problems.append("watch never reported its first build")
        correct_all(workbooks, positions, label)
        batch = run("build", str(folder), "-o", str(out))
        if batch.returncode != 0:
            problems.append(f"the batch failed beside watch: {batch.stderr[-2000:]}")
        set_position(watched, f"{positions[watched]} again")
        positions[watched] = f"{positions[watched]} again"
        if not _built_from(out / f"{watched.stem}.docx", watched, 60):
            problems.append("watch did not rebuild after the batch")
    finally:
        watch.terminate()
        watch.wait(timeout=30)
    if any("Traceback" in line for line in seen):
        problems.append(f"watch hit a traceback: {''.join(seen)[-2000:]}")
    return problems + not_up_to_date(folder, out, len(workbooks))


def not_up_to_date(folder: Path, out: Path, count: int) -> list[str]:
    third = run("build", str(folder), "-o", str(out))
    summary = third.stderr.splitlines()[-1] if third.stderr else ""
    if third.returncode != 0 or not summary.startswith(f"0 built, {count} unchanged, 0 failed"):
        return [f"a third run did not find everything up to date: {third.stderr[-2000:]}"]
    return []


def survivors(out: Path, wait: float) -> list[int]:
    """reportkit processes still building into `out` after `wait` seconds."""
    deadline = time.monotonic() + wait
    while True:
        alive = _processes_mentioning(str(out))
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.2)


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            state = (entry / "stat").read_text().split()[2]
        except OSError:
            continue
        if text in command and "reportkit" in command and state != "Z":
            found.append(int(entry.name))
    return found


def _built_from(report: Path, workbook: Path, seconds: float) -> bool:
    """Wait until the report's latest recorded build is of the workbook as it is now."""
    wanted = digest(workbook)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if report_history(report)[-1].workbook_hash == wanted:
                return True
        except InputError:
            pass
        time.sleep(0.2)
    return False


def _lines(process: subprocess.Popen[str]) -> tuple[queue.Queue[str], list[str]]:
    """The process's stderr lines as they come (to wait on), and all of them so far."""
    lines: queue.Queue[str] = queue.Queue()
    seen: list[str] = []

    def pump() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            seen.append(line)
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    return lines, seen


def _wait_for(lines: queue.Queue[str], text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in lines.get(timeout=0.2):
                return True
        except queue.Empty:
            continue
    return False


def saved_during_build_trial(
    folder: Path,
    out: Path,
    workbooks: list[Path],
    positions: dict[Path, str],
    label: str,
    rng: random.Random,
) -> list[str]:
    """Rewrite a workbook in place (as a sync client does: truncate, then write) at a random
    moment of its build; then build again. The report must end with the workbook's last
    content, and the run after must find it up to date — never a stale report called so."""
    workbook = workbooks[0]
    correct_all([workbook], positions, f"{label} before")
    newer = workbook.with_name(f".{label}-newer.xlsx")
    newer.write_bytes(workbook.read_bytes())
    set_position(newer, f"Director {label} saved during the build")
    build = reportkit_process("build", str(workbook), "-o", str(out))
    time.sleep(rng.uniform(0.0, 0.6))
    data = newer.read_bytes()
    with workbook.open("r+b") as handle:
        handle.truncate(0)
        handle.write(data)
    newer.unlink()
    positions[workbook] = f"Director {label} saved during the build"
    build.communicate(timeout=300)
    after = run("build", str(workbook), "-o", str(out))
    problems = [] if after.returncode == 0 else [f"the next build failed: {after.stderr[-2000:]}"]
    if report_history(out / f"{workbook.stem}.docx")[-1].workbook_hash != digest(workbook):
        problems.append("the last record is not of the workbook as saved")
    again = run("build", str(workbook), "-o", str(out))
    if again.stderr != f"{out / workbook.with_suffix('.docx').name}: up to date\n":
        problems.append(f"the run after did not find the report up to date: {again.stderr}")
    return problems


def foreign_log_trial(
    folder: Path, out: Path, workbooks: list[Path], positions: dict[Path, str], label: str
) -> list[str]:
    """Another output folder's write-ahead log lands beside this folder's database (a sync
    restoring files one by one): the next run sets the state aside once and builds."""
    elsewhere = out.with_name(f"{out.name}-{label}-elsewhere")
    if run("build", str(workbooks[0]), "-o", str(elsewhere)).returncode != 0:
        return ["the other folder could not be built"]
    holder = sqlite3.connect(elsewhere / ".reportkit" / "state.db")
    try:
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        holder.execute("SELECT count(*) FROM builds").fetchone()
        set_position(workbooks[0], f"Director {label} elsewhere")
        run("build", str(workbooks[0]), "-o", str(elsewhere))
        shutil.copy(elsewhere / ".reportkit" / "state.db-wal", out / ".reportkit" / "state.db-wal")
    finally:
        holder.close()
        shutil.rmtree(elsewhere, ignore_errors=True)
    correct_all(workbooks, positions, label)
    first = run("build", str(folder), "-o", str(out))
    problems = []
    if first.returncode != 0 or "the build state was damaged" not in first.stderr:
        problems.append(f"the foreign log was not set aside: {first.stderr[-2000:]}")
    return problems + not_up_to_date(folder, out, len(workbooks))


def odd_inputs_trial(
    folder: Path, out: Path, workbooks: list[Path], positions: dict[Path, str], label: str
) -> list[str]:
    """A pipe and a link to /dev/zero named like workbooks among the inputs: the batch must
    end (no hang), say each in one line and build the others."""
    odd = [folder / f"{label}-pipe.xlsx", folder / f"{label}-zero.xlsx"]
    os.mkfifo(odd[0])
    odd[1].symlink_to("/dev/zero")
    correct_all(workbooks, positions, label)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "reportkit", "build", str(folder), "-o", str(out)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return ["the batch hung on a pipe or a device"]
    finally:
        for path in odd:
            path.unlink()
    problems = []
    summary = result.stderr.splitlines()[-1] if result.stderr else ""
    if not summary.startswith(f"{len(workbooks)} built, 0 unchanged, 2 failed"):
        problems.append(f"not every good workbook was built: {result.stderr[-2000:]}")
    if "Traceback" in result.stderr:
        problems.append("a traceback")
    return problems


def full_disk_trial(
    folder: Path, out: Path, workbooks: list[Path], positions: dict[Path, str], label: str
) -> list[str]:
    """A report the person edited, on a file system left too full to keep a copy of it (a
    tmpfs mounted for the trial; skipped, as no problem, where mounting is not allowed):
    the build must stop with one line saying the disk is full, change nothing and leave no
    empty copy."""
    disk = out.with_name(f"{out.name}-{label}-disk")
    disk.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)], capture_output=True
    ).returncode:
        disk.rmdir()
        return []
    try:
        workbook = workbooks[0]
        if run("build", str(workbook), "-o", str(disk)).returncode != 0:
            return ["the first build on the small disk failed"]
        report = disk / f"{workbook.stem}.docx"
        with zipfile.ZipFile(report, "a") as archive:  # the person adds a large photo
            archive.writestr("word/media/photo.bin", os.urandom(600_000))
        edited = report.read_bytes()
        filler = disk / "filler"
        filler.write_bytes(b"\0" * max(shutil.disk_usage(disk).free - 200_000, 0))
        correct_all([workbook], positions, label)
        result = run("build", str(workbook), "-o", str(disk))
        problems = []
        if result.returncode != 1 or "(the disk is full)" not in result.stderr:
            problems.append(f"the full disk was not said: {result.stderr[-2000:]}")
        if report.read_bytes() != edited:
            problems.append("the person's report changed")
        if any((disk / ".reportkit" / "kept").iterdir()):
            problems.append("a copy was left in kept/")
        return problems
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
        shutil.rmtree(disk, ignore_errors=True)
