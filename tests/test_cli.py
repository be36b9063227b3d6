"""The `reportkit` command as a user runs it, in a subprocess."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from docx import Document

from tests.conftest import SAMPLE
from tests.workbooks import variant, write_workbook


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reportkit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_build_without_arguments_builds_every_input_into_outputs(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    shutil.copy(SAMPLE, tmp_path / "inputs" / "meeting-a.xlsx")
    shutil.copy(SAMPLE, tmp_path / "inputs" / "meeting-b.xlsx")
    result = run("build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        str(Path("outputs") / "meeting-a.docx"),
        str(Path("outputs") / "meeting-b.docx"),
    ]
    document = Document(str(tmp_path / "outputs" / "meeting-a.docx"))
    assert document.paragraphs[0].text == "REPORT"


def test_build_to_a_chosen_folder_leaves_the_workbook_untouched(tmp_path: Path) -> None:
    before = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    result = run("build", str(SAMPLE), "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256(SAMPLE.read_bytes()).hexdigest() == before
    assert (tmp_path / "out" / "comcec-digital-2022.docx").is_file()


def test_bad_workbook_gives_located_lines_no_traceback_and_writes_nothing(tmp_path: Path) -> None:
    participants = [["Delegation", "First name", "Last name"], ["Narnia", "A", "B"]]
    bad = write_workbook(tmp_path / "bad.xlsx", variant(Participants=participants, Agenda=None))
    result = run("build", str(bad), "-o", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert any(
        line.startswith(f'{bad}: Participants!A2: unknown delegation "Narnia"') for line in lines
    )
    assert any('the sheet "Agenda" is missing' in line for line in lines)
    assert not (tmp_path / "out" / "bad.docx").exists()


def test_one_bad_workbook_does_not_stop_the_others(tmp_path: Path) -> None:
    bad = write_workbook(tmp_path / "bad.xlsx", variant(Report=None))
    result = run("build", str(bad), str(SAMPLE), "-o", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert (tmp_path / "out" / "comcec-digital-2022.docx").is_file()


def test_no_inputs_is_a_usage_error(tmp_path: Path) -> None:
    result = run("build", cwd=tmp_path)
    assert result.returncode == 2
    assert "no workbook given" in result.stderr
