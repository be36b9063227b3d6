"""The folder of meetings: one sub-folder per meeting holding its workbooks and, in
`outputs/`, its reports and build state, exactly as `reportkit build -o outputs` run in it
leaves them, so the page and the command line share files and locks.

Nothing a client sends is used as a path as it is: a meeting is found by comparing the name
asked for with the folders there, and a report by a plain file name in that meeting's
`outputs/`; no step of the way may be a symbolic link, so nothing outside FOLDER is served.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportkit.state.folder import KEPT_DIR, STATE_DIR

OUTPUTS = "outputs"
KEPT = (STATE_DIR, KEPT_DIR)
REPORT_SUFFIXES = (".docx", ".pdf")
NOTE_SUFFIX = ".changes.md"  # as reportkit.publish.report.notes_path names them
WORKBOOK_SUFFIXES = (".xlsx",)
# Longer names make paths Windows shares and Word refuse, and no secretariat needs them.
MOST_NAME_CHARACTERS = 80
_NOT_IN_NAME = re.compile(r"[^\w-]+")
_UNSAFE = re.compile(r"[/\\\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Listed:
    """A file as a page lists it."""

    name: str
    size: int
    modified: datetime


@dataclass(frozen=True)
class Meeting:
    name: str
    path: Path

    @property
    def outputs(self) -> Path:
        return self.path / OUTPUTS

    def workbooks(self) -> list[Listed]:
        return _files(self.path, WORKBOOK_SUFFIXES)

    def workbook_paths(self) -> list[Path]:
        return [self.path / listed.name for listed in self.workbooks()]

    @property
    def kept_folder(self) -> Path:
        return self.outputs.joinpath(*KEPT)

    def reports(self) -> list[Listed]:
        if not plain_folder(self.outputs):
            return []
        return _files(self.outputs, REPORT_SUFFIXES)

    def notes(self) -> dict[str, str]:
        """The change notes builds wrote beside the reports, by the report's name."""
        if not plain_folder(self.outputs):
            return {}
        return {
            note.name.removesuffix(NOTE_SUFFIX) + ".docx": note.name
            for note in _files(self.outputs, (NOTE_SUFFIX,))
        }

    def kept(self) -> list[Listed]:
        """The copies builds and uploads kept of files a person may have changed."""
        if not _plain_path(self.outputs, KEPT):
            return []
        return _files(self.kept_folder, REPORT_SUFFIXES)

    def relative(self, line: str) -> str:
        """A line a build or check said, with this meeting's folder taken off its paths:
        the page names files as the meeting's folder holds them, never where the server
        keeps it."""
        return line.replace(f"{self.path}{os.sep}", "")


class Meetings:
    """The meetings of one folder."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def all(self) -> list[Meeting]:
        found = []
        for entry in sorted(os.scandir(self.root), key=lambda e: e.name.casefold()):
            meeting = self.find(entry.name)
            if meeting is not None:
                found.append(meeting)
        return found

    def find(self, name: str) -> Meeting | None:
        """The meeting of that name: a real folder (not a link) directly in FOLDER, whose
        name holds no separator or control character and is not hidden, else None."""
        if not name or name.startswith(".") or _UNSAFE.search(name):
            return None
        path = self.root / name
        return Meeting(name, path) if plain_folder(path) else None

    def create(self, typed: str) -> Meeting | None:
        """The meeting named after what was typed, made if new; None if nothing of the
        name is left once made safe, or something not a folder already has it."""
        name = safe_name(typed)
        if name is None:
            return None
        try:
            (self.root / name).mkdir(exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            return None
        return self.find(name)

    def report(self, meeting: Meeting, name: str) -> Path | None:
        """A report of the meeting to serve, or None: see `_served`."""
        if not plain_folder(meeting.outputs):
            return None
        return self._served(meeting.outputs, name)

    def note(self, meeting: Meeting, name: str) -> Path | None:
        """A change note of the meeting to serve, or None: see `_served`."""
        if not plain_folder(meeting.outputs):
            return None
        return self._served(meeting.outputs, name, (NOTE_SUFFIX,))

    def workbook(self, meeting: Meeting, name: str) -> Path | None:
        """A workbook of the meeting to serve, or None: see `_served`."""
        return self._served(meeting.path, name, WORKBOOK_SUFFIXES)

    def kept(self, meeting: Meeting, name: str) -> Path | None:
        """A kept copy to serve, or None: see `_served`; the folders on the way to
        `outputs/.reportkit/kept/` no links either."""
        if not _plain_path(meeting.outputs, KEPT):
            return None
        return self._served(meeting.kept_folder, name)

    def _served(
        self, folder: Path, name: str, suffixes: tuple[str, ...] = REPORT_SUFFIXES
    ) -> Path | None:
        """A plain name with one of those endings (.docx or .pdf unless said), a regular
        file (not a link) directly in `folder`, inside FOLDER."""
        plain = (
            name
            and Path(name).name == name
            and "\\" not in name
            and not name.startswith((".", "~$"))
            and name.endswith(suffixes)
        )
        if not plain:
            return None
        path = folder / name
        try:
            regular = stat.S_ISREG(path.lstat().st_mode)
        except OSError:
            return None
        inside = path.resolve().is_relative_to(self.root)
        return path if regular and inside else None


def safe_name(typed: str) -> str | None:
    """A meeting folder's name from what a person typed: letters, digits, `_` and `-` only
    (any script), runs of anything else one `-`, never starting or ending with `-` or `_`."""
    name = _NOT_IN_NAME.sub("-", unicodedata.normalize("NFC", typed))
    name = name[:MOST_NAME_CHARACTERS].strip("-_")
    return name or None


def plain_folder(path: Path) -> bool:
    """A folder, and not a link to one."""
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def _plain_path(folder: Path, parts: tuple[str, ...]) -> bool:
    """`folder` and each folder below it named by `parts` are folders, none a link."""
    return all(plain_folder(folder.joinpath(*parts[:n])) for n in range(len(parts) + 1))


def _files(folder: Path, suffixes: tuple[str, ...]) -> list[Listed]:
    """The regular files (not links) in `folder` with those endings, by name; Excel's `~$`
    lock files and hidden files left out."""
    found = []
    for entry in os.scandir(folder):
        if entry.name.startswith((".", "~$")) or not entry.name.endswith(suffixes):
            continue
        if not entry.is_file(follow_symlinks=False):
            continue
        status = entry.stat(follow_symlinks=False)
        found.append(Listed(entry.name, status.st_size, datetime.fromtimestamp(status.st_mtime)))
    return sorted(found, key=lambda listed: listed.name.casefold())
