"""The results as Markdown tables: printed by the benchmark, recorded in benchmarks/README.md."""

from __future__ import annotations

from benchmarks.js_peers import LABELS, PEERS
from benchmarks.measure import Summary
from benchmarks.results import Results
from benchmarks.scale import STAGES
from benchmarks.targets import Target

_MET = {True: "met", False: "**missed**", None: "not measured"}


def markdown(results: Results, targets: list[Target]) -> str:
    return "\n\n".join(
        [
            _meetings(results),
            _peers(results),
            _stages(results),
            _group("100 copies of the sample", results.batch),
            _group("start-up", results.startup),
            _table(
                ["target (issue 24)", "goal", "measured", "status"],
                [[t.what, t.goal, t.measured, _MET[t.met]] for t in targets],
            ),
        ]
    )


def _meetings(results: Results) -> str:
    rows = []
    for delegates, found in results.meetings.items():
        build, plain, floor = found["build"], found["plain"], found["floor"]
        rows.append(
            [
                f"{delegates:,}",
                _cell(build),
                _cell(found["build --force"]),
                _cell(plain),
                _cell(floor),
                f"{build.seconds / plain.seconds:.2f}",
                f"{build.seconds / floor.seconds:.0f}",
                str(build.runs),
            ]
        )
    header = ["delegates", "build (fresh)", "build --force", "plain pipeline", "zip floor"]
    return _table([*header, "reportkit/plain", "reportkit/floor", "runs"], rows)


# The whole processes that make a report from a meeting's workbook, by contender: reportkit
# and its peers, the floor last.
_PEER_ROWS = {
    "build": "reportkit build (fresh)",
    "plain": "plain pipeline (Python, docxtpl)",
    **{peer: f"{LABELS[peer]} (Node)" for peer in PEERS},
    "floor": "zip floor",
}


def _peers(results: Results) -> str:
    sizes = list(results.meetings)
    rows = [
        [label, *(_cell(results.meetings[n][name]) for n in sizes)]
        for name, label in _PEER_ROWS.items()
        if all(name in results.meetings[n] for n in sizes)
    ]
    return _table(["contender", *(f"{n:,} delegates" for n in sizes)], rows)


def _stages(results: Results) -> str:
    rows = []
    for delegates, found in results.meetings.items():
        total = sum(found[s].seconds for s in STAGES)
        stages = [f"{found[s].seconds:.2f} s" for s in STAGES]
        inline = found["read inline"].seconds
        rows.append(
            [f"{delegates:,}", *stages, f"{total:.2f} s", _cell(found["stages"]), f"{inline:.2f} s"]
        )
    header = ["delegates (in-process)", *STAGES, "sum", "stages process", "read (inline strings)"]
    return _table(header, rows)


def _group(title: str, found: dict[str, Summary]) -> str:
    return _table([title, "median", "runs"], [[n, _cell(s), str(s.runs)] for n, s in found.items()])


def _cell(found: Summary) -> str:
    if found.peak_mb is None:
        return f"{found.seconds:.3f} s"
    return f"{found.seconds:.2f} s, {found.peak_mb:.0f} MB"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = [header, ["---"] * len(header), *rows]
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)
