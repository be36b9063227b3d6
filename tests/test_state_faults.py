"""Build state that survives crashes, concurrent runs and tampering (issue 14).

Real builds are killed with SIGKILL at random moments, run side by side, and given a
state folder damaged in each way seen in the field; every case must end in at most one
line, never a traceback, and a good build after. A few trials each here, to keep the
suite fast; `python benchmarks/soak.py` runs many more with the same code.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import reportkit
from reportkit.publish.history import report_history
from tests.commands import reportkit_cli as cli
from tests.conftest import SAMPLE
from tests.faults import (
    OLD_POSITION,
    batch_and_watch_trial,
    concurrent_batches_trial,
    killed_batch_trial,
    reportkit_process,
    survivors,
)
from tests.workbooks import sample_copies, set_position

STATE = ".reportkit"


@pytest.fixture
def batch(tmp_path: Path) -> tuple[Path, Path, list[Path], dict[Path, str]]:
    folder, out = tmp_path / "in", tmp_path / "out"
    workbooks = sample_copies(folder, 30, SAMPLE)
    assert cli("build", str(folder), "-o", str(out), "--jobs", "2").returncode == 0
    return folder, out, workbooks, dict.fromkeys(workbooks, OLD_POSITION)


def test_a_batch_killed_at_random_moments_loses_no_change(batch) -> None:
    folder, out, workbooks, positions = batch
    rng = random.Random(1129)
    for trial in range(3):
        assert killed_batch_trial(folder, out, workbooks, positions, f"t{trial}", rng) == []


def test_a_build_killed_right_after_its_report_is_in_place_is_recorded(tmp_path: Path) -> None:
    workbook = sample_copies(tmp_path / "in", 1, SAMPLE)[0]
    out = tmp_path / "out"
    reportkit.build(workbook, out)
    set_position(workbook, "Senior Director")
    kill_after_rename = (
        "import os, signal, sys\n"
        "import reportkit\n"
        "real = os.replace\n"
        "def replace(source, target):\n"
        "    real(source, target)\n"
        "    if str(target).endswith('.docx'):\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "os.replace = replace\n"
        "reportkit.build(sys.argv[1], sys.argv[2])\n"
    )
    killed = subprocess.run([sys.executable, "-c", kill_after_rename, str(workbook), str(out)])
    assert killed.returncode == -signal.SIGKILL
    assert not (out / "meeting-00.changes.md").exists()

    after = cli("build", str(workbook), "-o", str(out))

    assert after.returncode == 0 and after.stdout == "", after.stderr
    notes = (out / "meeting-00.changes.md").read_text(encoding="utf-8")
    assert 'position: "General Manager" → "Senior Director"' in notes
    assert [r.action for r in report_history(out / "meeting-00.docx")] == ["built", "built"]


def test_workers_end_when_their_batch_is_killed(batch) -> None:
    folder, out, _, _ = batch
    process = reportkit_process("build", str(folder), "-o", str(out), "--force", "--jobs", "2")
    assert process.stderr is not None
    first = process.stderr.readline()
    assert first.startswith("[1/30]"), first
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()
    assert survivors(out, wait=5.0) == []


def test_two_batches_at_once_never_fail_each_other(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    workbooks = sample_copies(folder, 6, SAMPLE)
    positions = dict.fromkeys(workbooks, OLD_POSITION)
    for trial in range(10):
        assert concurrent_batches_trial(folder, out, workbooks, positions, f"t{trial}") == []


def test_a_batch_beside_watch_never_loses_state(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    workbooks = sample_copies(folder, 6, SAMPLE)
    positions = dict.fromkeys(workbooks, OLD_POSITION)
    for trial in range(4):
        assert batch_and_watch_trial(folder, out, workbooks, positions, f"t{trial}") == []


def built_once(tmp_path: Path) -> tuple[Path, Path]:
    workbook = sample_copies(tmp_path / "in", 1, SAMPLE)[0]
    out = tmp_path / "out"
    assert cli("build", str(workbook), "-o", str(out)).returncode == 0
    return workbook, out


def recovers(workbook: Path, out: Path) -> None:
    """After the fault: a good build, then an up-to-date one that says only so."""
    set_position(workbook, "Director after the fault")
    good = cli("build", str(workbook), "-o", str(out))
    assert good.returncode == 0, good.stderr
    again = cli("build", str(workbook), "-o", str(out))
    up_to_date = f"{out / workbook.with_suffix('.docx').name}: up to date\n"
    assert (again.returncode, again.stdout, again.stderr) == (0, "", up_to_date)


DAMAGED_DATABASES = {
    "not a database": b"this is not an SQLite database, just text " * 200,
    "cut short": None,
    "zeroed": b"\0" * 8192,
}


@pytest.mark.parametrize("damage", DAMAGED_DATABASES)
def test_a_damaged_state_is_kept_aside_in_one_line(tmp_path: Path, damage: str) -> None:
    workbook, out = built_once(tmp_path)
    database = out / STATE / "state.db"
    content = DAMAGED_DATABASES[damage] or database.read_bytes()[:3000]
    database.write_bytes(content)

    result = cli("build", str(workbook), "-o", str(out))

    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "the build state was damaged" in lines[0], lines
    assert "Traceback" not in result.stderr
    kept = [p for p in (out / STATE).iterdir() if p.name.startswith("state.db.damaged-")]
    assert [p.read_bytes() for p in kept] == [content]
    recovers(workbook, out)


LEGACY_MANIFESTS = {
    "null": "null",
    "a list": "[]",
    "nested 100,000 levels": "[" * 100_000 + "]" * 100_000,
    "entries of the wrong shape": json.dumps({"meeting-00.docx": {"workbook": 1}, "../x": {}}),
}


@pytest.mark.parametrize("manifest", LEGACY_MANIFESTS)
def test_an_old_manifest_in_any_state_is_one_line(tmp_path: Path, manifest: str) -> None:
    workbook, out = built_once(tmp_path)
    (out / STATE / "state.db").unlink()
    (out / STATE / "manifest.json").write_text(LEGACY_MANIFESTS[manifest])

    result = cli("build", str(workbook), "-o", str(out))

    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "the old build manifest" in lines[0], lines
    assert (out / STATE / "manifest.json.unreadable").is_file()
    recovers(workbook, out)


def test_an_enormous_old_manifest_is_not_read(tmp_path: Path) -> None:
    workbook, out = built_once(tmp_path)
    (out / STATE / "state.db").unlink()
    with (out / STATE / "manifest.json").open("wb") as handle:
        handle.truncate(400 * 1024 * 1024)  # sparse: 400 MB declared, nothing to read

    result = cli("build", str(workbook), "-o", str(out))

    assert result.returncode == 0, result.stderr
    assert "is 400 MB, far bigger than any real one" in result.stderr
    recovers(workbook, out)


def test_a_folder_named_like_the_old_manifest_is_one_line(tmp_path: Path) -> None:
    workbook, out = built_once(tmp_path)
    (out / STATE / "state.db").unlink()
    (out / STATE / "manifest.json").mkdir()
    result = cli("build", str(workbook), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert len(result.stderr.splitlines()) == 1 and "is not a file" in result.stderr
    recovers(workbook, out)


def test_an_old_manifest_and_snapshot_are_taken_over(tmp_path: Path) -> None:
    """An OUTDIR of the previous version: its reports stay up to date, its snapshot still
    gives the next change list."""
    workbook, out = built_once(tmp_path)
    report = out / "meeting-00.docx"
    (out / STATE / "state.db").unlink()
    template = reportkit.render.default_template()
    manifest = {
        report.name: {
            "workbook": _sha(workbook),
            "template": _sha(template),
            "version": reportkit.__version__,
            "report": _sha(report),
        }
    }
    (out / STATE / "manifest.json").write_text(json.dumps(manifest))
    (out / STATE / "meeting-00.xlsx").write_bytes(workbook.read_bytes())

    unchanged = cli("build", str(workbook), "-o", str(out))
    up_to_date = f"{report}: up to date\n"
    assert (unchanged.returncode, unchanged.stdout, unchanged.stderr) == (0, "", up_to_date)
    assert sorted(p.name for p in (out / STATE).iterdir()) == [
        "kept",
        "locks",
        "state.db",
        "state.id",
    ]

    set_position(workbook, "Senior Director")
    changed = cli("build", str(workbook), "-o", str(out))
    assert changed.returncode == 0, changed.stderr
    assert 'position: "General Manager" → "Senior Director"' in changed.stderr


def test_a_file_in_place_of_the_state_folder_is_one_line(tmp_path: Path) -> None:
    workbook, out = built_once(tmp_path)
    _replace_with_file(out / STATE)
    result = cli("build", str(workbook), "-o", str(out))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{out / STATE}: is a file where reportkit keeps its build state — move the file away "
        "(reportkit will make a folder)"
    ]
    (out / STATE).unlink()
    recovers(workbook, out)


def test_a_state_folder_linked_elsewhere_is_refused(tmp_path: Path) -> None:
    workbook, out = built_once(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _remove_tree(out / STATE)
    (out / STATE).symlink_to(elsewhere)
    set_position(workbook, "Senior Director")

    result = cli("build", str(workbook), "-o", str(out))

    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert "is a link to another place" in result.stderr
    assert list(elsewhere.iterdir()) == []
    (out / STATE).unlink()
    recovers(workbook, out)


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small file system needs root")
def test_a_read_only_state_is_one_line(tmp_path: Path) -> None:
    workbook = sample_copies(tmp_path / "in", 1, SAMPLE)[0]
    out = tmp_path / "out"
    with small_file_system(out):
        assert cli("build", str(workbook), "-o", str(out)).returncode == 0
        before = (out / "meeting-00.docx").read_bytes()
        set_position(workbook, "Senior Director")
        subprocess.run(["mount", "-o", "remount,ro", str(out)], check=True)

        result = cli("build", str(workbook), "-o", str(out))

        assert result.returncode == 1, result.stderr
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert "cannot be written (read-only)" in result.stderr
        assert (out / "meeting-00.docx").read_bytes() == before
        subprocess.run(["mount", "-o", "remount,rw", str(out)], check=True)
        recovers(workbook, out)


def test_a_state_locked_too_long_is_one_line(tmp_path: Path) -> None:
    workbook, out = built_once(tmp_path)
    holder = sqlite3.connect(out / STATE / "state.db", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    set_position(workbook, "Senior Director")
    try:
        result = cli(
            "build",
            str(workbook),
            "-o",
            str(out),
            env={**os.environ, "REPORTKIT_WAIT_SECONDS": "1"},
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "busy" in result.stderr
    recovers(workbook, out)


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small file system needs root")
def test_a_full_disk_is_one_line_and_the_old_report_stays(tmp_path: Path) -> None:
    workbook = sample_copies(tmp_path / "in", 1, SAMPLE)[0]
    out = tmp_path / "out"
    with small_file_system(out):
        assert cli("build", str(workbook), "-o", str(out)).returncode == 0
        before = (out / "meeting-00.docx").read_bytes()
        filler = out / "filler"
        descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(descriptor, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(descriptor)
        set_position(workbook, "Senior Director")

        result = cli("build", str(workbook), "-o", str(out))

        assert result.returncode == 1
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert "full" in result.stderr or "No space left" in result.stderr
        assert (out / "meeting-00.docx").read_bytes() == before
        filler.unlink()
        recovers(workbook, out)


@contextmanager
def small_file_system(folder: Path) -> Iterator[None]:
    """A 1 MB file system at `folder`, to fill up or make read-only."""
    folder.mkdir(parents=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], check=True)
    try:
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_damaged_change_record_costs_one_change_list_only(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    workbooks = sample_copies(folder, 3, SAMPLE)
    for index, workbook in enumerate(workbooks):  # distinct workbooks keep distinct records
        set_position(workbook, f"Director {index}")
    assert cli("build", str(folder), "-o", str(out)).returncode == 0
    database = sqlite3.connect(out / STATE / "state.db", isolation_level=None)
    (model,) = database.execute(
        "SELECT model_hash FROM builds WHERE report = 'meeting-01.docx'"
    ).fetchone()
    database.execute("UPDATE blobs SET data = x'00ff' WHERE hash = ?", (model,))
    database.close()
    for workbook in workbooks:
        set_position(workbook, "Senior Director")

    result = cli("build", str(folder), "-o", str(out), "--jobs", "2")

    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "cannot be read" in line]
    assert len(warnings) == 1 and "meeting-01.docx" in warnings[0]
    assert result.stderr.count('" → "Senior Director"') == 2
    assert result.stderr.splitlines()[-1].startswith("3 built, 0 unchanged, 0 failed")


@pytest.mark.parametrize("stem", ["m" * 250, "ş" * 125])
def test_the_longest_legal_report_name_builds(tmp_path: Path, stem: str) -> None:
    workbook = tmp_path / f"{stem}.xlsx"
    workbook.write_bytes(SAMPLE.read_bytes())
    out = tmp_path / "out"
    first = cli("build", str(workbook), "-o", str(out))
    assert first.returncode == 0, first.stderr
    set_position(workbook, "Senior Director")

    second = cli("build", str(workbook), "-o", str(out))

    assert second.returncode == 0, second.stderr
    report = out / f"{stem}.docx"
    assert second.stdout.splitlines() == [str(report)]
    assert "the change note's name would be too long for the disk" in second.stderr
    assert 'position: "General Manager" → "Senior Director"' in second.stderr
    assert report_history(report)[-1].changes


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _replace_with_file(path: Path) -> None:
    _remove_tree(path)
    path.write_text("not a folder")


def _remove_tree(path: Path) -> None:
    for child in sorted(path.rglob("*"), reverse=True):
        child.rmdir() if child.is_dir() else child.unlink()
    path.rmdir()


def test_another_folders_write_ahead_log_is_caught_and_set_aside(tmp_path: Path) -> None:
    """A sync restores files one by one: another output folder's `state.db-wal` lands beside
    this folder's `state.db`. The opening check finds it, sets the state aside once, and
    the builds go on — never a loop of "damaged, run again"."""
    ours, out = built_once(tmp_path / "ours")
    theirs, elsewhere = built_once(tmp_path / "theirs")
    holder = sqlite3.connect(elsewhere / STATE / "state.db")
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("SELECT count(*) FROM builds").fetchone()  # keeps their log from closing
    set_position(theirs, "Director in their folder")
    assert cli("build", str(theirs), "-o", str(elsewhere)).returncode == 0
    shutil.copy(elsewhere / STATE / "state.db-wal", out / STATE / "state.db-wal")
    holder.close()

    result = cli("build", str(ours), "-o", str(out))

    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "the build state was damaged" in lines[0], lines
    recovers(ours, out)
