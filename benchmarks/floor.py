"""The zip floor: the least any tool must spend to write reportkit's report.

The finished parts of a built report (every member of the .docx, already generated) are
written into a new zip with deflate, as reportkit writes it. No reading, arranging or
rendering is left, so nothing that makes the same document can be faster than this.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from time import perf_counter

from benchmarks.measure import Run


def zip_floor(report: Path) -> Run:
    """Time writing `report`'s members, read beforehand, into a new deflated zip."""
    with zipfile.ZipFile(report) as source:
        parts = [(name, source.read(name)) for name in source.namelist()]
    start = perf_counter()
    with zipfile.ZipFile(io.BytesIO(), "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        for name, data in parts:
            target.writestr(name, data)
    return Run(perf_counter() - start)
