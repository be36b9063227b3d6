"""Meetings of 200 to 50,000 delegates: reportkit against the plain pipeline and the floor.

For each size, one round runs, in this order: `reportkit build` into an empty folder, the
same with `--force` over that build, the plain pipeline, Carbone and docxtemplater where
Node has them (benchmarks/js_peers.py), reportkit's stages in-process on the shared-strings
workbook and on the inline-strings one, and the zip floor of the report just built.
Whole builds, the plain pipeline and the peers read the workbook as Excel saves it
(shared strings); the inline one differs only in reading, so only the stages run on it.
Each round also checks that both workbooks read to the same model and report, and that the
stages make the very report `reportkit build` wrote; after its last round, that the plain
pipeline and each peer listed every delegate once, in order (benchmarks/listed.py).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter

from benchmarks.floor import zip_floor
from benchmarks.js_peers import node_peers, peer_command
from benchmarks.listed import check_listed, expected_list
from benchmarks.measure import Contender, Run, alternate, run_process, warm_up
from benchmarks.meetings import generate
from benchmarks.peer_templates import make_peer_template
from benchmarks.plain_template import make_template
from benchmarks.xlsx import write_both

SIZES = (200, 2_000, 10_000, 50_000)
STAGES = ("read", "arrange", "render", "write")
_HERE = Path(__file__).resolve().parent
REPORTKIT = (sys.executable, "-m", "reportkit")


@dataclass
class SizeResult:
    """Every run at one size, and the in-process stage times of each stages run."""

    delegates: int
    runs: dict[str, list[Run]]
    stages: dict[str, list[float]]


class MeetingContenders:
    """The contenders at one size, working in their own folder."""

    def __init__(self, folder: Path, delegates: int, templates: dict[str, Path]) -> None:
        """`templates`: the plain pipeline's ("plain") and each peer's to run, by name."""
        folder.mkdir(parents=True)
        self.folder = folder
        self.delegates = delegates
        sheets = generate(delegates).sheets
        self.shared, self.inline = write_both(folder, "meeting", sheets)
        self.participants = expected_list(sheets["Participants"])
        self.templates = templates
        self.out = folder / "out"
        self.stages: dict[str, list[float]] = {}
        self.hashes: dict[str, set[str]] = {"model_sha256": set(), "docx_sha256": set()}

    def contenders(self) -> dict[str, Contender]:
        build = (*REPORTKIT, "build", self.shared, "-o", self.out)
        return {
            "build": lambda: self._fresh(build),
            "build --force": lambda: self._built(run_process((*build, "--force"))[0]),
            "plain": self._plain,
            **{peer: self._peer(peer) for peer in self.templates if peer != "plain"},
            "stages": lambda: self._stages(self.shared, ""),
            "stages inline": lambda: self._stages(self.inline, " inline"),
            "floor": lambda: zip_floor(self.report),
        }

    @property
    def report(self) -> Path:
        return self.out / f"{self.shared.stem}.docx"

    def _fresh(self, build: tuple[object, ...]) -> Run:
        shutil.rmtree(self.out, ignore_errors=True)
        return self._built(run_process(build)[0])

    def _built(self, run: Run) -> Run:
        self.hashes["docx_sha256"].add(hashlib.sha256(self.report.read_bytes()).hexdigest())
        return run

    def _output(self, name: str) -> Path:
        return self.folder / f"{name}.docx"

    def _plain(self) -> Run:
        script, template = _HERE / "plain.py", self.templates["plain"]
        target = self._output("plain")
        return run_process((sys.executable, script, self.shared, template, target))[0]

    def _peer(self, peer: str) -> Contender:
        command = peer_command(peer, self.shared, self.templates[peer], self._output(peer))
        return lambda: run_process(command)[0]

    def _stages(self, workbook: Path, suffix: str) -> Run:
        run, output = run_process((sys.executable, _HERE / "stages.py", workbook))
        timed = json.loads(output)
        for stage in STAGES:
            self.stages.setdefault(stage + suffix, []).append(timed[stage])
        for key, found in self.hashes.items():
            found.add(timed[key])
        return run

    def check_alike(self) -> None:
        """Both workbooks read to one model and one report, the report the build wrote."""
        for key, found in self.hashes.items():
            if len(found) != 1:
                raise AssertionError(f"{self.delegates} delegates: {key} differs: {found}")

    def check_lists(self) -> None:
        """The last report of the plain pipeline and of each peer lists every delegate once,
        in order: a pipeline that did less work must not pass for a faster one."""
        for name in self.templates:
            check_listed(self._output(name), self.participants)


def bench_sizes(
    folder: Path, sizes: tuple[int, ...], rounds: int, deadline: float, say: Callable[[str], None]
) -> list[SizeResult]:
    """Every size in turn; the first size's contenders are warmed up once, untimed.

    A size gets another round only while the last one, taken again, would end by
    `deadline` (a `perf_counter` time): while builds are slow, the largest meeting runs
    fewer rounds, and the benchmark still ends in time.
    """
    templates = {"plain": make_template(folder / "plain-template.docx")}
    for peer in node_peers(say):
        templates[peer] = make_peer_template(peer, folder / f"{peer}-template.docx")
    results = []
    for number, delegates in enumerate(sizes):
        say(f"meeting of {delegates:,} delegates: generating")
        meeting = MeetingContenders(folder / f"meeting-{delegates}", delegates, templates)
        contenders = meeting.contenders()
        if number == 0:
            warm_up(contenders)
            meeting.stages.clear()
        runs: dict[str, list[Run]] = {name: [] for name in contenders}
        last = 0.0
        for done in range(rounds):
            if done and perf_counter() + last > deadline:
                say(f"meeting of {delegates:,} delegates: no time for round {done + 1}")
                break
            say(f"meeting of {delegates:,} delegates: round {done + 1} of {rounds}")
            start = perf_counter()
            for name, found in alternate(contenders, 1).items():
                runs[name] += found
            last = perf_counter() - start
        meeting.check_alike()
        meeting.check_lists()
        results.append(SizeResult(delegates, runs, meeting.stages))
    return results
