"""`reportkit build --open`: the first report written is opened with the desktop's default
application, here a real `xdg-open` of the test's own, first on PATH, that records what it
was given."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from tests.commands import reportkit_cli as cli
from tests.conftest import SAMPLE
from tests.workbooks import sample_copies

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="xdg-open is the opener on Linux and the BSDs"
)


def desktop(tmp_path: Path, exit_status: int = 0) -> tuple[dict[str, str], Path]:
    """An environment whose PATH starts with an `xdg-open` that appends its argument to
    the returned file, then exits with `exit_status`."""
    folder = tmp_path / "desktop"
    folder.mkdir()
    opened = tmp_path / "opened.txt"
    opener = folder / "xdg-open"
    opener.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{opened}"\nexit {exit_status}\n')
    opener.chmod(opener.stat().st_mode | stat.S_IXUSR)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}, opened


def test_the_first_report_written_is_opened_and_an_unchanged_one_is_not(tmp_path: Path) -> None:
    workbooks = sample_copies(tmp_path / "in", 2, SAMPLE)
    env, opened = desktop(tmp_path)

    result = cli("build", *map(str, workbooks), "-o", "out", "--open", cwd=tmp_path, env=env)

    assert result.returncode == 0, result.stderr
    lines = opened.read_text().splitlines()
    assert [Path(line).resolve() for line in lines] == [
        (tmp_path / "out" / "meeting-00.docx").resolve()
    ]

    again = cli("build", *map(str, workbooks), "-o", "out", "--open", cwd=tmp_path, env=env)
    assert again.returncode == 0, again.stderr
    assert opened.read_text().splitlines() == lines  # nothing written, nothing opened


def test_nothing_is_opened_when_the_build_failed(tmp_path: Path) -> None:
    good = sample_copies(tmp_path / "in", 1, SAMPLE)[0]
    env, opened = desktop(tmp_path)

    result = cli(
        "build", str(good), "in/missing.xlsx", "-o", "out", "--open", cwd=tmp_path, env=env
    )

    assert result.returncode == 1
    assert (tmp_path / "out" / "meeting-00.docx").is_file()
    assert not opened.exists()


def test_no_opener_or_a_failing_one_is_one_line_and_the_build_still_succeeds(
    tmp_path: Path,
) -> None:
    workbook = sample_copies(tmp_path / "in", 1, SAMPLE)[0]
    empty = tmp_path / "empty"
    empty.mkdir()
    report = Path("out") / "meeting-00.docx"

    alone = cli(
        "build", str(workbook), "-o", "out", "--open", cwd=tmp_path, env={"PATH": str(empty)}
    )

    assert (alone.returncode, alone.stdout) == (0, f"{report}\n")
    assert alone.stderr.splitlines()[-1:] == [
        f"{report}: not opened — xdg-open was not found to open it with; open it yourself"
    ]

    env, opened = desktop(tmp_path, exit_status=4)
    failing = cli("build", str(workbook), "-o", "out", "--open", "--force", cwd=tmp_path, env=env)

    assert failing.returncode == 0, failing.stderr
    assert opened.is_file()
    assert failing.stderr.splitlines()[-1:] == [
        f"{report}: not opened — xdg-open failed (exit status 4); open it yourself"
    ]
