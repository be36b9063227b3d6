"""A document's .docx bytes, the same for the same document: python-docx's own save stamps
the current time on every zip entry; the package's parts are written here instead, in a
fixed order with a fixed date, so the same input always gives the same bytes (and each
part is compressed once, not saved and then rewritten).

Apart from `write`, which every command that writes a file loads: python-docx takes 0.1 s
to import, and only a build that makes a report needs it.
"""

from __future__ import annotations

import io
import zipfile

from docx.document import Document
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem

_FIXED_DATE = (1980, 1, 1, 0, 0, 0)
_FIRST = "[Content_Types].xml"


def docx_bytes(document: Document) -> bytes:
    """The document as a .docx: what python-docx's save writes, entries sorted (content
    types first) and dated 1980-01-01, as Word itself dates them."""
    package = document.part.package
    parts = list(package.iter_parts())
    entries = {
        CONTENT_TYPES_URI.membername: _ContentTypesItem.from_parts(parts).blob,
        PACKAGE_URI.rels_uri.membername: package.rels.xml,
    }
    for part in parts:
        entries[part.partname.membername] = part.blob
        if len(part.rels):
            entries[part.partname.rels_uri.membername] = part.rels.xml
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in sorted(entries, key=lambda n: (n != _FIRST, n)):
            info = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()
