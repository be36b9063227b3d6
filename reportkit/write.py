"""write: the document to disk, atomically and byte for byte reproducibly.

A killed build must never leave half a report where the old one was, so the file is
written beside its target and renamed into place only when complete. python-docx stamps
the current time on every zip entry; entries are rewritten in a fixed order with a fixed
date so the same input always gives the same bytes.
"""

from __future__ import annotations

import glob
import io
import os
import tempfile
import zipfile
from pathlib import Path

from docx.document import Document

_FIXED_DATE = (1980, 1, 1, 0, 0, 0)
_FIRST = "[Content_Types].xml"


def docx_bytes(document: Document) -> bytes:
    raw = io.BytesIO()
    document.save(raw)
    return normalise_zip(raw.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """The same archive with entries sorted (content types first) and timestamps fixed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        names = sorted(source.namelist(), key=lambda n: (n != _FIRST, n))
        for name in names:
            info = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()


def write_atomic(target: Path, data: bytes) -> None:
    """Write `data` to `target` so that `target` is either the old file or the whole new one.

    A temporary file left by a build that was killed is removed on the next build.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.part"):
        leftover.unlink(missing_ok=True)
    handle, temp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".part"
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


def _umask() -> int:
    """The process umask; temporary files are private, the finished report should not be."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
