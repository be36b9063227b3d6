"""The same mistake ends every command alike (`reportkit.cli.help`): a file that is not
there or cannot be read is a mistake in the input, status 1 with one line naming the file;
an option given a value it cannot take is a usage error, status 2. Scripts and CI read
these statuses, so a command that said 2 where the others say 1 would mislead them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.commands import reportkit_cli as cli
from tests.conftest import SAMPLE

MISSING = "the file does not exist — check the path"
NOT_A_WORKBOOK = (
    "this is a text/CSV file, not an Excel workbook — open it in Excel and save it as .xlsx"
)


def prepared(tmp_path: Path, args: tuple[str, ...], absent: str) -> tuple[list[str], Path]:
    """`args` with {workbook} (a copy of the sample) and {absent} (a file that is not there)
    filled in, and the absent file's path."""
    workbook = tmp_path / "meeting.xlsx"
    shutil.copyfile(SAMPLE, workbook)
    missing = tmp_path / "gone" / absent
    filled = [arg.format(workbook=workbook, absent=missing) for arg in args]
    return filled, missing


@pytest.mark.parametrize(
    ("args", "absent"),
    [
        (("build", "{absent}", "-o", "out"), "meeting.xlsx"),
        (("build", "{workbook}", "-o", "out", "--template", "{absent}"), "style.docx"),
        (("check", "{absent}"), "meeting.xlsx"),
        (("watch", "{absent}", "-o", "out"), "meeting.xlsx"),
        (("watch", "{workbook}", "-o", "out", "--template", "{absent}"), "style.docx"),
        (("diff", "{absent}", "{workbook}"), "meeting.xlsx"),
        (("diff", "{workbook}", "{absent}"), "meeting.xlsx"),
        (("translate", "export", "{absent}", "--lang", "fr"), "meeting.xlsx"),
        (("translate", "import", "{workbook}", "{absent}"), "meeting.fr.xlf"),
        (("templates", "check", "{absent}"), "style.docx"),
        (("history", "{absent}"), "meeting.docx"),
    ],
)
def test_a_missing_file_is_status_1_and_one_line_naming_it(
    tmp_path: Path, args: tuple[str, ...], absent: str
) -> None:
    filled, missing = prepared(tmp_path, args, absent)

    result = cli(*filled, cwd=tmp_path, timeout=120)

    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert (output.splitlines().count(f"{missing}: {MISSING}"), output.count(MISSING)) == (1, 1)
    assert "Usage:" not in output and "Traceback" not in output
    assert not missing.parent.exists()


@pytest.mark.parametrize(
    "args",
    [
        ("build", "{absent}", "-o", "out"),
        ("check", "{absent}"),
        ("diff", "{absent}", "{workbook}"),
        ("translate", "export", "{absent}", "--lang", "fr"),
    ],
)
def test_a_file_that_is_no_workbook_is_status_1_and_one_line_naming_it(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    filled, notes = prepared(tmp_path, args, "notes.xlsx")
    notes.parent.mkdir()
    notes.write_text("Agenda, Programme\n", encoding="utf-8")

    result = cli(*filled, cwd=tmp_path, timeout=120)

    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert output.splitlines().count(f"{notes}: {NOT_A_WORKBOOK}") == 1


@pytest.mark.parametrize(
    "args",
    [
        ("build", "{workbook}", "--jobs", "0"),
        ("build", "{workbook}", "--lang", "de"),
        ("check", "{workbook}", "--lang", "de"),
        ("watch", "{workbook}", "--interval", "-1"),
        ("diff", "{workbook}", "{workbook}", "--format", "yaml"),
        ("translate", "export", "{workbook}", "--lang", "de"),
        ("history", "{workbook}", "--format", "yaml"),
        ("delegations", "--ordering", "size"),
        ("new", "{absent}", "--date", "next Tuesday"),
    ],
)
def test_a_bad_option_value_is_a_usage_error(tmp_path: Path, args: tuple[str, ...]) -> None:
    filled, _ = prepared(tmp_path, args, "new.xlsx")

    result = cli(*filled, cwd=tmp_path, timeout=120)

    assert result.returncode == 2, result.stdout + result.stderr
    assert "Usage: reportkit " in result.stderr
    assert "Traceback" not in result.stderr
