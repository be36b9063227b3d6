"""The targets of issue 24, checked against the medians measured.

A target whose measurement is missing (a `--quick` run leaves out 50,000 delegates) is
reported as not measured, never as met.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.js_peers import LABELS
from benchmarks.measure import Summary
from benchmarks.results import Results

# "No slower" allows for the noise of a shared machine: medians of runs seconds apart
# still differ by a few per cent.
NOISE = 1.05
# Linear: a delegate between 10,000 and 50,000 costs at most this much more than one
# between 200 and 10,000 (spans this wide keep a noisy run from deciding it).
LINEAR_SLACK = 1.2


@dataclass(frozen=True)
class Target:
    what: str
    goal: str
    measured: str
    met: bool | None

    def as_dict(self) -> dict[str, object]:
        return {"target": self.what, "goal": self.goal, "measured": self.measured, "met": self.met}


def evaluate(results: Results) -> list[Target]:
    m, batch, startup = results.meeting, results.batch.get, results.startup.get
    build200, build10k, force10k = m(200, "build"), m(10_000, "build"), m(10_000, "build --force")
    build50k = m(50_000, "build")
    return [
        _at_most("10,000 delegates: whole build", build10k, 0.45),
        _memory("10,000 delegates: peak memory", build10k, 100),
        _ratio("10,000 delegates: reportkit / plain pipeline", build10k, m(10_000, "plain"), 0.33),
        _ratio("10,000 delegates: reportkit / Carbone", build10k, m(10_000, "carbone"), 0.6),
        _ratio(
            "10,000 delegates: --force / fresh", force10k, build10k, NOISE, "no slower (≤ 1.05)"
        ),
        _at_most("200 delegates: whole build", build200, 0.2),
        *(
            _ratio(f"200 delegates: reportkit / {name}", build200, m(200, key), 1.0, "≤ 1.0")
            for key, name in (("plain", "plain pipeline"), *LABELS.items())
        ),
        _at_most("50,000 delegates: whole build", build50k, 2.0),
        _memory("50,000 delegates: peak memory", build50k, 400),
        _linear(m),
        _at_most("sample: whole build", startup("reportkit build (sample)"), 0.2),
        _at_most("reportkit --help", startup("reportkit --help"), 0.1),
        _at_most("100 copies: first build, --jobs 2", batch("first build, --jobs 2"), 2.0),
        _at_most("100 copies: unchanged", batch("unchanged"), 0.3),
    ]


def _at_most(what: str, found: Summary | None, seconds: float) -> Target:
    if found is None:
        return Target(what, f"≤ {seconds} s", "not measured", None)
    return Target(what, f"≤ {seconds} s", f"{found.seconds:.2f} s", found.seconds <= seconds)


def _memory(what: str, found: Summary | None, mb: float) -> Target:
    if found is None or found.peak_mb is None:
        return Target(what, f"≤ {mb} MB", "not measured", None)
    return Target(what, f"≤ {mb} MB", f"{found.peak_mb:.0f} MB", found.peak_mb <= mb)


def _ratio(
    what: str,
    top: Summary | None,
    bottom: Summary | None,
    limit: float,
    goal: str = "",
    at_least: bool = False,
) -> Target:
    goal = goal or f"≤ {limit}"
    if top is None or bottom is None:
        return Target(what, goal, "not measured", None)
    ratio = top.seconds / bottom.seconds
    return Target(what, goal, f"{ratio:.2f}", ratio >= limit if at_least else ratio <= limit)


def _linear(m: Callable[[int, str], Summary | None]) -> Target:
    """Cost of a delegate beyond 10,000 against its cost from 200 to 10,000."""
    what, goal = "linear: ms per delegate, 10k→50k vs 200→10k", f"≤ {LINEAR_SLACK}×"
    times = [m(n, "build") for n in (200, 10_000, 50_000)]
    if any(t is None for t in times):
        return Target(what, goal, "not measured", None)
    small, middle, large = (t.seconds for t in times if t is not None)
    below, above = (middle - small) / 9_800 * 1000, (large - middle) / 40_000 * 1000
    measured = f"{above:.3f} vs {below:.3f} ms"
    return Target(what, goal, measured, above <= LINEAR_SLACK * below)
