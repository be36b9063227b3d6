"""Batch regeneration: byte-identical output, incremental rebuilds, failures kept apart."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

import reportkit
from reportkit.base.hashing import digest
from reportkit.batch.run import Status, find_workbooks, run_batch
from reportkit.state import StateStore
from tests.commands import reportkit_cli as cli
from tests.conftest import SAMPLE
from tests.workbooks import variant, write_workbook


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copies(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        target = folder / f"meeting-{i:02d}.xlsx"
        shutil.copy(SAMPLE, target)
        paths.append(target)
    return paths


def edit(path: Path, sheet: str, cell: str, value: object) -> None:
    book = load_workbook(path)
    book[sheet][cell] = value
    book.save(path)


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = reportkit.build(SAMPLE, tmp_path / "a")
    second = reportkit.build(SAMPLE, tmp_path / "b")
    assert sha(first) == sha(second)


def test_builds_agree_across_processes_time_zones_and_hash_seeds(tmp_path: Path) -> None:
    digests = []
    for zone, seed in (("Asia/Tokyo", "1"), ("America/New_York", "4242"), ("UTC", "random")):
        env = {**os.environ, "TZ": zone, "PYTHONHASHSEED": seed}
        env.pop("SOURCE_DATE_EPOCH", None)
        out = tmp_path / zone.replace("/", "-")
        result = cli("build", str(SAMPLE), "-o", str(out), cwd=tmp_path, env=env)
        assert result.returncode == 0, result.stderr
        digests.append(sha(out / "comcec-digital-2022.docx"))
    assert len(set(digests)) == 1


def test_source_date_epoch_dates_the_properties(tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    result = cli("build", str(SAMPLE), "-o", "out", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    created = Document(str(tmp_path / "out" / "comcec-digital-2022.docx")).core_properties.created
    assert created.isoformat().startswith("2023-11-14T22:13:20")


def test_second_run_over_unchanged_workbooks_builds_nothing(tmp_path: Path) -> None:
    workbooks = copies(tmp_path / "in", 3)
    first = run_batch(workbooks, tmp_path / "out", jobs=2)
    assert [o.status for o in first] == [Status.BUILT] * 3
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / "out").glob("*.docx")}
    second = run_batch(workbooks, tmp_path / "out", jobs=2)
    assert [o.status for o in second] == [Status.UNCHANGED] * 3
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "out").glob("*.docx")} == stamps


def test_the_first_build_leaves_the_store_knowing_the_workbooks_editions(tmp_path: Path) -> None:
    """So that the very next run plans without opening the workbook (or loading its reader):
    the editions read before the state store existed are recorded once the build made it."""
    (workbook,) = copies(tmp_path / "in", 1)
    run_batch([workbook], tmp_path / "out")
    store, _ = StateStore.open_existing(tmp_path / "out")
    assert store is not None
    try:
        assert store.editions(digest(workbook)) == "en"
    finally:
        store.close()


BUILDING_ONLY = (
    "docx",
    "docxtpl",
    "filelock",
    "icu",
    "jinja2",
    "lxml",
    "openpyxl",
    "reportkit.arrange",
    "reportkit.read.sheets",
    "reportkit.render",
)


@pytest.mark.parametrize("restyled", [False, True])
def test_a_run_with_every_report_up_to_date_loads_nothing_that_builds(
    tmp_path: Path, restyled: bool
) -> None:
    """Planning needs hashes and the state store only: a run that finds every report up to
    date loads neither the workbook reader, arrange (ICU) nor rendering (python-docx,
    docxtpl, jinja2), which take most of its time, nor checks a restyled template again
    (its check loads them too); the first build left the store knowing the workbook's
    editions, so the second does not open the workbook for them."""
    out = tmp_path / "out"
    template = []
    if restyled:
        document = Document(str(reportkit.render.default_template()))
        document.styles["Normal"].font.name = "Arial"
        document.save(str(tmp_path / "restyled.docx"))
        template = ["--template", str(tmp_path / "restyled.docx")]
    args = ["build", str(SAMPLE), "-o", str(out), *template]
    assert cli(*args).returncode == 0
    code = (
        "import sys\n"
        "from reportkit.cli import main\n"
        "try:\n"
        f"    main({args!r}, prog_name='reportkit')\n"
        "except SystemExit as end:\n"
        "    assert not end.code, end.code\n"
        f"print(*(m for m in {BUILDING_ONLY!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stderr.splitlines() == [f"{out / 'comcec-digital-2022.docx'}: up to date"]
    assert result.stdout.split() == []


def test_editing_one_cell_rebuilds_exactly_that_workbook(tmp_path: Path) -> None:
    workbooks = copies(tmp_path / "in", 3)
    run_batch(workbooks, tmp_path / "out", jobs=2)
    edit(workbooks[1], "Participants", "E3", "Senior Director")
    outcomes = run_batch(workbooks, tmp_path / "out", jobs=2)
    assert [o.status for o in outcomes] == [Status.UNCHANGED, Status.BUILT, Status.UNCHANGED]
    assert outcomes[1].changes == [
        'Participants (Guyana): Mr. Christopher Deen edited — position: "General Manager" → "Senior Director"'
    ]


def test_touching_a_file_without_changing_it_rebuilds_nothing(tmp_path: Path) -> None:
    (workbook,) = copies(tmp_path / "in", 1)
    run_batch([workbook], tmp_path / "out")
    os.utime(workbook, (time.time() + 60, time.time() + 60))
    assert run_batch([workbook], tmp_path / "out")[0].status is Status.UNCHANGED


def test_force_a_new_template_or_fresh_over_a_damaged_report_rebuild(tmp_path: Path) -> None:
    (workbook,) = copies(tmp_path / "in", 1)
    out = tmp_path / "out"
    run_batch([workbook], out)
    assert run_batch([workbook], out, force=True)[0].status is Status.BUILT
    report = out / "meeting-00.docx"
    damaged = report.read_bytes()[:-10]
    report.write_bytes(damaged)
    # It may be a person's last copy: left as it is, said, until a fresh build replaces it.
    (refused,) = run_batch([workbook], out)
    assert refused.status is Status.FAILED and report.read_bytes() == damaged
    assert "cannot merge the workbook's corrections into it" in refused.problems[0]
    assert run_batch([workbook], out, fresh=True)[0].status is Status.BUILT
    template = tmp_path / "restyled.docx"
    document = Document(str(reportkit.render.default_template()))
    document.styles["Normal"].font.name = "Arial"
    document.save(str(template))
    assert run_batch([workbook], out, template=template)[0].status is Status.BUILT


def test_good_and_broken_workbooks_in_one_batch(tmp_path: Path) -> None:
    good = copies(tmp_path / "in", 2)
    broken = write_workbook(tmp_path / "in" / "broken.xlsx", variant(Report=None))
    (tmp_path / "in" / "~$meeting-00.xlsx").write_bytes(b"Excel lock file")
    result = cli("build", str(tmp_path / "in"), "-o", "out", "--log", "run.json", cwd=tmp_path)
    assert result.returncode == 1
    assert sorted(p.name for p in (tmp_path / "out").glob("*.docx")) == [
        "meeting-00.docx",
        "meeting-01.docx",
    ]
    assert f'{broken}: the sheet "Report" is missing' in result.stderr
    log = json.loads((tmp_path / "run.json").read_text())
    assert [(Path(w["workbook"]).name, w["status"]) for w in log["workbooks"]] == [
        ("broken.xlsx", "failed"),
        ("meeting-00.xlsx", "built"),
        ("meeting-01.xlsx", "built"),
    ]
    assert (log["built"], log["unchanged"], log["failed"]) == (2, 0, 1)
    summary = result.stderr.splitlines()
    assert summary[-1].startswith("2 built, 0 unchanged, 1 failed in ")
    assert any(line.split()[:2] == [str(good[0]), "built"] for line in summary)


def test_workbooks_are_found_in_folders_and_globs(tmp_path: Path) -> None:
    workbooks = copies(tmp_path / "in", 3)
    (tmp_path / "in" / "~$meeting-01.xlsx").write_bytes(b"lock")
    assert find_workbooks([tmp_path / "in"]) == workbooks
    assert find_workbooks([str(tmp_path / "in" / "meeting-0[12].xlsx")]) == workbooks[1:]
    assert find_workbooks([workbooks[0], tmp_path / "in"]) == workbooks
    unmatched = str(tmp_path / "in" / "nothing-*.xlsx")
    assert find_workbooks([unmatched]) == [Path(unmatched)]


def test_two_workbooks_for_one_report_name_fail_the_second(tmp_path: Path) -> None:
    first = copies(tmp_path / "a", 1)[0]
    second = copies(tmp_path / "b", 1)[0]
    outcomes = run_batch([first, second], tmp_path / "out")
    assert [o.status for o in outcomes] == [Status.BUILT, Status.FAILED]
    assert outcomes[1].problems == [
        f"{second}: {first} also builds meeting-00.docx — rename one of the two workbooks"
    ]


def test_change_report_is_written_beside_the_rebuilt_report(tmp_path: Path) -> None:
    (workbook,) = copies(tmp_path / "in", 1)
    out = tmp_path / "out"
    first = cli("build", str(workbook), "-o", str(out), cwd=tmp_path)
    assert first.returncode == 0
    assert not (out / "meeting-00.changes.md").exists()
    book = load_workbook(workbook)
    sheet = book["Participants"]
    sheet.append(["Egypt", "Mr.", "Ahmed", "Hassan", "Director", "Ministry of Trade"])
    book["Report"]["B2"] = book["Report"]["B2"].value.replace("held virtually", "held online")
    book.save(workbook)
    second = cli("build", str(workbook), "-o", str(out), cwd=tmp_path)
    assert second.returncode == 0
    assert "changes since the last build:" in second.stderr
    notes = (out / "meeting-00.changes.md").read_text(encoding="utf-8")
    assert notes.startswith("# Changes: meeting-00\n")
    assert "### Egypt\n\n- Mr. Ahmed Hassan added (Director, Ministry of Trade)" in notes
    assert (
        '- Paragraph 1 reworded: "…Initiative/Programme was held virtually on November 1st,…"'
        ' → "…Initiative/Programme was held online on November 1st,…"'
    ) in notes
    assert "## Delegations\n\n- Egypt added\n" in notes


def test_watch_rebuilds_on_save_and_survives_errors(tmp_path: Path) -> None:
    (workbook,) = copies(tmp_path / "in", 1)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reportkit",
            "watch",
            str(workbook),
            "-o",
            "out",
            "--interval",
            "0.2",
        ],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []

    def wait_for(text: str) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            lines.append(line)
            if text in line:
                return
        raise AssertionError(f"never saw {text!r}: {lines}")

    try:
        wait_for("built: out/meeting-00.docx")
        broken = write_workbook(tmp_path / "broken.xlsx", variant(Agenda=None))
        shutil.copy(broken, workbook)
        wait_for('the sheet "Agenda" is missing')
        edit_source = tmp_path / "fixed.xlsx"
        shutil.copy(SAMPLE, edit_source)
        edit(edit_source, "Participants", "E3", "Senior Director")
        shutil.copy(edit_source, workbook)
        wait_for("built: out/meeting-00.docx")
        assert process.poll() is None, "watch exited"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_watch_with_an_unusable_template_stops_with_one_line(tmp_path: Path) -> None:
    template = tmp_path / "notes.docx"
    template.write_text("plain text, not a Word document")
    result = cli("watch", str(SAMPLE), "-o", "out", "--template", str(template), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"{template}: this is a text file, not a Word document — open it in Word and save it as .docx"
    )


def test_an_isolated_batch_builds_in_workers_not_forked_from_its_caller(tmp_path: Path) -> None:
    """The web page's builds (`isolated`) run beside the server's other threads: a worker
    forked from the server could inherit a lock one of them held and wait forever, so they
    come from a fork server. Seen from the caller: its workers are not its own children."""
    import multiprocessing
    import threading

    workbook = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, workbook)
    done: list[list[object]] = []
    batch = threading.Thread(
        target=lambda: done.append(run_batch([workbook], tmp_path / "out", isolated=True))
    )
    batch.start()
    parents = set()
    while batch.is_alive():
        for worker in multiprocessing.active_children():
            stat = Path(f"/proc/{worker.pid}/stat")
            if worker.pid is not None and stat.exists():
                parents.add(int(stat.read_text().rpartition(")")[2].split()[1]))
        time.sleep(0.02)
    batch.join()
    (outcomes,) = done
    assert [o.status for o in outcomes] == [Status.BUILT]  # type: ignore[attr-defined]
    assert parents and os.getpid() not in parents
