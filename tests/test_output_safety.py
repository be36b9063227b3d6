"""Output is all or nothing: killed builds, unwritable targets, names that stay in OUTDIR."""

from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

from docx import Document
from openpyxl import load_workbook

import reportkit
from reportkit.base.write import remove_all_leftovers
from tests.commands import reportkit_cli
from tests.conftest import SAMPLE

# Runs a real build in its own process and kills it with SIGKILL once the new report's
# bytes are in the temporary file, before it is renamed into place.
KILL_MID_WRITE = """
import os, signal, sys
import reportkit
real_fsync = os.fsync
def fsync_then_die(fd):
    real_fsync(fd)
    os.kill(os.getpid(), signal.SIGKILL)
os.fsync = fsync_then_die
reportkit.build(sys.argv[1], sys.argv[2], force=True)
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_build_killed_mid_write_leaves_the_previous_report_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    workbook = tmp_path / "meeting.xlsx"
    shutil.copy(SAMPLE, workbook)
    previous = reportkit.build(workbook, out)
    before = digest(previous)
    book = load_workbook(workbook)
    book["Participants"]["E3"] = "Senior Director"  # a correction: the report must change
    book.save(workbook)

    killed = subprocess.run(
        [sys.executable, "-c", KILL_MID_WRITE, str(workbook), str(out)], check=False
    )
    assert killed.returncode == -signal.SIGKILL
    leftovers = [p.name for p in out.iterdir() if p.name not in ("meeting.docx", ".reportkit")]
    assert len(leftovers) == 1 and leftovers[0].startswith(".") and leftovers[0].endswith(".part")
    assert digest(previous) == before
    assert Document(str(previous)).paragraphs[0].text == "REPORT"

    reportkit.build(workbook, out)
    assert sorted(p.name for p in out.iterdir()) == [
        ".reportkit",
        "meeting.changes.md",
        "meeting.docx",
    ]
    assert "Senior Director" in (out / "meeting.changes.md").read_text(encoding="utf-8")


def test_a_first_build_killed_mid_write_leaves_no_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    killed = subprocess.run(
        [sys.executable, "-c", KILL_MID_WRITE, str(SAMPLE), str(out)], check=False
    )
    assert killed.returncode == -signal.SIGKILL
    assert not (out / "comcec-digital-2022.docx").exists()


def test_every_temporary_file_of_a_dead_run_is_removed_and_nothing_else(tmp_path: Path) -> None:
    """What the web server does in a meeting's outputs after abandoning a build: whatever
    file a killed run was writing, its temporary file goes; a live run's and files that are
    not reportkit's temporary files stay."""
    out = tmp_path / "out"
    killed = subprocess.run(
        [sys.executable, "-c", KILL_MID_WRITE, str(SAMPLE), str(out)], check=False
    )
    assert killed.returncode == -signal.SIGKILL
    (dead,) = out.glob(".*.part")
    host = dead.name.split(".")[2].split("-")[0]
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as live:
        try:
            running = out / f".{'0' * 16}.{host}-{live.pid}.abc123.part"
            running.write_bytes(b"being written")
            someone_elses = out / "notes.part"
            someone_elses.write_bytes(b"a person's file")
            remove_all_leftovers(out)
            assert sorted(p.name for p in out.iterdir()) == sorted(
                [".reportkit", running.name, someone_elses.name]
            )
        finally:
            live.kill()


def test_unwritable_target_is_one_line_naming_the_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "comcec-digital-2022.docx").mkdir(parents=True)
    result = reportkit_cli("build", str(SAMPLE), "-o", str(out))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{out / 'comcec-digital-2022.docx'}: the report cannot be written (Is a directory) — check"
        " the folder is writable and the file is not open in Word, then retry"
    ]
    assert [p.name for p in out.iterdir()] == ["comcec-digital-2022.docx"]


def test_outdir_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "taken"
    out.write_text("not a folder")
    result = reportkit_cli("build", str(SAMPLE), "-o", str(out))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert out.read_text() == "not a folder"


def test_report_names_stay_inside_outdir(tmp_path: Path) -> None:
    odd = tmp_path / "..xlsx"
    shutil.copy(SAMPLE, odd)
    out = tmp_path / "out"
    written = reportkit.build(odd, out)
    assert written.parent == out
    assert written.name == "..docx"
    assert zipfile.is_zipfile(written)
