"""Reading every member once: its XML prolog for a DOCTYPE, the rest for its CRC.

Every member is read once, in 64 KiB chunks: its first bytes go through expat until the XML
root element starts, and a `<!DOCTYPE` (which holds any `<!ENTITY`) is refused. A DOCTYPE
can only precede the root element, so the prolog is all that needs looking at — as long as
the prolog is short: one running past `PROLOG_BYTES` (64 KiB; Office's are under 100 bytes)
is refused too, so nothing hides a DOCTYPE beyond the scan. The rest of each member is read
only so that `zipfile` checks its CRC: a damaged member is a "damaged" problem here rather
than an exception later, while a sheet is being read.
"""

from __future__ import annotations

import zipfile
from xml.parsers import expat

from reportkit.problems import Problem
from reportkit.read.safety.kinds import Expected, damaged

PROLOG_BYTES = 64 * 1024
_CHUNK = 64 * 1024


class _DocumentType(Exception):
    """Raised from expat's handler: the prolog declares a DOCTYPE (entities live there)."""


class _RootElement(Exception):
    """Raised from expat's handler: the prolog is over, nothing more to look at."""


def member_problem(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, expected: Expected
) -> Problem | None:
    """Look at one member's XML prolog, then read it to its end so zipfile checks its CRC."""
    if member.is_dir():
        return None
    parser = expat.ParserCreate()

    def on_doctype(*_: object) -> None:
        raise _DocumentType

    def on_root(*_: object) -> None:
        raise _RootElement

    parser.StartDoctypeDeclHandler = on_doctype
    parser.StartElementHandler = on_root
    scanning, seen = True, 0
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            if not scanning:
                continue
            piece = chunk[: PROLOG_BYTES - seen]
            seen += len(piece)
            try:
                parser.Parse(piece, False)
            except _DocumentType:
                return Problem(
                    "the file contains XML entity declarations (in the part "
                    f"{member.filename}), which reportkit refuses for safety",
                    f"this file was not saved by {expected.app} and may be hostile; ask the "
                    "sender for a clean copy",
                )
            except _RootElement:
                scanning = False
            except (expat.ExpatError, ValueError):
                # Not XML (a picture), or XML in an encoding expat cannot read; a part that
                # should be XML but is not is damaged, anything else is none of our business.
                if member.filename.casefold().endswith((".xml", ".rels")):
                    return damaged(expected)
                scanning = False
            if scanning and seen >= PROLOG_BYTES:
                return Problem(
                    f"the part {member.filename} does not start its XML within the first "
                    f"{PROLOG_BYTES // 1024} KiB",
                    f"this file was not saved by {expected.app}; open it in {expected.app} "
                    f"and save it again as {expected.suffix}",
                )
    return None
