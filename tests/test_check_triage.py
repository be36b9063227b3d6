"""`reportkit check` prints what to act on first: errors, then each kind of warning once
with its cells, then a count of what reportkit tidied by itself; in colour only at a
terminal; its JSON keeps every finding on its own."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import reportkit
from reportkit.cli.triage import cells
from reportkit.problems import Severity
from tests.commands import reportkit_cli
from tests.terminal import at_terminal
from tests.workbooks import MINIMAL, variant, write_workbook

PEOPLE_HEADER = list(MINIMAL["Participants"][0])
UNKNOWN_KIND = (
    'unknown Kind "chapter" — write one of: paragraph, heading, subheading, text, item, bullet,'
    " note"
)
RED, YELLOW = "\x1b[31m", "\x1b[33m"


def busy_workbook(path: Path) -> Path:
    """3 errors (two in the Report, one in the last row of the Participants) among 40
    warnings of 4 kinds, 10 of each."""
    egypt = ["Egypt", "Mr.", "Ahmed", "Hassan", "Director", "Ministry of Trade"]
    people = [PEOPLE_HEADER, *([egypt] * 11)]
    people += [["Egypt", "Mr.", f"Name{i}", None, "Director", "Ministry"] for i in range(10)]
    people += [
        ["Egypt", "Datuk Seri", "Omar", f"Last{i}", "Director", "Ministry"] for i in range(10)
    ]
    people.append([None, "Mr.", "Omar", "Ali", "Director", "Ministry"])
    programme = [["Day", "Start", "End", "Title"]]
    programme += [[None, "10.00", "09.00", f"Session {i}"] for i in range(10)]
    report = [["Kind", "Text"], ["chapter", "x"], ["chapter", "y"], ["paragraph", "Held."]]
    return write_workbook(path, variant(Participants=people, Programme=programme, Report=report))


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return busy_workbook(tmp_path_factory.mktemp("busy") / "meeting.xlsx")


def plain_env() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if name != "NO_COLOR"}


def test_errors_come_first_and_each_kind_of_warning_is_one_line(busy: Path) -> None:
    found = reportkit.check(busy)
    severities = [p.severity for p in found]
    # As found, a warning comes before the last error: the printing puts it after.
    assert severities.index(Severity.WARNING) < len(severities) - 1 - severities[::-1].index(
        Severity.ERROR
    )
    result = reportkit_cli("check", str(busy))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{busy}: Report!A2: {UNKNOWN_KIND}",
        f"{busy}: Report!A3: {UNKNOWN_KIND}",
        f"{busy}: Participants!A33: the Delegation is empty — write the country, institution"
        " or organisation this person represents",
        f"{busy}: Programme!B2, B3, B4 … (10 cells): warning: the slot ends (09.00) before it"
        " starts (10.00) — check the Start and End times",
        f"{busy}: Participants!D13, D14, D15 … (10 cells): warning: the Last name is empty;"
        " only the first name is printed — type the last name, or leave it empty if the person"
        " goes by one name",
        f'{busy}: Participants!B23, B24, B25 … (10 cells): warning: the honorific "Datuk Seri"'
        " is not in the house list; printed as typed — if it is a slip, pick one from the"
        " dropdown (Mr., Ms., Mrs., Dr., Prof., H.E., Eng. …); titles may be combined, as in"
        " H.E. Dr.",
        f'{busy}: Participants!D3, D4, D5 … (10 cells): warning: "Ahmed Hassan" of Egypt is'
        " listed twice (also at Participants!D2) — delete one of the rows if it is the same"
        " person",
        f"{busy}: 3 errors, 40 warnings",
    ]


def test_quiet_prints_the_errors_only(busy: Path) -> None:
    result = reportkit_cli("check", "-q", str(busy))
    assert result.returncode == 1
    assert [line.split(": ", 2)[1] for line in result.stdout.splitlines()] == [
        "Report!A2",
        "Report!A3",
        "Participants!A33",
    ]


def test_verbose_names_every_cell_of_a_kind(busy: Path) -> None:
    lines = reportkit_cli("check", "-v", str(busy)).stdout.splitlines()
    slots = next(line for line in lines if "the slot ends" in line)
    cells_named = ", ".join(f"B{row}" for row in range(3, 12))
    assert f"Programme!B2, {cells_named} (10 cells): warning:" in slots


def test_quiet_and_verbose_together_are_a_usage_error(busy: Path) -> None:
    assert reportkit_cli("check", "-q", "-v", str(busy)).returncode == 2


def test_the_json_keeps_every_finding_ungrouped(busy: Path) -> None:
    result = reportkit_cli("check", "--format", "json", str(busy))
    [report] = json.loads(result.stdout)
    assert (report["errors"], report["warnings"], report["tidied"]) == (3, 40, 0)
    assert len(report["problems"]) == 43
    # The workbook's rows: Egypt's duplicate at rows 3-12, the missing last names at
    # 13-22, the unknown honorific at 23-32, the empty delegation at 33; ten slots.
    expected = {"Report!A2", "Report!A3", "Participants!A33"}
    expected |= {f"Participants!D{row}" for row in range(3, 23)}
    expected |= {f"Participants!B{row}" for row in range(23, 33)}
    expected |= {f"Programme!B{row}" for row in range(2, 12)}
    locations = [p["location"] for p in report["problems"]]
    assert sorted(locations) == sorted(expected)


def test_what_reportkit_tidied_is_counted_and_listed_with_verbose(tmp_path: Path) -> None:
    programme = [
        ["Day", "Start", "End", "Title"],
        ["2023-05-02", None, None, None],
        [None, 9.3, 10, "Opening"],
    ]
    people = [PEOPLE_HEADER, ["Egypt", "dr", "Ahmed", "Hassan", "Director", "Ministry"]]
    report = [["Kind", "Text"], ["paragraph", "1. The Meeting was held."]]
    path = write_workbook(
        tmp_path / "t.xlsx", variant(Programme=programme, Participants=people, Report=report)
    )
    tidied = [
        f'{path}: Report!B2: warning: the typed "1." was removed from the start of the text —'
        " Word numbers paragraphs itself (Kind bullet gives a bullet); delete it from the cell",
        f"{path}: Programme!B3: warning: the number 9.3 was read as the time 09.30 — if that is"
        " right, type it as 9:30 so that Excel stores a time",
        f"{path}: Programme!C3: warning: the number 10 was read as the time 10.00 — if that is"
        " right, type it as 10:00 so that Excel stores a time",
        f"{path}: Programme!A2: warning: a row with only a Day: the slots below it are on"
        " Tuesday, May 2nd, 2023 — nothing to do if that is meant",
        f'{path}: Participants!B2: warning: the honorific "dr" is printed "Dr.", as the house'
        ' list spells it — nothing to do; type "Dr." to silence this',
    ]
    assert all(p.tidied for p in reportkit.check(path))

    result = reportkit_cli("check", str(path))
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"{path}: 5 entries were tidied as the house writes them — nothing to do; see them with -v",
        f"{path}: 0 errors, 0 warnings",
    ]
    listed = reportkit_cli("check", "-v", str(path)).stdout.splitlines()
    assert listed == [
        f"{path}: 5 entries were tidied as the house writes them:",
        *tidied,
        f"{path}: 0 errors, 0 warnings",
    ]
    assert reportkit_cli("check", "-q", str(path)).stdout == ""


def test_colour_only_at_a_terminal_and_never_with_no_color(busy: Path) -> None:
    shown = at_terminal("check", str(busy), env=plain_env())
    lines = shown.splitlines()
    assert [line[: len(RED)] for line in lines[:3]] == [RED] * 3
    assert [line[: len(YELLOW)] for line in lines[3:7]] == [YELLOW] * 4
    assert "\x1b" not in lines[7]  # the count is no error or warning

    piped = reportkit_cli("check", str(busy), env=plain_env())
    assert "\x1b" not in piped.stdout
    assert piped.stdout.splitlines() == [_plain(line) for line in lines]

    no_color = at_terminal("check", str(busy), env={**plain_env(), "NO_COLOR": "1"})
    assert no_color == piped.stdout


def test_a_name_holding_a_colour_code_stays_escaped_inside_the_colour(
    busy: Path, tmp_path: Path
) -> None:
    evil = tmp_path / "evil\x1b[35m.xlsx"
    evil.write_bytes(busy.read_bytes())
    shown = at_terminal("check", str(evil), env=plain_env())
    first = shown.splitlines()[0]
    assert first.startswith(f"{RED}{tmp_path}/evil\\x1b[35m.xlsx: Report!A2: ")
    assert "\x1b[35m" not in shown


def _plain(line: str) -> str:
    for code in (RED, YELLOW, "\x1b[0m"):
        line = line.replace(code, "")
    return line


def test_cells_name_each_sheet_once_for_its_cells_in_a_row() -> None:
    assert cells(["Report!B1", "Agenda!B1", "Agenda!C1"]) == "Report!B1, Agenda!B1, C1 (3 cells)"
    assert cells(["Report!B1", "Agenda!B1", "Report!C1", "Report!D1"]) == (
        "Report!B1, Agenda!B1, Report!C1 … (4 cells)"
    )
