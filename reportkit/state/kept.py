"""Copies of reports a person may have changed, kept before reportkit changes them.

A copy is kept whenever a report that is not exactly what reportkit last wrote (edited in
Word, damaged, or of unknown origin) is about to be replaced or merged into — `--force`
and `--fresh` included. Copies are dated and never overwritten or removed by reportkit.
"""

from __future__ import annotations

import os
from pathlib import Path

from reportkit.clock import build_time
from reportkit.state.folder import KEPT_DIR, bounded_name


def keep_copy(state_dir: Path, report: Path, data: bytes) -> Path:
    """Write `data` (the report as found) to `.reportkit/kept/<stem>.<when><suffix>`.

    The name is claimed exclusively, so no copy ever replaces another, even when two runs
    keep copies of long names that shorten alike. The report itself is still in place
    while its copy is written, so a copy cut short by a crash loses nothing.
    """
    stamp = build_time().strftime("%Y%m%d-%H%M%S")
    number = 1
    while True:
        tail = f".{stamp}{f'-{number}' if number > 1 else ''}{report.suffix}"
        target = state_dir / KEPT_DIR / bounded_name(report.stem, tail)
        try:
            with target.open("xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except FileExistsError:
            number += 1
            continue
        return target
