"""One odd file never stops the batch: a workbook nested too deep, a name that is not UTF-8 or
holds control characters, a pipe or a device named `*.xlsx`, names too long for the disk.
Each is one line (printed with escapes), the other workbooks build, nothing hangs.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from reportkit.cli.shown import json_text, shown
from tests.commands import reportkit_cli as cli
from tests.conftest import SAMPLE


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An inputs folder holding one good workbook."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs / "good.xlsx")
    return inputs


def good_built(result_stderr: str, folder: Path) -> bool:
    return any(
        line.split()[:2] == [str(folder / "good.xlsx"), "built"]
        for line in result_stderr.splitlines()
    )


def nested_workbook(target: Path, depth: int = 400) -> Path:
    with zipfile.ZipFile(SAMPLE) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    book = parts["xl/workbook.xml"]
    at = book.index(b"<sheets>")
    parts["xl/workbook.xml"] = book[:at] + b"<x>" * depth + b"</x>" * depth + book[at:]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


def test_a_workbook_nested_too_deep_is_its_own_located_error(folder: Path, tmp_path: Path) -> None:
    deep = nested_workbook(folder / "deep.xlsx")

    built = cli("build", str(folder), "-o", str(tmp_path / "out"), timeout=120)
    checked = cli("check", str(deep))

    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert good_built(built.stderr, folder)
    line = (
        f"{deep}: xl/workbook.xml: the workbook's list of sheets cannot be read (it is nested "
        "deeper than any workbook Excel writes) — open it in Excel and save it again as .xlsx"
    )
    assert line in built.stderr.splitlines()
    assert (checked.returncode, checked.stdout.splitlines()[0]) == (1, line)


def test_a_name_that_is_not_utf8_is_said_with_escapes_and_skipped(
    folder: Path, tmp_path: Path
) -> None:
    odd = os.fsdecode(str(folder).encode() + b"/r\xe9union.xlsx")
    shutil.copy(SAMPLE, odd)

    for status in ("built", "unchanged"):  # and the folder is not blocked for later runs
        result = cli("build", str(folder), "-o", str(tmp_path / "out"), timeout=120)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert any(
            line.split()[:2] == [str(folder / "good.xlsx"), status]
            for line in result.stderr.splitlines()
        )
        assert (
            f"{folder}/r\\xe9union.xlsx: the file name is not valid UTF-8 — rename the file"
        ) in result.stderr.splitlines()


def test_control_characters_in_a_name_are_printed_escaped(folder: Path, tmp_path: Path) -> None:
    odd = folder / "evil\x1b[31mred.xlsx"
    shutil.copy(SAMPLE, odd)

    result = cli("build", str(folder), "-o", str(tmp_path / "out"), timeout=120)

    assert "\x1b" not in result.stderr + result.stdout
    assert f"{folder}/evil\\x1b[31mred.xlsx: the file name holds control characters" in (
        result.stderr
    )
    assert good_built(result.stderr, folder)


@pytest.mark.parametrize("kind", ["pipe", "device"])
def test_a_pipe_or_device_named_like_a_workbook_never_hangs_the_batch(
    folder: Path, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / "out"
    assert cli("build", str(folder), "-o", str(out)).returncode == 0  # the folder has state
    odd = folder / "odd.xlsx"
    if kind == "pipe":
        os.mkfifo(odd)
    else:
        odd.symlink_to("/dev/zero")
    (folder / "good.xlsx").touch()

    result = cli("build", str(folder), "-o", str(out), timeout=120)

    assert result.returncode == 1 and "Traceback" not in result.stderr
    what = "a pipe" if kind == "pipe" else "a device"
    assert (
        f"{odd}: this is not a regular file ({what}) — give an .xlsx file"
    ) in result.stderr.splitlines()
    checked = cli("check", str(odd), timeout=60)
    assert checked.returncode == 1 and what in checked.stdout


def test_editions_too_long_for_the_disk_fail_alone(tmp_path: Path) -> None:
    workbook = tmp_path / f"{'m' * 248}.xlsx"
    shutil.copy(SAMPLE, workbook)

    result = cli("build", str(workbook), "-o", str(tmp_path / "out"), "--lang", "all")

    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (tmp_path / "out" / f"{'m' * 248}.docx").exists()
    lines = [line for line in result.stderr.splitlines() if "would be 256 bytes" in line]
    assert len(lines) == 2, result.stderr
    assert all(
        line.endswith("more than a file name may have (255) — give the workbook a shorter name")
        for line in lines
    )


@pytest.mark.parametrize("command", ["build", "check", "new"])
def test_a_name_too_long_to_exist_is_one_line(tmp_path: Path, command: str) -> None:
    name = f"{'a' * 300}.xlsx"
    result = cli(command, name, cwd=tmp_path, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    said = [line for line in (result.stdout + result.stderr).splitlines() if "too long" in line]
    assert len(said) == 1 and said[0].startswith(f"{name}: "), result


def test_what_is_printed_and_what_is_json_escape_the_same_characters() -> None:
    odd = "r\udce9union\x1b[31m\x85.xlsx"
    assert shown(odd) == "r\\xe9union\\x1b[31m\\x85.xlsx"
    assert json.loads(json_text({"file": odd})) == {"file": odd}
    assert "\x1b" not in json_text(odd) and "\x85" not in json_text(odd)
