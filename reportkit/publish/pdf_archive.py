"""A PDF/A's XMP metadata from LibreOffice made the report's own, in place.

LibreOffice 7.4 dates the XMP by the clock (`xmp:CreateDate`), and escapes its text twice:
the French title reads `L&apos;INITIATIVE` in an archive's catalogue, and no longer agrees
with the title in the PDF's Info. Both are rewritten at the same length, so the file's
offsets stay valid: the packet's own padding takes up what the escapes give back.

Not made stable: the sRGB colour profile LibreOffice makes for the output intent carries
the clock's date in its header and is compressed, so its length, and every offset after
it, can change run to run. A PDF/A is therefore not byte-stable across rebuilds; it is
made again only when its report changes, like every PDF.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from xml.sax.saxutils import escape

_PACKET = re.compile(rb"<\?xpacket begin=.*?(?=<\?xpacket end=)", re.DOTALL)
_CREATE_DATE = re.compile(rb"(<xmp:CreateDate>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ(<)")
_ENTITIES = {'"': "&quot;", "'": "&apos;"}


def archived(pdf: bytes, created: datetime | None, texts: Iterable[str]) -> bytes:
    """`pdf` with its XMP's `texts` (the report's title, subject, author) escaped once, and
    its creation date `created`; a PDF without XMP as it is."""
    found = _PACKET.search(pdf)
    if found is None:
        return pdf
    packet = found.group()
    for text in filter(None, texts):
        once = escape(text, _ENTITIES)
        twice = escape(once, _ENTITIES)
        packet = packet.replace(f">{twice}<".encode(), f">{once}<".encode())
    if created:
        stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
        packet = _CREATE_DATE.sub(lambda m: m.group(1) + stamp + m.group(2), packet)
    # The packet's trailing padding takes up what the escapes gave back.
    packet += b" " * (len(found.group()) - len(packet))
    return pdf[: found.start()] + packet + pdf[found.end() :]
