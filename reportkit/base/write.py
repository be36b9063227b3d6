"""write: a file to disk atomically, so that a killed build never leaves half a report
where the old one was: the file is written beside its target and renamed into place only
when complete. (The report's bytes themselves are `docx_file`'s.)
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from pathlib import Path


def write_atomic(target: Path, data: bytes) -> None:
    """Write `data` to `target` so that `target` is either the old file or the whole new one.

    The temporary file is named by a hash of the target (any legal name fits), this host
    and this process, so concurrent runs never touch each other's; a leftover of a killed
    run is removed once its process is gone (or, from another host, after a day).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    prefix = _temp_prefix(target.name)
    _remove_leftovers(target.parent, prefix)
    handle, temp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f"{prefix}{_HOST}-{os.getpid()}.", suffix=".part"
    )
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, 0o666 & ~_umask())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _host_name() -> str:
    """This machine's name, which tells this host's leftovers from another's. uname's where
    there is one, the name gethostname gives too, which spares every start loading `socket`
    (4-8 ms); socket's on Windows, which has no uname."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


_HOST = hashlib.sha256(_host_name().encode()).hexdigest()[:4]
_STALE_SECONDS = 24 * 3600


def _temp_prefix(name: str) -> str:
    return f".{hashlib.sha256(name.encode('utf-8')).hexdigest()[:16]}."


def remove_leftovers(target: Path) -> None:
    """Remove the temporary files a killed run left while writing `target`."""
    _remove_leftovers(target.parent, _temp_prefix(target.name))


def remove_all_leftovers(folder: Path) -> None:
    """Remove the temporary files killed runs left in `folder`, whatever they were writing:
    a file whose write was abandoned may not be written again for a long time (a PDF, a
    change note), and `remove_leftovers` only looks when it is."""
    _remove_leftovers(folder, ".")


_TEMP_NAME = re.compile(r"\.[0-9a-f]{16}\.([0-9a-f]{4})-([0-9]+)\.[^/]*\.part")


def _remove_leftovers(folder: Path, prefix: str) -> None:
    now = time.time()
    for leftover in folder.glob(f"{prefix}*.part"):
        written = _TEMP_NAME.fullmatch(leftover.name)
        if written is None:
            continue  # not a temporary file of `write_atomic`: someone else's
        host, pid = written.groups()
        try:
            old = now - leftover.stat().st_mtime > _STALE_SECONDS
        except FileNotFoundError:
            continue
        if old or (host == _HOST and not _alive(int(pid))):
            leftover.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _umask() -> int:
    """The process umask; temporary files are private, the finished report should not be."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
