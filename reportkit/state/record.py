"""One build of one report, as the state store keeps it and the history shows it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Record:
    """One build of one report, as the history shows it.

    `base_hash` names the document the workbook alone built, as the merge needs it (the
    merge ancestor, without embedded fonts: `ancestor`);
    `report_hash` what was written to disk, which differs from it once a person's edits
    were merged in (`carries_edits`). `notes` is the change report's Markdown.
    """

    report: str
    action: str
    workbook: str
    workbook_hash: str
    template_hash: str
    version: str
    report_hash: str
    base_hash: str | None = None
    model_hash: str | None = None
    carries_edits: bool = False
    changes: tuple[str, ...] = ()
    applied: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    kept: str = ""
    notes: str = ""
    finished: str = ""
    state: str = "done"
    id: int = 0

    def inputs(self) -> tuple[str, str, str]:
        return (self.workbook_hash, self.template_hash, self.version)
