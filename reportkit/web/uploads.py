"""Uploaded workbooks, taken into a meeting only when every one of them is safe and has no
errors, so that a broken upload never replaces a meeting's good workbook.

The name a browser sends is only checked, never used as a path: a bare file name ending in
.xlsx, no folder in it, no control character, not hidden. The bytes pass the same checks as
the command line's (`reportkit.read.safety`: what the file really is, zip bombs, XML
entities) before any parser reads them, then `reportkit.api.check` reads every edition.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import traceback
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportkit.api import check
from reportkit.problems import InputError, Problem, has_errors
from reportkit.read.safety import check_bytes
from reportkit.state.folder import NAME_BYTES
from reportkit.web.language import page_text
from reportkit.web.meetings import Meeting

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Checked:
    """One uploaded file: its name as shown, what refused it, or the problems found in it."""

    name: str
    refusal: str = ""
    problems: tuple[Problem, ...] = ()

    @property
    def accepted(self) -> bool:
        return not self.refusal and not has_errors(list(self.problems))


@dataclass(frozen=True)
class Upload:
    """A file as the browser sent it."""

    name: str
    data: bytes


def take(meeting: Meeting, uploads: list[Upload]) -> list[Checked]:
    """Check every upload; when all are accepted, move them into the meeting (replacing a
    workbook of the same name), else leave the meeting as it was."""
    with tempfile.TemporaryDirectory(dir=meeting.path, prefix=".upload-") as staging:
        checked: list[Checked] = []
        staged: list[tuple[Path, Path]] = []
        for upload in uploads:
            name, refusal = workbook_name(upload.name)
            if not refusal and any(c.name == name for c in checked):
                refusal = page_text(
                    "this file name is uploaded twice — give each workbook its own name"
                )
            if refusal:
                checked.append(Checked(shown_name(upload.name), refusal))
                continue
            path = Path(staging) / name
            checked.append(_check(path, upload.data))
            staged.append((path, meeting.path / name))
        if all(c.accepted for c in checked):
            for path, target in staged:
                os.replace(path, target)
    return checked


def workbook_name(given: str) -> tuple[str, str]:
    """The name to store an uploaded workbook under, and what refuses it ("" when nothing)."""
    name = unicodedata.normalize("NFC", given)
    if not name:
        return "", page_text("the file has no name — choose a workbook to upload")
    if "/" in name or "\\" in name:
        return "", page_text("the file name holds folders — only a workbook's own name is taken")
    if _CONTROL.search(name):
        return "", page_text("the file name holds control characters — rename the file")
    if name.startswith((".", "~$")):
        return "", page_text(
            "the file name starts with . or ~$ (a hidden or lock file) — rename the file"
        )
    stem, dot, suffix = name.rpartition(".")
    if not dot or suffix.lower() != "xlsx" or not stem:
        return "", page_text("this is not an .xlsx workbook — save it from Excel as .xlsx")
    name = f"{stem}.xlsx"
    if len(os.fsencode(name)) > NAME_BYTES - len(".docx"):
        return "", page_text("the file name is too long — give the workbook a shorter name")
    return name, ""


def _check(path: Path, data: bytes) -> Checked:
    try:
        check_bytes(path.name, data)
    except InputError as error:
        return Checked(path.name, error.problems[0].said)
    path.write_bytes(data)
    try:
        problems = check(path)
    except Exception:
        traceback.print_exc(file=sys.stderr)
        return Checked(
            path.name,
            "sorry, reportkit hit a bug reading this workbook (the details"
            " are in the server's log) — please report it",
        )
    return Checked(path.name, problems=tuple(problems))


def shown_name(name: str) -> str:
    """A refused name as the page may show it: control characters as `?`."""
    return _CONTROL.sub("?", name) or "(no name)"
