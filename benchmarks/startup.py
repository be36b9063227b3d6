"""Start-up: what a person waits for on the smallest commands, against Python and click.

`reportkit --help` and `reportkit check` of the shipped sample load no workbook worth the
name, so their time is almost all imports; `python -c "import click"` is the least a click
command line can cost. The whole build of the sample (into an empty folder) is here too:
a real meeting's report, where start-up is most of the time.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from benchmarks.batches import SAMPLE
from benchmarks.measure import Contender, Run, alternate, run_process, warm_up
from benchmarks.scale import REPORTKIT


def contenders(folder: Path) -> dict[str, Contender]:
    out = folder / "sample-out"

    def build() -> Run:
        shutil.rmtree(out, ignore_errors=True)
        return run_process((*REPORTKIT, "build", SAMPLE, "-o", out))[0]

    return {
        "python -c 'import click'": lambda: run_process((sys.executable, "-c", "import click"))[0],
        "reportkit --help": lambda: run_process((*REPORTKIT, "--help"))[0],
        "reportkit check (sample)": lambda: run_process((*REPORTKIT, "check", SAMPLE))[0],
        "reportkit build (sample)": build,
    }


def bench_startup(folder: Path, rounds: int, say: Callable[[str], None]) -> dict[str, list[Run]]:
    say(f"start-up: {rounds} round(s)")
    chosen = contenders(folder)
    warm_up(chosen)
    return alternate(chosen, rounds)
