"""Benchmarks: a big meeting, and batch regeneration of many workbooks.

    python benchmarks/run.py              # both
    python benchmarks/run.py big          # one meeting of 5,000 delegates
    python benchmarks/run.py batch 20     # 20 workbooks, first and second run

Speed is measured here, never asserted in tests. Figures are wall-clock seconds on
whatever machine runs this; compare runs on one machine.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from time import perf_counter

from openpyxl import load_workbook

from reportkit.api import prepare
from reportkit.batch import run_batch
from reportkit.reference import DelegationKind, load_reference
from reportkit.render import default_template, render_report
from reportkit.write import docx_bytes

SAMPLE = Path(__file__).resolve().parents[1] / "inputs" / "comcec-digital-2022.xlsx"


def big_meeting(folder: Path, delegates: int = 5000, paragraphs: int = 500) -> Path:
    """The sample grown to a large meeting: every member state, many delegates and paragraphs."""
    states = [d.name for d in load_reference().delegations if d.kind is DelegationKind.MEMBER]
    book = load_workbook(SAMPLE)
    people = book["Participants"]
    for i in range(delegates):
        people.append(
            [states[i % len(states)], "Mr.", f"Delegate{i}", f"Person{i}", "Director", "Ministry"]
        )
    report = book["Report"]
    for i in range(paragraphs):
        report.append(
            ["paragraph" if i % 5 else "heading", f"Paragraph {i} of the deliberations. " * 8]
        )
    path = folder / "big-meeting.xlsx"
    book.save(path)
    return path


def bench_big() -> None:
    with tempfile.TemporaryDirectory() as temp:
        path = big_meeting(Path(temp))
        start = perf_counter()
        prepared = prepare(path)
        read_arrange = perf_counter() - start
        start = perf_counter()
        document = render_report(prepared.report, prepared.source.meeting, default_template())
        render = perf_counter() - start
        start = perf_counter()
        data = docx_bytes(document)
        write = perf_counter() - start
        print(
            f"big meeting (5,000 delegates, 500 body rows): read+arrange {read_arrange:.2f} s, "
            f"render {render:.2f} s, write {write:.2f} s, {len(data) / 1024:,.0f} KB"
        )


def bench_batch(count: int) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "in"
        folder.mkdir()
        workbooks = []
        for i in range(count):
            target = folder / f"meeting-{i:02d}.xlsx"
            shutil.copy(SAMPLE, target)
            workbooks.append(target)
        out = Path(temp) / "out"
        for label in ("first run", "second run (unchanged)"):
            start = perf_counter()
            outcomes = run_batch(workbooks, out)
            built = sum(o.status.value == "built" for o in outcomes)
            print(f"batch of {count}, {label}: {perf_counter() - start:.2f} s, {built} built")
        book = load_workbook(workbooks[0])
        book["Participants"]["E2"] = "Senior Director"
        book.save(workbooks[0])
        start = perf_counter()
        outcomes = run_batch(workbooks, out)
        built = sum(o.status.value == "built" for o in outcomes)
        print(f"batch of {count}, one cell edited: {perf_counter() - start:.2f} s, {built} built")


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    if which in ("big", "all"):
        bench_big()
    if which in ("batch", "all"):
        bench_batch(int(sys.argv[2]) if len(sys.argv) > 2 else 20)
