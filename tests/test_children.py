"""Children die with their build: a template's render child and a batch's workers end
within a second or two of the build that started them, however it ends (kill -9 here),
under every start method of multiprocessing. (LibreOffice's: tests/test_pdf_bounds.py.)

Builds are real `reportkit` processes, kept busy by a template that loops for minutes
(its render child would otherwise run on to its time limit at full CPU).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reportkit.render.child import available
from tests.conftest import SAMPLE
from tests.templates import template_with
from tests.test_pdf_bounds import left_running

pytestmark = pytest.mark.skipif(
    not (available() and Path("/proc/self/stat").exists()),
    reason="render children need fork; processes are followed through /proc",
)

NESTED = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
STARTS_WITHIN = 60.0  # seconds a build may take to reach its template's render
# `reportkit build ARGS` with multiprocessing's start method set first (argv[1]).
WITH_START_METHOD = (
    "import multiprocessing, sys\n"
    "multiprocessing.set_start_method(sys.argv[1])\n"
    "from reportkit.cli import main\n"
    "main(sys.argv[2:])\n"
)
# How deep a render child is under the batch: the fork server is between under "forkserver".
RENDER_DEPTH = {"fork": 2, "spawn": 2, "forkserver": 3}


def parents() -> dict[int, int]:
    """Every running process's parent, by process ID."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, ValueError, IndexError):
            continue
        if fields[0] != "Z":
            found[int(entry.name)] = int(fields[1])
    return found


def descendants(root: int) -> dict[int, int]:
    """The processes under `root`, each with its depth (1: a child)."""
    found: dict[int, int] = {}
    parent_of = parents()
    for pid in parent_of:
        depth, up = 1, parent_of[pid]
        while up in parent_of and up != root and depth < 32:
            depth, up = depth + 1, parent_of[up]
        if up == root:
            found[pid] = depth
    return found


def kill_when(build: subprocess.Popen[str], ready: Callable[[dict[int, int]], bool]) -> list[int]:
    """Kill `build` with SIGKILL once its processes are `ready`; returns them."""
    deadline = time.monotonic() + STARTS_WITHIN
    while not ready(found := descendants(build.pid)):
        assert build.poll() is None, build.communicate()
        assert time.monotonic() < deadline, f"the build never got there: {found}"
        time.sleep(0.05)
    build.send_signal(signal.SIGKILL)
    build.communicate()
    return list(found)


def start(*args: str, method: str | None = None) -> subprocess.Popen[str]:
    prefix = ["-c", WITH_START_METHOD, method] if method else ["-m", "reportkit"]
    return subprocess.Popen(
        [sys.executable, *prefix, *args],
        env={**os.environ, "REPORTKIT_TEMPLATE_SECONDS": "300"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_the_render_child_dies_with_its_build(tmp_path: Path) -> None:
    """Before: it rendered on for 30 s (its CPU limit) after its build was killed."""
    template = template_with(tmp_path, NESTED)
    build = start("build", str(SAMPLE), "-o", str(tmp_path / "out"), "--template", str(template))
    children = kill_when(build, lambda found: len(found) >= 1)
    assert left_running(children) == []


def test_workers_and_their_render_children_die_with_the_batch(tmp_path: Path) -> None:
    template = template_with(tmp_path, NESTED)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("one.xlsx", "two.xlsx"):
        shutil.copy(SAMPLE, folder / name)
    build = start(
        "build", str(folder), "-o", str(tmp_path / "out"), "--template", str(template),
        "--jobs", "2",
    )  # fmt: skip
    # Workers (depth 1) and the render child of each (depth 2).
    processes = kill_when(build, lambda found: list(found.values()).count(2) >= 2)
    assert left_running(processes) == []


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_workers_end_with_their_batch_under_each_start_method(tmp_path: Path, method: str) -> None:
    """The fork server, not the batch, is the parent of a "forkserver" worker: before,
    every such worker took its batch for dead at once and stopped, failing each workbook."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("one.xlsx", "two.xlsx"):
        shutil.copy(SAMPLE, folder / name)
    built = start("build", str(folder), "-o", str(tmp_path / "out"), "--jobs", "2", method=method)
    _, stderr = built.communicate(timeout=STARTS_WITHIN)
    assert built.returncode == 0, stderr
    assert stderr.splitlines()[-1].startswith("2 built, 0 unchanged, 0 failed")

    template = template_with(tmp_path, NESTED)
    build = start(
        "build", str(folder), "-o", str(tmp_path / "out"), "--template", str(template),
        "--jobs", "2", method=method,
    )  # fmt: skip
    depth = RENDER_DEPTH[method]
    processes = kill_when(build, lambda found: list(found.values()).count(depth) >= 2)
    assert left_running(processes) == []
