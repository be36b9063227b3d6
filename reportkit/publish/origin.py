"""Which of this folder's builds the report on disk descends from, and what it has missed.

A report edited in Word descends from the build that wrote the file the person opened. That
is usually the last build; but Word saves the copy it has open over whatever reportkit wrote
meanwhile, and a sync client may restore an older copy, and then the file descends from an
older build: what the builds since brought — corrections merged as tracked changes — is not
in it, though nothing says so. The build stamp every report carries (`reportkit.base.stamp`) names
its build, so the merge can start from *that* build and offer again what the file lacks.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportkit.base.stamp import read_stamp, stamp_of
from reportkit.publish.existing import Existing
from reportkit.state import Record, StateStore


@dataclass(frozen=True)
class Origin:
    """`build`: the build the file descends from (None: none this folder knows); `missed`:
    the later builds, from other inputs, whose content it lacks."""

    build: Record | None
    missed: tuple[Record, ...] = ()


def origin(found: Existing, latest: Record | None, store: StateStore) -> Origin:
    if not found.present or found.damaged or latest is None:
        return Origin(latest)
    if found.digest == latest.report_hash:
        return Origin(latest)
    stamp = read_stamp(found.data or b"")
    if stamp is None:
        # Written before reports carried a stamp, or by an editor that drops custom
        # properties: the last build is the best guess, as it always was.
        return Origin(latest)
    if stamp == record_stamp(latest):
        return Origin(latest)
    history = store.history(latest.report)
    for index in range(len(history) - 1, -1, -1):
        if record_stamp(history[index]) == stamp:
            build = history[index]
            later = history[index + 1 :]
            return Origin(build, tuple(r for r in later if r.inputs() != build.inputs()))
    return Origin(None)


def record_stamp(record: Record) -> str | None:
    """The stamp the reports of this build carry (none for builds recorded without a model)."""
    if record.model_hash is None:
        return None
    return stamp_of(record.model_hash, record.template_hash, record.version)
