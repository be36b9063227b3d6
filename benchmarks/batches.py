"""A batch of 100 copies of the shipped sample: the first build, an unchanged run, one edit.

Each round: the first build into an empty folder with `--jobs 1`, then with `--jobs 2`
(into another), then the same command again over the `--jobs 2` build (nothing changed),
then again after one workbook was corrected. Each run's `--log` is checked, so that a
fast run is never one that skipped its work.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from benchmarks.measure import Contender, Run, alternate, run_process
from benchmarks.scale import REPORTKIT
from tests.workbooks import sample_copies, set_position

SAMPLE = Path(__file__).resolve().parents[1] / "inputs" / "comcec-digital-2022.xlsx"


class Batch:
    """The contenders, working on `copies` copies of the sample in `folder`."""

    def __init__(self, folder: Path, copies: int) -> None:
        self.folder = folder
        self.workbooks = sample_copies(folder / "in", copies, SAMPLE)
        self.edits = 0

    def contenders(self) -> dict[str, Contender]:
        return {
            "first build, --jobs 1": lambda: self._first(1),
            "first build, --jobs 2": lambda: self._first(2),
            "unchanged": lambda: self._build(2, built=0),
            "one workbook edited": self._edited,
        }

    def _first(self, jobs: int) -> Run:
        shutil.rmtree(self._out(jobs), ignore_errors=True)
        return self._build(jobs, built=len(self.workbooks))

    def _edited(self) -> Run:
        self.edits += 1
        set_position(self.workbooks[0], f"Senior Director ({self.edits})")
        return self._build(2, built=1)

    def _out(self, jobs: int) -> Path:
        return self.folder / f"out-jobs-{jobs}"

    def _build(self, jobs: int, built: int) -> Run:
        log = self.folder / "log.json"
        out = self._out(jobs)
        command = (*REPORTKIT, "build", self.folder / "in", "-o", out, "--jobs", jobs, "--log", log)
        run = run_process(command)[0]
        summary = json.loads(log.read_text())
        if summary["built"] != built or summary["failed"]:
            raise AssertionError(
                f"{' '.join(map(str, command))}: expected {built} built, got {summary}"
            )
        return run


def bench_batch(
    folder: Path, copies: int, rounds: int, say: Callable[[str], None]
) -> dict[str, list[Run]]:
    """No warm-up of its own: start-up's warm-up ran the same `reportkit build`."""
    say(f"batch of {copies} copies of the sample: {rounds} round(s)")
    return alternate(Batch(folder, copies).contenders(), rounds)
