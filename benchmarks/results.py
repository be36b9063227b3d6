"""The benchmark's medians, kept by group and contender, with every run for `--json`."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.measure import Run, Summary, summarise
from benchmarks.scale import SizeResult


@dataclass(frozen=True)
class Results:
    """Medians of every contender: meetings by number of delegates, the batch, start-up."""

    meetings: dict[int, dict[str, Summary]]
    batch: dict[str, Summary]
    startup: dict[str, Summary]
    runs: dict[str, object]

    @classmethod
    def collect(
        cls,
        sizes: list[SizeResult],
        batch: dict[str, list[Run]],
        startup: dict[str, list[Run]],
    ) -> Results:
        meetings = {}
        for size in sizes:
            stages = {name: [Run(s) for s in times] for name, times in size.stages.items()}
            meetings[size.delegates] = _medians(size.runs | stages)
        runs = {
            "meetings": {
                s.delegates: {name: _plain(r) for name, r in s.runs.items()} | s.stages
                for s in sizes
            },
            "batch": {name: _plain(r) for name, r in batch.items()},
            "startup": {name: _plain(r) for name, r in startup.items()},
        }
        return cls(meetings, _medians(batch), _medians(startup), runs)

    def meeting(self, delegates: int, contender: str) -> Summary | None:
        return self.meetings.get(delegates, {}).get(contender)

    def as_dict(self) -> dict[str, object]:
        return {
            "medians": {
                "meetings": {
                    size: {name: s.as_dict() for name, s in found.items()}
                    for size, found in self.meetings.items()
                },
                "batch": {name: s.as_dict() for name, s in self.batch.items()},
                "startup": {name: s.as_dict() for name, s in self.startup.items()},
            },
            "runs": self.runs,
        }


def _medians(runs: dict[str, list[Run]]) -> dict[str, Summary]:
    return {name: summarise(found) for name, found in runs.items() if found}


def _plain(runs: list[Run]) -> list[dict[str, float | None]]:
    return [
        {"seconds": round(r.seconds, 4), "peak_mb": r.peak_mb and round(r.peak_mb, 1)} for r in runs
    ]
