"""Files in OUTDIR that are not what reportkit wrote: links, pipes, a full disk, a read-only
folder. Nothing is read through a link, nothing waits on a pipe, no copy is left half
written, and each case is one line naming the path and what to do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

import reportkit
from tests.commands import reportkit_cli as cli
from tests.conftest import SAMPLE
from tests.merge_trials import edited_copy, reword, set_report_text
from tests.test_corrections_merge import OPENING, REWORDED_OPENING, correct_workbook


@pytest.fixture
def meeting(tmp_path: Path) -> Path:
    workbook = tmp_path / "meeting.xlsx"
    shutil.copy(SAMPLE, workbook)
    return workbook


def test_a_link_at_the_reports_name_is_never_read_or_replaced(
    meeting: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("not for the output folder")
    out = tmp_path / "out"
    reportkit.build(meeting, out)
    report = out / "meeting.docx"
    report.unlink()
    report.symlink_to(secret)
    correct_workbook(meeting)

    result = cli("build", str(meeting), "-o", str(out))

    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{report}: this is a symbolic link, not a file reportkit wrote, so it is left as it "
        "is — remove or rename it, then build again (reportkit never reads or writes through a "
        "link or into anything but a plain file)"
    )
    assert report.is_symlink() and secret.read_text() == "not for the output folder"
    kept = out / ".reportkit" / "kept"
    assert not kept.exists() or not any(kept.iterdir()), "nothing copied in from outside"


def test_a_pipe_at_the_reports_name_does_not_hang_the_build(meeting: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    reportkit.build(meeting, out)
    report = out / "meeting.docx"
    report.unlink()
    os.mkfifo(report)
    correct_workbook(meeting)

    result = cli("build", str(meeting), "-o", str(out), timeout=60)

    assert result.returncode == 1
    assert f"{report}: this is a pipe, not a file reportkit wrote" in result.stderr


def test_a_link_at_the_change_notes_name_is_left_alone(meeting: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = reportkit.build(meeting, out)
    target = tmp_path / "elsewhere.md"
    target.write_text("someone else's")
    notes = out / "meeting.changes.md"
    notes.symlink_to(target)
    correct_workbook(meeting)

    result = cli("build", str(meeting), "-o", str(out))

    assert result.returncode == 0, result.stderr
    assert (
        f"{notes}: this is a symbolic link, so the change note is not written there; see "
        f"`reportkit history {report}`"
    ) in result.stderr.splitlines()
    assert target.read_text() == "someone else's" and notes.is_symlink()
    history = cli("history", str(report))
    assert "Senior Director" in history.stdout, "the change is still on record"

    # The report was recorded though its note was not written: the next correction
    # rebuilds it, never mistaking reportkit's own report for a person's edit.
    set_report_text(meeting, OPENING, REWORDED_OPENING)
    later = cli("build", str(meeting), "-o", str(out))
    assert later.returncode == 0, later.stderr
    assert "edited in Word" not in later.stderr and "kept at" not in later.stderr


def test_a_folder_where_the_reports_lock_goes_is_one_line(meeting: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    reportkit.build(meeting, out)
    locks = out / ".reportkit" / "locks"
    (lock,) = locks.iterdir()
    lock.unlink()
    lock.mkdir()
    correct_workbook(meeting)

    result = cli("build", str(meeting), "-o", str(out))

    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        f"{lock}: is a folder, not reportkit's lock file — remove it, then build again"
    ) in result.stderr.splitlines()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB file system of its own (tmpfs), where this machine lets the tests mount one."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def edited_report_on(disk: Path, meeting: Path) -> tuple[Path, bytes]:
    """A report the person edited, holding a large picture (as a photo of the meeting would
    make it), and a corrected workbook to merge."""
    out = disk / "out"
    report = reportkit.build(meeting, out)
    edited_copy(report, reword(OPENING, REWORDED_OPENING), "python-docx", disk)
    with zipfile.ZipFile(report, "a") as archive:
        archive.writestr("word/media/photo.bin", os.urandom(600_000))
    correct_workbook(meeting)
    return report, report.read_bytes()


def test_a_full_disk_while_keeping_the_persons_copy_changes_nothing(
    meeting: Path, small_disk: Path
) -> None:
    report, edited = edited_report_on(small_disk, meeting)
    free = shutil.disk_usage(small_disk).free
    (small_disk / "filler").write_bytes(b"\0" * max(free - 200_000, 0))

    result = cli("build", str(meeting), "-o", str(small_disk / "out"))

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        f"{report}: your file could not be kept before the report changes (the disk is full), "
        "so it is left as it is — free some disk space, then build again"
    ) in result.stderr.splitlines()
    assert report.read_bytes() == edited
    assert not any((small_disk / "out" / ".reportkit" / "kept").iterdir()), "no empty copy"


def test_a_read_only_kept_folder_changes_nothing(meeting: Path, small_disk: Path) -> None:
    report, edited = edited_report_on(small_disk, meeting)
    kept = small_disk / "out" / ".reportkit" / "kept"
    subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(kept)], check=True)
    try:
        result = cli("build", str(meeting), "-o", str(small_disk / "out"))
    finally:
        subprocess.run(["umount", "-l", str(kept)], check=False)

    assert result.returncode == 1
    assert (
        f"{report}: your file could not be kept before the report changes ({kept} is "
        "read-only), so it is left as it is — make that folder writable, then build again"
    ) in result.stderr.splitlines()
    assert report.read_bytes() == edited
    assert Document(str(report)).paragraphs


def test_history_reads_a_read_only_folder(meeting: Path, small_disk: Path) -> None:
    report = reportkit.build(meeting, small_disk / "out")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)

    listing = cli("history", str(report))

    assert listing.returncode == 0, listing.stderr
    assert len(listing.stdout.splitlines()) == 1 and " built " in listing.stdout


def test_history_of_a_damaged_state_says_so_and_changes_nothing(
    meeting: Path, tmp_path: Path
) -> None:
    report = reportkit.build(meeting, tmp_path / "out")
    database = tmp_path / "out" / ".reportkit" / "state.db"
    damaged = bytearray(database.read_bytes())
    damaged[5000:9000] = b"x" * 4000
    database.write_bytes(bytes(damaged))

    listing = cli("history", str(report))

    assert listing.returncode == 1
    (line,) = listing.stderr.splitlines()
    assert line.startswith(f"{database}: is damaged (")
    assert line.endswith(
        "so its history cannot be shown — the next build sets it aside (kept as "
        "state.db.damaged-…) and starts afresh"
    )
    assert database.read_bytes() == bytes(damaged), "reading history never moves it aside"
