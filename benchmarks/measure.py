"""Timing commands as whole processes, with their peak memory, in alternating rounds.

Peak memory is the child's `ru_maxrss` as `os.wait4` reports it for that one child (or the
largest of its own children, such as a batch's workers). Linux counts in it the memory the
child had before it called exec, which after a fork is its parent's: measured straight from
this process, every command would seem to need at least what the benchmark itself holds.
So each command is started by a small wrapper process (a bare `python -I -S`, about 10 MB,
less than any command measured) that times it, reaps it and reports. The wrapper's own
start-up is outside the time.

Rounds alternate (A B C A B C …), so a slow spell of a shared machine hits every contender
alike; each contender's median is reported.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """One timed run: wall-clock seconds and, for a process, its peak memory in MB."""

    seconds: float
    peak_mb: float | None = None


class CommandFailed(RuntimeError):
    """A measured command exited with an error: its timing would measure nothing."""


def run_process(argv: Sequence[str | Path]) -> tuple[Run, str]:
    """Run `argv` to completion; returns its run and its standard output. Output goes to
    files, not pipes, so that reading it costs the child nothing while it runs."""
    with tempfile.TemporaryDirectory() as temp:
        report, out, err = (Path(temp) / name for name in ("report", "out", "err"))
        wrapper = (sys.executable, "-I", "-S", "-c", _WRAPPER, report, out, err, *argv)
        subprocess.run([str(a) for a in wrapper], check=True)
        seconds, maxrss_kb, status = report.read_text().split()
        if status != "0":
            text = err.read_text(errors="replace")[-2000:]
            raise CommandFailed(f"{' '.join(map(str, argv))} exited {status}:\n{text}")
        return Run(float(seconds), int(maxrss_kb) / 1024), out.read_text()


_WRAPPER = """
import os, subprocess, sys, time
report, out, err, *argv = sys.argv[1:]
with open(out, "wb") as stdout, open(err, "wb") as stderr:
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=stdout, stderr=stderr)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
with open(report, "w") as file:
    file.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


Contender = Callable[[], Run]


def alternate(contenders: dict[str, Contender], rounds: int) -> dict[str, list[Run]]:
    """Every contender once per round, in the same order each round."""
    runs: dict[str, list[Run]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, contender in contenders.items():
            runs[name].append(contender())
    return runs


def warm_up(contenders: dict[str, Contender]) -> None:
    """One untimed run of each: bytecode compiled, files in the page cache."""
    for contender in contenders.values():
        contender()


@dataclass(frozen=True)
class Summary:
    """The median of a contender's runs."""

    seconds: float
    peak_mb: float | None
    runs: int

    def as_dict(self) -> dict[str, object]:
        return {"seconds": round(self.seconds, 4), "peak_mb": self.peak_mb, "runs": self.runs}


def summarise(runs: list[Run]) -> Summary:
    peaks = [r.peak_mb for r in runs if r.peak_mb is not None]
    peak = round(statistics.median(peaks), 1) if peaks else None
    return Summary(statistics.median(r.seconds for r in runs), peak, len(runs))
