"""Refusing broken and hostile input files before any parser sees them.

A workbook (or a user's .docx template) reaches the cell reader / python-docx only after this
package has looked at it, so that every bad file ends in one `Problem` line a rapporteur can
act on — "this is an old .xls workbook — save it as .xlsx" — instead of a traceback, and so
that no file can make reportkit inflate gigabytes, hang on a pipe or expand XML entities.
Nothing is written; the file is only read, in bounded chunks.

The checks run cheapest and safest first: what the file is (`impostors`), what the zip's
directory declares (`zip_limits`, where the limits and their reasons are), and only then
the members themselves, read once for their XML prolog and CRC (`member_scan`). A template
is then read for what it would make every report fetch from outside (`template_content`).
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path
from typing import BinaryIO

from reportkit.base.hashing import digest
from reportkit.problems import InputError, Problem
from reportkit.read.safety.impostors import impostor_problem, package_problem
from reportkit.read.safety.kinds import (
    DAMAGED_ERRORS,
    EXPECTED,
    Expected,
    Kind,
    damaged,
    unusual_zip,
)
from reportkit.read.safety.member_scan import PROLOG_BYTES, member_problem
from reportkit.read.safety.template_content import template_content_problems
from reportkit.read.safety.zip_limits import (
    MAX_DIRECTORY_BYTES,
    MAX_FILE_BYTES,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    RATIO_FLOOR_BYTES,
    MiB,
    directory_size_problem,
    members_problem,
    zip_directory_size,
)

__all__ = [
    "MAX_DIRECTORY_BYTES",
    "MAX_FILE_BYTES",
    "MAX_MEMBERS",
    "MAX_RATIO",
    "MAX_TOTAL_BYTES",
    "PROLOG_BYTES",
    "RATIO_FLOOR_BYTES",
    "Kind",
    "MiB",
    "check_archive",
    "check_bytes",
    "check_template",
    "file_problem",
    "read_checked",
    "read_regular",
]


def read_checked(path: Path, kind: Kind = "workbook") -> bytes:
    """The file's bytes, read once, after checking they are a sound, safe .xlsx (or .docx).

    What is then hashed, checked and parsed is these same bytes, whatever happens to the
    file meanwhile (Excel saving it, a sync client replacing it). The file is opened without
    waiting (a pipe would block a plain open forever) and must be a regular file; one over
    `MAX_FILE_BYTES` is refused before it is read. Raises `InputError` with one problem.
    """
    data = read_regular(path, kind)
    check_bytes(str(path), data, kind)
    return data


def check_archive(path: Path, kind: Kind = "workbook") -> None:
    """Raise `InputError` with one problem unless `path` is a sound, safe .xlsx (or .docx)."""
    read_checked(path, kind)


def check_bytes(source: str, data: bytes, kind: Kind = "workbook") -> None:
    """`check_archive` of bytes already read; `source` names them in the problem."""
    expected = EXPECTED[kind]
    problem = (
        _empty(expected) if not data else _content_problem(io.BytesIO(data), len(data), expected)
    )
    if problem is not None:
        raise InputError(source, [problem])


def check_template(path: Path) -> None:
    """`check_archive` for a user-supplied .docx template (which must hold word/document.xml),
    then every external link, outside-fetching field and altChunk in it, all at once.

    A template passed once is not checked again in the same process (a batch renders it
    for every workbook): it is known by its content, so an edited template is checked anew.
    """
    try:
        content = digest(path)
    except OSError:
        content = ""
    if content and content in _PASSED:
        return
    _check_template(path)
    if content:
        _PASSED.add(content)


_PASSED: set[str] = set()


def _check_template(path: Path) -> None:
    check_archive(path, "template")
    try:
        with zipfile.ZipFile(path) as archive:
            problems = template_content_problems(archive)
    except OSError as exc:
        problems = [_unreadable(exc)]
    except DAMAGED_ERRORS:
        problems = [damaged(EXPECTED["template"])]
    if problems:
        raise InputError(str(path), problems)


def read_regular(path: Path, kind: Kind = "workbook") -> bytes:
    """The bytes of a regular file no bigger than `MAX_FILE_BYTES`, read without waiting on
    a pipe; `InputError` with one problem otherwise. Nothing about its content is checked."""
    expected = EXPECTED[kind]
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(
            str(path), [Problem("the file does not exist", "check the path")]
        ) from None
    except IsADirectoryError:
        raise InputError(str(path), [_folder(expected)]) from None
    except OSError as exc:
        raise InputError(str(path), [_unreadable(exc)]) from None
    try:
        status = os.fstat(handle)
        problem = _kind_problem(status, expected)
        if problem is not None:
            raise InputError(str(path), [problem])
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError(str(path), [_unreadable(exc)]) from None
    finally:
        os.close(handle)


def file_problem(path: Path, kind: Kind = "workbook") -> Problem | None:
    """What keeps `path` from being read as a file at all — missing, a folder, a pipe, a
    device, a name too long — found without opening it (opening a pipe waits for a
    writer); None when it is a regular file of a readable size."""
    expected = EXPECTED[kind]
    try:
        status = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return Problem("the file does not exist", "check the path")
    except OSError as exc:
        return _unreadable(exc)
    return _kind_problem(status, expected)


def _kind_problem(status: os.stat_result, expected: Expected) -> Problem | None:
    if stat.S_ISDIR(status.st_mode):
        return _folder(expected)
    if not stat.S_ISREG(status.st_mode):
        # A pipe would block the read forever and a device such as /dev/zero never ends.
        return Problem(
            f"this is not a regular file ({_what(status.st_mode)})", f"give {expected.file}"
        )
    if status.st_size > MAX_FILE_BYTES:
        return Problem(
            f"the file is {status.st_size // MiB} MB, far bigger than any {expected.noun} "
            f"(at most {MAX_FILE_BYTES // MiB} MB)",
            f"check it is the right file; save it again from {expected.app} as {expected.suffix}",
        )
    return None


def _what(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def _folder(expected: Expected) -> Problem:
    return Problem(f"this is a folder, not a {expected.noun}", f"give {expected.file}")


def _empty(expected: Expected) -> Problem:
    return Problem(
        "the file is empty (0 bytes)",
        f"copy it again, or save it again from {expected.app} as {expected.suffix}",
    )


def _unreadable(exc: OSError) -> Problem:
    return Problem(
        f"the file cannot be read ({exc.strerror or type(exc).__name__})",
        "check that you may read it and that it is not locked by another program",
    )


def _content_problem(handle: BinaryIO, size: int, expected: Expected) -> Problem | None:
    directory = zip_directory_size(handle, size)
    if directory is None:
        return impostor_problem(handle, expected)
    if problem := directory_size_problem(directory, expected):
        return problem
    handle.seek(0)
    try:
        archive = zipfile.ZipFile(handle)
    except (*DAMAGED_ERRORS, OSError):  # OSError: a seek to an offset before the start
        return damaged(expected)
    except NotImplementedError:  # a member needing a newer zip version than zipfile reads
        return unusual_zip(expected)
    with archive:
        return _archive_problem(archive, expected)


def _archive_problem(archive: zipfile.ZipFile, expected: Expected) -> Problem | None:
    members = archive.infolist()
    if problem := members_problem(members, expected):
        return problem
    try:
        if problem := package_problem(archive, expected):
            return problem
        for member in members:
            if problem := member_problem(archive, member, expected):
                return problem
    except DAMAGED_ERRORS:
        return damaged(expected)
    return None
