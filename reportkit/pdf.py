"""PDF beside each report, through LibreOffice headless: the step after write.

The secretariat circulates drafts as PDF. One LibreOffice process converts a whole batch
(starting it costs seconds, converting a report a fraction of that), on copies of the
reports inside `.reportkit/`, so LibreOffice's lock files never appear beside the reports
and a report replaced meanwhile by another run cannot be half-read. LibreOffice exits 0
even when it fails, so every PDF is checked to exist. Its output differs run to run only in
the creation date, the document ID and its own checksum; those are rewritten in place (same
length, so the file's offsets stay valid) from the report itself, so the same report always
gives the same PDF bytes. A PDF is made again only when its report changed (the state store
records which report bytes each PDF was made from); a PDF that is not the one reportkit
made is kept in `.reportkit/kept/` before it is replaced.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from reportkit.hashing import digest, digest_bytes
from reportkit.problems import InputError, Problem
from reportkit.state import StateStore
from reportkit.state.folder import LOCK_DIR, wait_seconds
from reportkit.state.kept import keep_copy
from reportkit.write import write_atomic

SOFFICE_VARIABLE = "REPORTKIT_SOFFICE"
# Reports given to one LibreOffice process at a time (a command line has a length limit).
CHUNK = 200
PROFILE = "libreoffice"


@dataclass(frozen=True)
class PdfResult:
    report: Path
    pdf: Path | None = None
    made: bool = False
    problem: str = ""
    kept: Path | None = None


def find_soffice() -> str:
    """LibreOffice's `soffice`: REPORTKIT_SOFFICE, else on PATH; one line if it is missing."""
    chosen = os.environ.get(SOFFICE_VARIABLE, "").strip()
    found = (
        shutil.which(chosen) if chosen else shutil.which("soffice") or shutil.which("libreoffice")
    )
    if found:
        return found
    where = f"{SOFFICE_VARIABLE}={chosen}" if chosen else "LibreOffice (soffice)"
    raise InputError(
        "--pdf",
        [
            Problem(
                f"{where} was not found, and PDFs are made with it",
                "install LibreOffice (Debian: apt-get install libreoffice-writer-nogui) or set "
                f"{SOFFICE_VARIABLE} to its soffice program",
            )
        ],
    )


def pdf_path(report: Path) -> Path:
    return report.with_suffix(".pdf")


def make_pdfs(reports: list[Path], out_dir: Path, soffice: str) -> list[PdfResult]:
    """A PDF beside each report that lacks an up-to-date one; results in `reports` order."""
    store, _ = StateStore.open(out_dir)
    try:
        results: dict[Path, PdfResult] = {}
        todo: dict[Path, bytes] = {}
        for report in reports:
            data = report.read_bytes()
            recorded = store.pdf(report.name)
            pdf = pdf_path(report)
            current = recorded is not None and recorded[0] == digest_bytes(data)
            if current and recorded and pdf.is_file() and digest(pdf) == recorded[1]:
                results[report] = PdfResult(report, pdf)
            else:
                todo[report] = data
        if todo:
            lock = FileLock(store.folder / LOCK_DIR / "libreoffice.lock", timeout=wait_seconds())
            with lock:
                made = _convert(todo, store.folder, soffice)
            for report, outcome in made.items():
                results[report] = _place(report, todo[report], outcome, store)
        return [results[report] for report in reports]
    finally:
        store.close()


def _convert(reports: dict[Path, bytes], state_dir: Path, soffice: str) -> dict[Path, bytes | str]:
    """Each report's PDF bytes, or why LibreOffice made none."""
    profile = (state_dir / PROFILE).resolve()
    made: dict[Path, bytes | str] = {}
    with tempfile.TemporaryDirectory(dir=state_dir, prefix="pdf-") as temp:
        work = Path(temp)
        copies = {}
        for report, data in reports.items():
            copy = work / "in" / report.name
            copy.parent.mkdir(exist_ok=True)
            copy.write_bytes(data)
            copies[report] = copy
        items = list(copies.items())
        for start in range(0, len(items), CHUNK):
            chunk = items[start : start + CHUNK]
            failure = _run(soffice, profile, [copy for _, copy in chunk], work / "out", len(chunk))
            for report, copy in chunk:
                produced = work / "out" / f"{copy.stem}.pdf"
                if produced.is_file() and produced.stat().st_size:
                    made[report] = stable(produced.read_bytes(), reports[report])
                else:
                    made[report] = failure or "LibreOffice made no PDF of it"
    return made


def _run(soffice: str, profile: Path, documents: list[Path], out: Path, count: int) -> str:
    """Run one LibreOffice conversion; returns why it failed as a whole ('' if it did not)."""
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        str(out),
        *map(str, documents),
    ]
    seconds = 120 + 30 * count
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds, check=False
        )
    except subprocess.TimeoutExpired:
        return f"LibreOffice took more than {seconds} s"
    except OSError as error:
        return f"LibreOffice could not be started ({error.strerror or error})"
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        return f"LibreOffice failed ({detail[-1] if detail else f'exit {result.returncode}'})"
    return ""


def _place(report: Path, data: bytes, outcome: bytes | str, store: StateStore) -> PdfResult:
    if isinstance(outcome, str):
        hint = "open the report in LibreOffice or Word to see whether it opens"
        return PdfResult(report, problem=f"{report}: no PDF — {outcome}; {hint}")
    pdf = pdf_path(report)
    recorded = store.pdf(report.name)
    kept = None
    if pdf.is_file() and (recorded is None or digest(pdf) != recorded[1]):
        current = pdf.read_bytes()
        if current != outcome:
            kept = keep_copy(store.folder, pdf, current)
    write_atomic(pdf, outcome)
    store.record_pdf(report.name, digest_bytes(data), digest_bytes(outcome))
    return PdfResult(report, pdf, made=True, kept=kept)


_DATE = re.compile(rb"/CreationDate\(D:\d{14}")
_ID = re.compile(rb"/ID \[ <[0-9A-F]{32}>\n<[0-9A-F]{32}> \]")
_CHECKSUM = re.compile(rb"/DocChecksum /[0-9A-F]{32}")
_CORE_CREATED = re.compile(rb"<dcterms:created[^>]*>(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)")


def stable(pdf: bytes, report: bytes) -> bytes:
    """The PDF with its run-to-run differences made the report's own, at the same length."""
    identity = hashlib.sha256(report).hexdigest()[:32].upper().encode()
    pdf = _ID.sub(b"/ID [ <" + identity + b">\n<" + identity + b"> ]", pdf)
    pdf = _CHECKSUM.sub(b"/DocChecksum /" + identity, pdf)
    created = _created(report)
    if created:
        pdf = _DATE.sub(b"/CreationDate(D:" + created, pdf)
    return pdf


def _created(report: bytes) -> bytes | None:
    """The report's own creation date (from the meeting, or SOURCE_DATE_EPOCH), as 14 digits."""
    try:
        with zipfile.ZipFile(io.BytesIO(report)) as archive:
            core = archive.read("docProps/core.xml")
    except (zipfile.BadZipFile, KeyError):
        return None
    match = _CORE_CREATED.search(core)
    return b"".join(match.groups()) if match else None
