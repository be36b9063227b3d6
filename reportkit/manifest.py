"""The build manifest kept in OUTDIR: what each report was built from, by content hash.

A report is rebuilt only when its workbook's bytes, the template's bytes or reportkit's
version differ from those recorded when it was last built, or when the report itself is
gone or altered. Modification times are not consulted: copying, syncing and unzipping
change them without changing anything that matters.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from reportkit.write import write_atomic

STATE_DIR = ".reportkit"
MANIFEST = "manifest.json"


def digest(path: Path) -> str:
    hasher = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()


@dataclass(frozen=True)
class Entry:
    workbook: str
    template: str
    version: str
    report: str


class Manifest:
    """Entries keyed by report file name, read from and written to OUTDIR/.reportkit/."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.path = out_dir / STATE_DIR / MANIFEST
        self.entries: dict[str, Entry] = {}
        if self.path.is_file():
            try:
                raw = json.loads(self.path.read_text(encoding="utf-8"))
                self.entries = {name: Entry(**value) for name, value in raw.items()}
            except (ValueError, TypeError):
                self.entries = {}

    def is_current(self, report: Path, expected: Entry) -> bool:
        """True when the report on disk is the one built from exactly these inputs."""
        recorded = self.entries.get(report.name)
        if recorded is None or not report.is_file():
            return False
        same_inputs = (recorded.workbook, recorded.template, recorded.version) == (
            expected.workbook,
            expected.template,
            expected.version,
        )
        return same_inputs and digest(report) == recorded.report

    def record(self, report: Path, entry: Entry) -> None:
        self.entries[report.name] = entry

    def save(self) -> None:
        data = {name: asdict(entry) for name, entry in sorted(self.entries.items())}
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        write_atomic(self.path, text.encode("utf-8"))


def snapshot_path(out_dir: Path, report_name: str) -> Path:
    """Where the workbook a report was last built from is kept, for the next change report."""
    return out_dir / STATE_DIR / f"{Path(report_name).stem}.xlsx"
