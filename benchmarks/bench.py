"""reportkit's benchmark: summit-size meetings against a plain pipeline, a batch, start-up.

    benchmarks/bench                       # installs .venv if needed, then runs this
    python benchmarks/bench.py             # the full run, under 5 minutes on 2 cores
    python benchmarks/bench.py --quick     # one round, up to 10,000 delegates: about a minute
    python benchmarks/bench.py --json results.json --record

Prints Markdown tables of medians and the targets of issue 24; `--json` writes them with
every run, `--record` writes them into benchmarks/README.md. Speed is measured here and
never asserted in tests. Workbooks are generated into a temporary folder and removed.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The repository root is put on the path first, so that benchmarks/ and tests/ import.
from benchmarks.batches import bench_batch  # noqa: E402
from benchmarks.results import Results  # noqa: E402
from benchmarks.scale import SIZES, bench_sizes  # noqa: E402
from benchmarks.startup import bench_startup  # noqa: E402
from benchmarks.tables import markdown  # noqa: E402
from benchmarks.targets import evaluate  # noqa: E402

README = Path(__file__).resolve().parent / "README.md"
BEGIN, END = "<!-- results: written by bench.py --record -->", "<!-- /results -->"
COPIES = 100
# The full run ends within 5 minutes: the largest meeting, measured last, runs as many
# rounds as fit in this many seconds from the start (every round, once reportkit is fast).
BUDGET_SECONDS = 270


def main(argv: Sequence[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    rounds, startup_rounds = (1, 3) if options.quick else (3, 7)
    sizes = SIZES[:-1] if options.quick else SIZES
    start, load = perf_counter(), os.getloadavg()[0]
    # Compiled ahead, as pip compiles an installed package: with PYTHONDONTWRITEBYTECODE set
    # (as some machines and containers do), an editable install would compile every module
    # of reportkit again in every timed process.
    compileall.compile_dir(ROOT / "reportkit", quiet=1)
    with tempfile.TemporaryDirectory(prefix="reportkit-bench-") as temp:
        folder = Path(temp)
        startup = bench_startup(folder, startup_rounds, _say)
        batch = bench_batch(folder / "batch", COPIES, rounds, _say)
        meetings = bench_sizes(folder, sizes, rounds, start + BUDGET_SECONDS, _say)
    results = Results.collect(meetings, batch, startup)
    targets = evaluate(results)
    about = _about(options, perf_counter() - start, load)
    text = _heading(about) + "\n\n" + markdown(results, targets)
    print(text)
    if options.json:
        record = {"about": about, **results.as_dict(), "targets": [t.as_dict() for t in targets]}
        options.json.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    if options.record:
        _record(text)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one round, no 50,000 delegates")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every run and median")
    parser.add_argument("--record", action="store_true", help="write the tables into README.md")
    return parser


def _say(line: str) -> None:
    print(f"bench: {line}", file=sys.stderr, flush=True)


def _about(options: argparse.Namespace, seconds: float, load: float) -> dict[str, object]:
    """What was run, where and when: enough to compare two runs honestly. The load average
    at the start says whether other work shared the machine (medians soften it, no more)."""
    command = "python benchmarks/bench.py" + (" --quick" if options.quick else "")
    return {
        "command": command,
        "date": date.today().isoformat(),
        "machine": _machine(),
        "commit": _commit(),
        "seconds": round(seconds, 1),
        "load_average": round(load, 2),
    }


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        models = [
            line for line in cpuinfo.read_text().splitlines() if line.startswith("model name")
        ]
        cpu = models[0].split(":", 1)[1].strip() if models else cpu
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}"
    )


def _commit() -> str:
    def git(*args: str) -> str:
        found = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return found.stdout.strip() if found.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + (" with local changes" if git("status", "--porcelain") else "")


def _heading(about: dict[str, object]) -> str:
    return (
        f"`{about['command']}` on {about['date']}, commit {about['commit']}, took "
        f"{about['seconds']} s.\nMachine: {about['machine']}; load average at the start "
        f"{about['load_average']}."
    )


def _record(text: str) -> None:
    """Replace the results between the markers of benchmarks/README.md."""
    readme = README.read_text()
    before, rest = readme.split(BEGIN, 1)
    after = rest.split(END, 1)[1]
    README.write_text(f"{before}{BEGIN}\n{text}\n{END}{after}")


if __name__ == "__main__":
    sys.exit(main())
