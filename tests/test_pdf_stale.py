"""A build without `--pdf` that changes a report says when an older PDF of it stands
beside it, and leaves that PDF alone."""

from __future__ import annotations

from pathlib import Path

from tests.commands import reportkit_cli as cli
from tests.conftest import SAMPLE
from tests.workbooks import sample_copies, set_position

STALE = "made from an earlier meeting-00.docx, which has changed since"


def test_an_older_pdf_beside_a_changed_report_is_said_once_and_kept(tmp_path: Path) -> None:
    workbook = sample_copies(tmp_path / "in", 1, SAMPLE)[0]
    assert cli("build", str(workbook), "-o", "out", "--pdf", cwd=tmp_path).returncode == 0
    pdf = tmp_path / "out" / "meeting-00.pdf"
    made = pdf.read_bytes()

    forced = cli("build", str(workbook), "-o", "out", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert STALE not in forced.stderr  # rebuilt to the same bytes: the PDF is current

    set_position(workbook, "Senior Director")
    changed = cli("build", str(workbook), "-o", "out", cwd=tmp_path)

    assert changed.returncode == 0, changed.stderr
    stale = [line for line in changed.stderr.splitlines() if STALE in line]
    assert stale == [
        f"{Path('out') / 'meeting-00.pdf'}: {STALE} — build with --pdf to make it again"
    ]
    assert pdf.read_bytes() == made

    again = cli("build", str(workbook), "-o", "out", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert STALE not in again.stderr  # the report did not change this time

    remade = cli("build", str(workbook), "-o", "out", "--pdf", cwd=tmp_path)
    assert remade.returncode == 0, remade.stderr
    assert pdf.read_bytes() != made


def test_nothing_is_said_without_a_pdf_or_of_a_pdf_reportkit_did_not_make(tmp_path: Path) -> None:
    workbook = sample_copies(tmp_path / "in", 1, SAMPLE)[0]
    assert cli("build", str(workbook), "-o", "out", cwd=tmp_path).returncode == 0
    (tmp_path / "out" / "meeting-00.pdf").write_bytes(b"%PDF-1.4 exported by hand")
    set_position(workbook, "Senior Director")

    changed = cli("build", str(workbook), "-o", "out", cwd=tmp_path)

    assert changed.returncode == 0, changed.stderr
    assert "meeting-00.pdf" not in changed.stderr
    assert (tmp_path / "out" / "meeting-00.pdf").read_bytes() == b"%PDF-1.4 exported by hand"
