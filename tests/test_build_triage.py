"""`reportkit build` says a workbook's problems as `check` does: errors first, each kind of
warning once with its cells, what reportkit tidied counted in one line; `-q` leaves the
warnings out, `-v` names every cell; colour only at a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.commands import reportkit_cli
from tests.terminal import at_terminal
from tests.test_check_triage import PEOPLE_HEADER, RED, YELLOW, busy_workbook, plain_env
from tests.workbooks import variant, write_workbook


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return busy_workbook(tmp_path_factory.mktemp("busy") / "meeting.xlsx")


def warned_workbook(path: Path) -> Path:
    """No error; 30 warnings of 3 kinds, 10 of each."""
    people = [PEOPLE_HEADER]
    people += [["Egypt", "Mr.", f"Name{i}", None, "Director", "Ministry"] for i in range(10)]
    people += [
        ["Egypt", "Datuk Seri", "Omar", f"Last{i}", "Director", "Ministry"] for i in range(10)
    ]
    programme = [["Day", "Start", "End", "Title"]]
    programme += [[None, "10.00", "09.00", f"Session {i}"] for i in range(10)]
    return write_workbook(path, variant(Participants=people, Programme=programme))


def test_a_failed_build_prints_what_check_prints_without_its_count(
    busy: Path, tmp_path: Path
) -> None:
    checked = reportkit_cli("check", str(busy)).stdout.splitlines()
    built = reportkit_cli("build", str(busy), "-o", str(tmp_path))
    assert built.returncode == 1
    assert built.stderr.splitlines() == checked[:-1]
    assert [line.split(": ", 2)[1] for line in checked[:3]] == [
        "Report!A2",
        "Report!A3",
        "Participants!A33",
    ]
    assert not list(tmp_path.glob("*.docx"))


def test_warnings_are_grouped_by_kind_and_quiet_leaves_them_out(tmp_path: Path) -> None:
    workbook = warned_workbook(tmp_path / "warned.xlsx")
    built = reportkit_cli("build", str(workbook), "-o", str(tmp_path / "out"))
    assert built.returncode == 0
    warnings = [line for line in built.stderr.splitlines() if ": warning: " in line]
    assert len(warnings) == 3
    assert all("(10 cells)" in line for line in warnings)
    assert built.stdout.strip() == str(tmp_path / "out" / "warned.docx")

    quiet = reportkit_cli("build", "-q", "--force", str(workbook), "-o", str(tmp_path / "out"))
    assert quiet.returncode == 0
    assert "warning" not in quiet.stderr
    assert quiet.stdout.strip() == str(tmp_path / "out" / "warned.docx")


def test_verbose_names_every_cell_and_quiet_with_verbose_is_a_usage_error(
    tmp_path: Path,
) -> None:
    workbook = warned_workbook(tmp_path / "warned.xlsx")
    verbose = reportkit_cli("build", "-v", str(workbook), "-o", str(tmp_path / "out"))
    slots = next(line for line in verbose.stderr.splitlines() if "the slot ends" in line)
    assert "Programme!B2, " + ", ".join(f"B{row}" for row in range(3, 12)) in slots
    assert reportkit_cli("build", "-q", "-v", str(workbook)).returncode == 2


def test_each_edition_says_a_shared_problem_once(tmp_path: Path) -> None:
    workbook = warned_workbook(tmp_path / "warned.xlsx")
    built = reportkit_cli("build", "--lang", "all", str(workbook), "-o", str(tmp_path / "out"))
    assert built.returncode == 0
    slots = [line for line in built.stderr.splitlines() if "the slot ends" in line]
    assert len(slots) == 1
    assert len(built.stdout.split()) == 3


def test_tidied_entries_are_counted_in_one_line(tmp_path: Path) -> None:
    people = [PEOPLE_HEADER, ["Egypt", "dr", "Ahmed", "Hassan", "Director", "Ministry"]]
    report = [["Kind", "Text"], ["paragraph", "1. The Meeting was held."]]
    workbook = write_workbook(tmp_path / "t.xlsx", variant(Participants=people, Report=report))
    built = reportkit_cli("build", str(workbook), "-o", str(tmp_path / "out"))
    assert built.returncode == 0
    assert built.stderr.splitlines() == [
        f"{workbook}: 2 entries were tidied as the house writes them — nothing to do; see"
        " them with -v"
    ]


def test_colour_only_at_a_terminal(busy: Path, tmp_path: Path) -> None:
    shown = at_terminal("build", str(busy), "-o", str(tmp_path), env=plain_env())
    lines = [line for line in shown.splitlines() if str(busy) in line]  # not the progress bar
    assert len(lines) == 7
    assert [line[: len(RED)] for line in lines[:3]] == [RED] * 3
    assert [line[: len(YELLOW)] for line in lines[3:7]] == [YELLOW] * 4
    piped = reportkit_cli("build", str(busy), "-o", str(tmp_path), env=plain_env())
    assert "\x1b" not in piped.stderr
