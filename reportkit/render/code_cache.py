"""Compiled template code kept across processes, in the user's cache folder.

Jinja compiles a template part to Python code on every start: some 25 ms of a small
meeting's build, and of every batch worker's first report. The code is stored under a
name made of the part's hash and of everything the code depends on besides it — Python's
bytecode format, Jinja's version, the sandbox that compiles it (see `ReportSandbox`) — so
a changed template, Python, Jinja or sandbox compiles afresh instead of reading code made
by another. Only a part that compiled without a mistake is stored: a refused tag is
refused again on every build.

The cache may be missing, unwritable, shared with another user or damaged: each is the
same as no cache (the part compiles), never an error; files are written whole (a
temporary file renamed into place), and a folder others may write to is not used, since
what is read from it runs.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import stat
import sys
import tempfile
from functools import cache
from pathlib import Path
from types import CodeType

import jinja2

_SUFFIX = ".jinja-code"
# Parts kept: a few templates' worth (a template has a body, headers and footers), so
# that a folder where templates are restyled over years does not grow without end.
_KEPT = 64


def cached_code(source: str, compiler_key: str) -> CodeType | None:
    """The code stored for `source` compiled by the compiler `compiler_key` names, if any."""
    path = _path(source, compiler_key)
    if path is None:
        return None
    try:
        data = path.read_bytes()
        code = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def store_code(source: str, compiler_key: str, code: CodeType) -> None:
    """Keep `code` for the next process; a cache that cannot be written is left as it is."""
    path = _path(source, compiler_key)
    if path is None:
        return
    try:
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            marshal.dump(code, file)
        os.replace(temp, path)
    except OSError:
        Path(temp).unlink(missing_ok=True)
        return
    _prune(path.parent)


def _prune(folder: Path) -> None:
    """Remove the parts stored longest ago beyond the `_KEPT` newest."""
    try:
        stored = [(entry.stat().st_mtime_ns, entry) for entry in folder.glob(f"*{_SUFFIX}")]
        for _, entry in sorted(stored, reverse=True)[_KEPT:]:
            entry.unlink(missing_ok=True)
    except OSError:
        return


def _path(source: str, compiler_key: str) -> Path | None:
    folder = _folder()
    if folder is None:
        return None
    name = hashlib.sha256(f"{_runtime()}\0{compiler_key}\0{source}".encode()).hexdigest()
    return folder / f"{name}{_SUFFIX}"


@cache
def _runtime() -> str:
    """What compiled code depends on besides the template and the sandbox."""
    python = f"{importlib.util.MAGIC_NUMBER.hex()}\0{sys.implementation.cache_tag}"
    return f"{python}\0{jinja2.__version__}"


def _folder() -> Path | None:
    """The platform's cache folder for the user (`$XDG_CACHE_HOME/reportkit` on Linux),
    made if needed and used only when it is a folder of this user's that no one else may
    write to."""
    folder = _configured_folder()
    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = folder.stat()
    except OSError:
        return None
    if not stat.S_ISDIR(status.st_mode):
        return None
    # Windows keeps a user's local application data to the user by its access lists, which
    # its mode bits do not show (a folder reads as writable by all).
    if os.name == "posix" and (
        status.st_uid != os.getuid() or status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    ):
        return None
    return folder


def _configured_folder() -> Path | None:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "reportkit" / "Cache" / "templates" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "reportkit" / "templates"
    base = os.environ.get("XDG_CACHE_HOME")
    if base and Path(base).is_absolute():
        return Path(base) / "reportkit" / "templates"
    try:
        return Path.home() / ".cache" / "reportkit" / "templates"
    except RuntimeError:  # no home folder to be found
        return None
