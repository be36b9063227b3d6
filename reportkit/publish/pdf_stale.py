"""Whether a build without `--pdf` left an older PDF beside the report it changed.

Such a PDF still looks like the report (same name, same folder) and would be circulated as
it; one line says it is behind, and the PDF itself is left as it is: remaking it takes
LibreOffice, which only `--pdf` asks for. Only a PDF the state store says reportkit made
is judged: one made elsewhere may be anything, and is not ours to call old.
"""

from __future__ import annotations

from pathlib import Path

from reportkit.base.hashing import digest_bytes
from reportkit.base.outdir import NotAFile, read_own
from reportkit.publish.pdf_export import PdfKind
from reportkit.state import StateStore


def stale_pdf(report: Path, store: StateStore) -> str:
    """The line saying that `report`'s PDF was made from an earlier version of it, or ""
    when there is no such PDF: none, not made by reportkit, or made from this version."""
    recorded = store.pdf(report.name)
    if recorded is None:
        return ""
    # The PDF step (filelock, subprocess, lxml's parser …) is loaded only for a report the
    # store says has a PDF: every other build is spared it.
    from reportkit.publish.pdf import made_from, pdf_path

    pdf = pdf_path(report)
    try:
        current, existing = read_own(report), read_own(pdf)
    except (NotAFile, OSError):
        return ""
    if current is None or existing is None or digest_bytes(existing) != recorded[1]:
        return ""
    if recorded[0] in {made_from(current, kind) for kind in PdfKind}:
        return ""
    return (
        f"{pdf}: made from an earlier {report.name}, which has changed since — "
        "build with --pdf to make it again"
    )
