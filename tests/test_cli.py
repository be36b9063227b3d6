"""The `reportkit` command as a user runs it, in a subprocess."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from docx import Document
from openpyxl import load_workbook

from tests.commands import reportkit_cli as run
from tests.conftest import SAMPLE
from tests.workbooks import variant, write_workbook


def test_build_without_arguments_builds_every_input_into_outputs(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    shutil.copy(SAMPLE, tmp_path / "inputs" / "meeting-a.xlsx")
    shutil.copy(SAMPLE, tmp_path / "inputs" / "meeting-b.xlsx")
    (tmp_path / "inputs" / "~$meeting-a.xlsx").write_bytes(b"Excel's lock file while it is open")
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
    assert "no workbook found in inputs/ (and no workbook was given)" in result.stderr
    (tmp_path / "empty").mkdir()
    in_folder = run("build", "empty", cwd=tmp_path)
    assert in_folder.returncode == 2
    assert "no workbook found in empty" in in_folder.stderr


def test_check_reports_without_writing_and_sets_the_exit_status(tmp_path: Path) -> None:
    clean = run("check", str(SAMPLE), cwd=tmp_path)
    assert clean.returncode == 0
    assert clean.stdout.splitlines() == [f"{SAMPLE}: no problems"]
    bad = write_workbook(
        tmp_path / "bad.xlsx", variant(Report=[["Kind", "Text"], ["chapter", "x"]])
    )
    failing = run("check", str(bad), str(SAMPLE), cwd=tmp_path)
    assert failing.returncode == 1
    assert failing.stdout.splitlines() == [
        f'{bad}: Report!A2: unknown Kind "chapter" — write one of: paragraph, heading, subheading, text, item, bullet, note',
        f"{bad}: 1 error, 0 warnings",
        f"{SAMPLE}: no problems",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.xlsx"]
    assert run("check", cwd=tmp_path).returncode == 2


def test_check_json_gives_the_same_findings(tmp_path: Path) -> None:
    bad = write_workbook(
        tmp_path / "bad.xlsx", variant(Report=[["Kind", "Text"], ["chapter", "x"]])
    )
    result = run("check", "--format", "json", str(bad), cwd=tmp_path)
    assert result.returncode == 1
    assert json.loads(result.stdout) == [
        {
            "file": str(bad),
            "errors": 1,
            "warnings": 0,
            "tidied": 0,
            "problems": [
                {
                    "file": str(bad),
                    "location": "Report!A2",
                    "severity": "error",
                    "message": 'unknown Kind "chapter"',
                    "hint": "write one of: paragraph, heading, subheading, text, item, bullet, note",
                    "tidied": False,
                }
            ],
        }
    ]


def test_diff_prints_the_changes_between_two_workbooks(tmp_path: Path) -> None:
    new = tmp_path / "new.xlsx"
    book = load_workbook(SAMPLE)
    book["Participants"]["E3"] = "Senior Director"
    book.save(new)
    result = run("diff", str(SAMPLE), str(new), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        'Participants (Guyana): Mr. Christopher Deen edited — position: "General Manager" → "Senior Director"'
    ]
    assert run("diff", str(SAMPLE), str(SAMPLE), cwd=tmp_path).stdout == "no changes\n"
