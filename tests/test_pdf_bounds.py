"""`--pdf` is bounded: a hung LibreOffice is stopped at the batch's time limit, with all its
processes; each missing PDF is a failure; a killed run leaves nothing behind for long; and
nothing outside OUTDIR is read through a PDF's name.

LibreOffice is not mocked: `REPORTKIT_SOFFICE` names a small shell script that behaves as
LibreOffice does when things go wrong — a real process tree that hangs, or that converts
and leaves a child running — and records the ID of each of its processes, so that the
tests can check none is left.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock

from reportkit.publish.pdf import seconds_per_report, time_limit
from tests.commands import reportkit_cli as cli
from tests.conftest import SAMPLE
from tests.workbooks import sample_copies

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fake LibreOffice is a sh script")

PER_REPORT = 0.25  # REPORTKIT_PDF_SECONDS in these tests
SLACK = 20.0  # seconds a run may take beyond its limit (building included) before it is hung
GONE_WITHIN = 2.0  # seconds a process may outlive the build that started it

# What every fake LibreOffice does first: note its process, find its --outdir.
_START = """#!/bin/sh
echo $$ >> "{pids}"
for arg; do
  [ "$previous" = --outdir ] && out=$arg
  previous=$arg
done
mkdir -p "$out"
"""
# Writes a PDF of its first document, as LibreOffice does before it hangs on the next one.
HUNG = (
    _START
    + """for arg; do
  case $arg in
    *.docx) printf '%%PDF-1.4\\n%%%%EOF\\n' > "$out/$(basename "$arg" .docx).pdf"; break ;;
  esac
done
sleep 300 &
echo $! >> "{pids}"
sleep 300 &
echo $! >> "{pids}"
wait
"""
)
# Converts everything, then leaves a child running, as a LibreOffice that half-exits does.
LINGERING = (
    _START
    + """for arg; do
  case $arg in
    *.docx) printf '%%PDF-1.4\\n%%%%EOF\\n' > "$out/$(basename "$arg" .docx).pdf" ;;
  esac
done
{then}
sleep 300 &
echo $! >> "{pids}"
"""
)


def fake_soffice(folder: Path, script: str, then: str = "") -> tuple[Path, Path]:
    """An executable LibreOffice stand-in from `script`, and the file of its process IDs."""
    folder.mkdir(parents=True, exist_ok=True)
    pids = folder / "pids"
    program = folder / "soffice"
    program.write_text(script.format(pids=pids, then=then))
    program.chmod(0o755)
    return program, pids


def environment(soffice: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "REPORTKIT_SOFFICE": str(soffice),
        "REPORTKIT_PDF_SECONDS": str(PER_REPORT),
        **extra,
    }


def recorded(pids: Path) -> list[int]:
    return [int(line) for line in pids.read_text().split()] if pids.exists() else []


def running(pid: int) -> bool:
    """Whether the process runs (a zombie waiting to be reaped does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def left_running(pids: list[int], within: float = GONE_WITHIN) -> list[int]:
    """The processes among `pids` still running `within` seconds from now."""
    deadline = time.monotonic() + within
    while True:
        alive = [pid for pid in pids if running(pid)]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.02)


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in (out / ".reportkit").glob("pdf-*"))


def no_pdf_line(report: Path, reports: int) -> str:
    limit = time_limit(reports, PER_REPORT)
    return (
        f"{report}: no PDF — LibreOffice did not finish within {limit:g} s, the time allowed "
        f"for {reports} reports, and was stopped; build again, or allow more time with "
        f"REPORTKIT_PDF_SECONDS (now {PER_REPORT:g} s a report)"
    )


def test_the_limit_grows_with_the_batch() -> None:
    """The documented defaults: 60 s for one report, 350 s for thirty."""
    per_report = seconds_per_report({})
    assert (time_limit(1, per_report), time_limit(30, per_report)) == (60, 350)
    assert seconds_per_report({"REPORTKIT_PDF_SECONDS": " 2.5 "}) == 2.5


def test_a_hung_libreoffice_is_stopped_at_the_limit_with_all_its_processes(
    tmp_path: Path,
) -> None:
    """The issue's case: before, 150 s a report, "0 failed", and its children left running."""
    workbooks = sample_copies(tmp_path / "in", 3, SAMPLE)
    soffice, pids = fake_soffice(tmp_path / "lo", HUNG)
    limit = time_limit(len(workbooks), PER_REPORT)

    start = time.monotonic()
    result = cli(
        "build", "in", "-o", "out", "--pdf", "--log", "run.json",
        cwd=tmp_path, env=environment(soffice), timeout=limit + SLACK,
    )  # fmt: skip
    took = time.monotonic() - start

    assert result.returncode == 1, result.stderr
    assert limit <= took < limit + SLACK
    assert "Traceback" not in result.stderr
    out = Path("out")
    lines = result.stderr.splitlines()
    assert [line for line in lines if ": no PDF — " in line] == [
        no_pdf_line(out / "meeting-01.docx", 3),
        no_pdf_line(out / "meeting-02.docx", 3),
    ]
    assert lines[-1].startswith("3 built, 0 unchanged, 0 failed, 2 PDFs failed in ")
    rows = {line.split()[0]: line for line in lines if line.startswith("in/")}
    assert "built, no PDF" not in rows[str(Path("in") / "meeting-00.xlsx")]
    assert "built, no PDF" in rows[str(Path("in") / "meeting-01.xlsx")]
    assert json.loads((tmp_path / "run.json").read_text())["pdf_failed"] == 2
    assert (tmp_path / "out" / "meeting-00.pdf").read_bytes().startswith(b"%PDF-")
    assert not (tmp_path / "out" / "meeting-01.pdf").exists()
    assert len(recorded(pids)) == 3
    assert left_running(recorded(pids), within=0) == []
    assert leftovers(tmp_path / "out") == []


