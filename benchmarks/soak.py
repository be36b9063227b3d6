"""Soak test of the build state: the fault-injection trials of the test suite, many times.

    python benchmarks/soak.py        # 16 kills, 20 pairs, 8 with watch, 8 hung, 8 of each fault
    python benchmarks/soak.py --kills 50 --pairs 50 --watch 20 --hung 20 --faults 20

Each trial works on real builds in a temporary folder (a 30-workbook batch killed with
SIGKILL at a random moment; two batches at once; a batch beside `watch`; a `--pdf` batch
whose LibreOffice hangs, killed at a random moment or left to reach its time limit; a
workbook rewritten in place during its build; another folder's write-ahead log; a pipe and
a link to /dev/zero among the inputs; a full disk on a small tmpfs, where the machine lets
it be mounted) and reports what went wrong, if anything. The tests run a few of the same trials
(tests/test_state_faults.py, tests/test_pdf_bounds.py); this runs enough to catch rare
interleavings. Prints one line per trial and a summary; exits 1 if any trial failed.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.faults import (  # noqa: E402 (the repository root is put on the path first)
    OLD_POSITION,
    batch_and_watch_trial,
    concurrent_batches_trial,
    foreign_log_trial,
    full_disk_trial,
    killed_batch_trial,
    odd_inputs_trial,
    saved_during_build_trial,
)
from tests.workbooks import sample_copies  # noqa: E402

SAMPLE = ROOT / "inputs" / "comcec-digital-2022.xlsx"


def trials(name: str, count: int, workbooks: int, trial: Callable[..., list[str]]) -> int:
    failed = 0
    with tempfile.TemporaryDirectory() as temp:
        folder, out = Path(temp) / "in", Path(temp) / "out"
        paths = sample_copies(folder, workbooks, SAMPLE)
        positions = dict.fromkeys(paths, OLD_POSITION)
        subprocess.run(
            [sys.executable, "-m", "reportkit", "build", str(folder), "-o", str(out)],
            capture_output=True,
            check=True,
        )
        for number in range(count):
            start = time.perf_counter()
            problems = trial(folder, out, paths, positions, f"{name}{number}")
            failed += bool(problems)
            verdict = "ok" if not problems else "FAILED: " + "; ".join(problems)
            print(f"{name} {number + 1}/{count} ({time.perf_counter() - start:.1f} s): {verdict}")
    return failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=16)
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--watch", type=int, default=8)
    parser.add_argument("--hung", type=int, default=8)
    parser.add_argument("--faults", type=int, default=8, help="trials of each fault case")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    options = parser.parse_args()
    rng = random.Random(options.seed)
    print(f"seed {options.seed}")

    def killed(*args: object) -> list[str]:
        return killed_batch_trial(*args, rng=rng)  # type: ignore[arg-type]

    def hung(folder: Path, out: Path, paths: list[Path], *_: object) -> list[str]:
        # Imported here: the trial lives with its tests, which need pytest; the other
        # trials do not.
        from tests.test_pdf_bounds import hung_libreoffice_trial

        return hung_libreoffice_trial(folder, out, paths, rng)

    def saved(*args: object) -> list[str]:
        return saved_during_build_trial(*args, rng=rng)  # type: ignore[arg-type]

    failed = {
        "kill": trials("kill", options.kills, 30, killed),
        "pair": trials("pair", options.pairs, 6, concurrent_batches_trial),
        "watch": trials("watch", options.watch, 6, batch_and_watch_trial),
        "hung": trials("hung", options.hung, 6, hung),
        "saved": trials("saved", options.faults, 3, saved),
        "foreign": trials("foreign", options.faults, 3, foreign_log_trial),
        "odd": trials("odd", options.faults, 3, odd_inputs_trial),
        "full": trials("full", options.faults, 3, full_disk_trial),
    }
    total = options.kills + options.pairs + options.watch + options.hung + 4 * options.faults
    print(
        f"{total - sum(failed.values())} of {total} trials passed "
        + ", ".join(f"{name}: {count} failed" for name, count in failed.items())
    )
    sys.exit(1 if any(failed.values()) else 0)


if __name__ == "__main__":
    main()
