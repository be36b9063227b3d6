"""Watching a workbook: a rapporteur saves in Excel and the report beside it is rebuilt.

The file is compared by content, not modification time, and looked at every `interval`
seconds (no file-system notification library: Excel saves by writing a temporary file
and renaming it, which polling sees as reliably everywhere). A save caught half-written
fails to read and is simply built again once the save completes.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from reportkit.base.hashing import digest
from reportkit.batch.run import Outcome, run_batch


def watch_workbook(
    workbook: Path, out_dir: Path, template: Path | None = None, interval: float = 1.0
) -> Iterator[Outcome]:
    """Yield one outcome per saved version of the workbook, forever."""
    seen: str | None = None
    while True:
        current = _fingerprint(workbook)
        if current is not None and current != seen:
            seen = current
            yield from run_batch([workbook], out_dir, template, jobs=1)
        time.sleep(interval)


def _fingerprint(workbook: Path) -> str | None:
    try:
        return digest(workbook)
    except OSError:
        return None