def test_what_libreoffice_leaves_running_is_ended_when_it_is_done(tmp_path: Path) -> None:
    soffice, pids = fake_soffice(tmp_path / "lo", LINGERING)
    result = cli(
        "build", str(SAMPLE), "-o", "out", "--pdf",
        cwd=tmp_path, env=environment(soffice), timeout=SLACK,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "comcec-digital-2022.pdf").read_bytes().startswith(b"%PDF-")
    assert len(recorded(pids)) == 2
    assert left_running(recorded(pids), within=0) == []


def test_a_batch_killed_during_pdf_leaves_nothing_running_and_the_next_cleans_up(
    tmp_path: Path,
) -> None:
    workbooks = sample_copies(tmp_path / "in", 2, SAMPLE)
    hung, pids = fake_soffice(tmp_path / "hung", HUNG)
    batch = subprocess.Popen(
        [sys.executable, "-m", "reportkit", "build", "in", "-o", "out", "--pdf"],
        cwd=tmp_path,
        env=environment(hung, REPORTKIT_PDF_SECONDS="60"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + SLACK
    while len(recorded(pids)) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(recorded(pids)) == 3, "the fake LibreOffice never started"
    batch.send_signal(signal.SIGKILL)
    batch.wait()

    assert left_running(recorded(pids)) == []
    assert len(leftovers(tmp_path / "out")) == 1  # the killed run's, until the next run

    working, _ = fake_soffice(tmp_path / "working", LINGERING)
    after = cli("build", "in", "-o", "out", "--pdf", cwd=tmp_path, env=environment(working))
    assert after.returncode == 0, after.stderr
    assert leftovers(tmp_path / "out") == []
    for workbook in workbooks:
        assert (tmp_path / "out" / f"{workbook.stem}.pdf").read_bytes().startswith(b"%PDF-")


def plant(kind: str, path: Path, secret: Path) -> None:
    if kind == "link":
        path.symlink_to(secret)
    elif kind == "pipe":
        os.mkfifo(path)
    else:
        path.mkdir()


@pytest.mark.parametrize("kind", ["link", "pipe", "folder"])
@pytest.mark.parametrize("when", ["before the build", "while LibreOffice runs"])
def test_a_pdf_name_that_is_no_file_is_one_line_and_left_alone(
    tmp_path: Path, kind: str, when: str
) -> None:
    """The issue's `ln -s /etc/passwd out/m0.pdf`: before, the secret was copied into
    `.reportkit/kept/`. Now nothing is read through the name, kept or replaced."""
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    out = tmp_path / "out"
    pdf = out / "comcec-digital-2022.pdf"
    if when == "before the build":
        out.mkdir()
        plant(kind, pdf, secret)
        soffice, _ = fake_soffice(tmp_path / "lo", LINGERING)
    else:
        how = {"link": f'ln -s "{secret}"', "pipe": "mkfifo", "folder": "mkdir"}[kind]
        soffice, _ = fake_soffice(tmp_path / "lo", LINGERING, then=f'{how} "{pdf}"')

    result = cli(
        "build", str(SAMPLE), "-o", str(out), "--pdf",
        cwd=tmp_path, env=environment(soffice), timeout=SLACK,
    )  # fmt: skip

    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    noun = {"link": "a symbolic link", "pipe": "a pipe", "folder": "a folder"}[kind]
    assert line.startswith(f"{pdf}: this is {noun}"), line
    assert list((out / ".reportkit" / "kept").iterdir()) == []
    if kind == "link":
        assert os.readlink(pdf) == str(secret)
    else:
        assert pdf.is_fifo() if kind == "pipe" else pdf.is_dir()
    assert secret.read_text() == "root:x:0:0:root:/root:/bin/bash\n"


def test_a_bad_time_limit_is_one_line_and_nothing_is_built(tmp_path: Path) -> None:
    soffice, _ = fake_soffice(tmp_path / "lo", LINGERING)
    env = environment(soffice, REPORTKIT_PDF_SECONDS="soon")
    result = cli("build", str(SAMPLE), "-o", "out", "--pdf", cwd=tmp_path, env=env)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        'environment: REPORTKIT_PDF_SECONDS: "soon" is not a positive number of seconds — set'
        " it to a positive number, or unset it for the default of 10"
    ]
    assert not (tmp_path / "out").exists()


def test_another_run_making_pdfs_too_long_is_one_line_per_report(tmp_path: Path) -> None:
    soffice, pids = fake_soffice(tmp_path / "lo", LINGERING)
    built = cli("build", str(SAMPLE), "-o", "out", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    lock = FileLock(tmp_path / "out" / ".reportkit" / "locks" / "libreoffice.lock")
    with lock:
        env = environment(soffice, REPORTKIT_WAIT_SECONDS="0.5")
        result = cli("build", str(SAMPLE), "-o", "out", "--pdf", cwd=tmp_path, env=env)
    assert result.returncode == 1
    report = Path("out") / "comcec-digital-2022.docx"
    assert result.stderr.splitlines() == [
        f"{report}: no PDF — another reportkit run is making PDFs in out (waited 0.5 s); let it"
        " finish, then build again",
        f"{report}: up to date",
    ]
    assert recorded(pids) == []


@pytest.mark.parametrize(
    ("name", "kind", "what"),
    [
        ("libreoffice", "a symbolic link", "profile"),
        ("locks/libreoffice.lock", "a folder", "lock file"),
    ],
)
def test_lo_state_that_is_not_reportkits_is_one_line_and_unused(
    tmp_path: Path, name: str, kind: str, what: str
) -> None:
    """A profile linked out of OUTDIR would have LibreOffice write there."""
    soffice, pids = fake_soffice(tmp_path / "lo", LINGERING)
    assert cli("build", str(SAMPLE), "-o", "out", cwd=tmp_path).returncode == 0
    planted = tmp_path / "out" / ".reportkit" / name
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    if kind == "a symbolic link":
        planted.symlink_to(elsewhere)
    else:
        planted.mkdir()

    result = cli("build", str(SAMPLE), "-o", "out", "--pdf", cwd=tmp_path, env=environment(soffice))

    assert result.returncode == 1
    state = Path("out") / ".reportkit"
    assert result.stderr.splitlines()[0] == (
        f"{Path('out') / 'comcec-digital-2022.docx'}: no PDF — {state / name} is {kind}, not"
        f" LibreOffice's {what} that reportkit keeps there; remove it, then build again"
    )
    assert recorded(pids) == []
    assert list(elsewhere.iterdir()) == []


def hung_libreoffice_trial(
    folder: Path, out: Path, workbooks: list[Path], rng: random.Random
) -> list[str]:
    """For `benchmarks/soak.py`: a batch whose LibreOffice hangs, killed with SIGKILL at a
    random moment or left to reach its limit; what went wrong, if anything."""
    soffice, pids = fake_soffice(out.parent / f"lo-{rng.getrandbits(32):08x}", HUNG)
    for made in out.glob("*.pdf"):
        made.unlink()  # every PDF is to be made again
    limit = time_limit(len(workbooks), PER_REPORT)
    command = [sys.executable, "-m", "reportkit", "build", str(folder), "-o", str(out), "--pdf"]
    start = time.monotonic()
    batch = subprocess.Popen(
        command, env=environment(soffice), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    killed = rng.random() < 0.5
    if killed:
        time.sleep(rng.uniform(0.2, limit))
        batch.send_signal(signal.SIGKILL)
    _, stderr = batch.communicate(timeout=limit + SLACK)
    took = time.monotonic() - start
    problems = [f"process {pid} outlived its batch" for pid in left_running(recorded(pids))]
    if not killed:
        problems += _timed_out_problems(batch.returncode, stderr, len(workbooks), took, limit)
        problems += [f"{name} left behind" for name in leftovers(out)]
    return problems


def _timed_out_problems(
    code: int, stderr: str, reports: int, took: float, limit: float
) -> list[str]:
    """What is wrong with a batch that reached its limit: the fake LibreOffice converted
    the first report only."""
    summary = stderr.splitlines()[-1] if stderr else ""
    problems = []
    if code != 1 or "Traceback" in stderr:
        problems.append(f"exit status {code}: {stderr[-2000:]}")
    if f", {reports - 1} PDF{'s' * (reports != 2)} failed in " not in summary:
        problems.append(f"the summary does not count the PDFs that failed: {summary}")
    if not limit <= took < limit + SLACK:
        problems.append(f"the batch took {took:.1f} s, its limit being {limit:g} s")
    return problems


def test_the_soak_trial_of_a_hung_libreoffice_passes(tmp_path: Path) -> None:
    workbooks = sample_copies(tmp_path / "in", 2, SAMPLE)
    out = tmp_path / "out"
    for seed in (1, 2):  # one killed, one left to reach its limit
        assert hung_libreoffice_trial(tmp_path / "in", out, workbooks, random.Random(seed)) == []
