"""Taking over the state of older reportkit versions: `manifest.json` and workbook snapshots.

Older versions kept a JSON manifest of content hashes and a copy of each report's workbook
in `.reportkit/`. On first use they are read into the store, so reports built then stay
up to date and the next change list still compares with their workbook, and then removed.
The manifest is untrusted input like any other file in a shared folder: one that is too
big, too deep, of the wrong shape or not a file is set aside with one line, never a
traceback, and whatever entries are sound are still taken over.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from reportkit.base.hashing import digest_bytes
from reportkit.problems import InputError
from reportkit.state.record import Record

LEGACY_MANIFEST = "manifest.json"
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024
_FIELDS = ("workbook", "template", "version", "report")

Begin = Callable[[Record, list[bytes]], int]
Finish = Callable[[int], None]


def migrate(folder: Path, known: Callable[[str], bool], begin: Begin, finish: Finish) -> list[str]:
    """Import `folder/manifest.json`; returns the notices for the user.

    `known(report)` says whether the store already holds that report (a concurrent run
    migrated first), in which case the entry is skipped.
    """
    manifest = folder / LEGACY_MANIFEST
    if not manifest.exists() and not manifest.is_symlink():
        return []
    entries, problem = _read(manifest)
    notices = []
    if problem:
        aside = _set_aside(manifest)
        notices.append(
            f"{manifest}: warning: the old build manifest {problem}; it is kept as {aside.name} "
            "and its reports will be rebuilt (edited ones merged or kept)"
        )
    out_dir = folder.parent
    for report, entry in entries.items():
        if known(report):
            continue
        base = _report_bytes(out_dir / report, entry["report"])
        snapshot = folder / f"{Path(report).stem}.xlsx"
        model = _snapshot_model(snapshot)
        blobs = [data for data in (base, model) if data is not None]
        record = Record(
            report=report,
            action="migrated",
            workbook="",
            workbook_hash=entry["workbook"],
            template_hash=entry["template"],
            version=entry["version"],
            report_hash=entry["report"],
            base_hash=digest_bytes(base) if base is not None else None,
            model_hash=digest_bytes(model) if model is not None else None,
        )
        finish(begin(record, blobs))
    for report in entries:
        (folder / f"{Path(report).stem}.xlsx").unlink(missing_ok=True)
    if not problem:
        manifest.unlink(missing_ok=True)
    return notices


def _read(manifest: Path) -> tuple[dict[str, dict[str, str]], str]:
    """The sound entries of the manifest, and what is wrong with it ('' if nothing)."""
    if manifest.is_symlink() or not manifest.is_file():
        return {}, "is not a file"
    try:
        size = manifest.stat().st_size
        if size > MAX_MANIFEST_BYTES:
            return {}, f"is {size // (1024 * 1024)} MB, far bigger than any real one"
        raw = json.loads(manifest.read_text(encoding="utf-8"))
    except RecursionError:
        return {}, "is nested too deeply to be a manifest"
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return {}, f"cannot be read ({type(error).__name__})"
    if not isinstance(raw, dict):
        return {}, f"holds {type(raw).__name__} instead of entries"
    entries = {
        name: {key: value[key] for key in _FIELDS}
        for name, value in raw.items()
        if _sound(name, value)
    }
    if len(entries) < len(raw):
        return entries, f"has {len(raw) - len(entries)} damaged entries"
    return entries, ""


def _sound(name: object, value: object) -> bool:
    return (
        isinstance(name, str)
        and Path(name).name == name
        and name.endswith(".docx")
        and isinstance(value, dict)
        and all(isinstance(value.get(key), str) for key in _FIELDS)
    )


def _report_bytes(report: Path, recorded: str) -> bytes | None:
    """The report on disk, if it is still exactly what was recorded (then it is the base)."""
    try:
        data = report.read_bytes()
    except OSError:
        return None
    return data if digest_bytes(data) == recorded else None


def _snapshot_model(snapshot: Path) -> bytes | None:
    """The read model of a kept workbook snapshot, if it can be read."""
    # Imported here: only the one-time migration reads workbooks from the state folder.
    from reportkit.read import read_workbook
    from reportkit.state.model_json import encode_model

    try:
        if snapshot.is_symlink() or snapshot.stat().st_size > MAX_SNAPSHOT_BYTES:
            return None
        model, _ = read_workbook(snapshot)
    except (InputError, OSError):  # a damaged snapshot only costs one change list
        return None
    return encode_model(model) if model is not None else None


def _set_aside(manifest: Path) -> Path:
    target = manifest.with_name(f"{manifest.name}.unreadable")
    number = 1
    while target.exists() or target.is_symlink():
        number += 1
        target = manifest.with_name(f"{manifest.name}.unreadable-{number}")
    manifest.rename(target)
    return target
