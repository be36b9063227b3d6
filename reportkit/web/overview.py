"""A meeting as the list of meetings shows it: its workbooks, its reports by edition, its
last build and how many problems the last build or refused upload found, so that a
secretariat sees at a glance which meeting needs a rapporteur's attention."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from reportkit.problems import Severity
from reportkit.publish.status import Status
from reportkit.web.builds import Build
from reportkit.web.findings import Table
from reportkit.web.meetings import Listed, Meeting

EDITION_SUFFIXES = {".fr.docx": "fr", ".ar.docx": "ar"}  # as reportkit.api.output_path names them


@dataclass(frozen=True)
class Count:
    """Problems found at one moment: a build's, or an upload's that was refused."""

    when: datetime
    errors: int
    warnings: int
    refused_upload: bool = False


@dataclass
class Refusals:
    """The last upload of each meeting refused for its workbooks' errors, in this server's
    life: what the list says until a build of the meeting starts."""

    _counts: dict[Path, Count] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, meeting: Meeting, tables: list[Table], files_refused: int) -> None:
        """An upload refused: its workbooks' problems, and each file refused as a whole
        (hostile, misnamed) counted as an error."""
        count = Count(
            datetime.now(),
            sum(t.errors for t in tables) + files_refused,
            sum(len(t.rows) - t.errors for t in tables),
            refused_upload=True,
        )
        with self._lock:
            self._counts[meeting.path] = count

    def of(self, meeting: Meeting) -> Count | None:
        with self._lock:
            return self._counts.get(meeting.path)


@dataclass(frozen=True)
class Overview:
    meeting: Meeting
    workbooks: list[Listed]
    reports: list[tuple[Listed, str]]  # each .docx with its edition's language code
    running: bool
    waiting: bool  # for its turn, other meetings' builds running
    last_build: datetime | None
    problems: Count | None


def overview(meeting: Meeting, build: Build | None, refused: Count | None) -> Overview:
    reports = [(r, _edition(r.name)) for r in meeting.reports() if r.name.endswith(".docx")]
    built = _count(build) if build is not None and build.finished else None
    newest = max((c for c in (built, refused) if c is not None), key=lambda c: c.when, default=None)
    last = build.finished if build is not None and build.finished else None
    if last is None and reports:
        last = max(listed.modified for listed, _ in reports)
    return Overview(
        meeting,
        meeting.workbooks(),
        reports,
        build is not None and build.finished is None,
        build is not None and build.finished is None and build.waiting,
        last,
        newest,
    )


def _count(build: Build) -> Count:
    """A finished build's problems: its workbooks' findings, and every edition that failed
    or a line that stopped the whole build counted as an error."""
    assert build.finished is not None
    errors = len(build.stopped)
    warnings = 0
    for outcome in build.outcomes:
        found = outcome.findings.problems if outcome.findings else ()
        errors += sum(p.severity is Severity.ERROR for p in found)
        warnings += sum(p.severity is not Severity.ERROR and not p.tidied for p in found)
        if outcome.status is Status.FAILED and not any(p.severity is Severity.ERROR for p in found):
            errors += 1
    return Count(build.finished, errors, warnings)


def _edition(name: str) -> str:
    return next((code for end, code in EDITION_SUFFIXES.items() if name.endswith(end)), "en")
