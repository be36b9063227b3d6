"""Content hashes: how reportkit knows a file is what it wrote, whatever its timestamps say."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path


def digest(path: Path) -> str:
    """The hash of a regular file's content. `OSError` for anything else: opening a pipe
    would wait for a writer forever, and a device such as /dev/zero never ends."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        hasher = hashlib.sha256()
        with os.fdopen(handle, "rb", closefd=False) as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                hasher.update(block)
        return hasher.hexdigest()
    finally:
        os.close(handle)


def digest_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
