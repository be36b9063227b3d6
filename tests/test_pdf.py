"""`reportkit build --pdf`: a PDF beside each report, by LibreOffice, made once per report."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

from openpyxl import load_workbook

from tests.commands import reportkit_cli as cli
from tests.conftest import SAMPLE
from tests.workbooks import sample_copies


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_a_pdf_is_made_beside_the_report_once_and_byte_stable(tmp_path: Path) -> None:
    first = cli("build", str(SAMPLE), "-o", "a", "--pdf", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    pdf = tmp_path / "a" / "comcec-digital-2022.pdf"
    assert first.stdout.splitlines() == [
        str(Path("a") / "comcec-digital-2022.docx"),
        str(Path("a") / "comcec-digital-2022.pdf"),
    ]
    text = " ".join(pdf_text(pdf).split())
    assert "REPORT" in text and "ANNEX III" in text and "LIST OF PARTICIPANTS" in text
    made = pdf.stat().st_mtime_ns

    again = cli("build", str(SAMPLE), "-o", "a", "--pdf", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "")
    assert pdf.stat().st_mtime_ns == made

    elsewhere = cli("build", str(SAMPLE), "-o", "b", "--pdf", cwd=tmp_path)
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert (tmp_path / "b" / "comcec-digital-2022.pdf").read_bytes() == pdf.read_bytes()


def test_a_batch_of_twenty_is_converted_by_one_libreoffice(tmp_path: Path) -> None:
    workbooks = sample_copies(tmp_path / "in", 20, SAMPLE)
    calls = tmp_path / "calls.log"
    real = subprocess.run(["which", "soffice"], capture_output=True, text=True).stdout.strip()
    counting = tmp_path / "soffice"
    counting.write_text(f'#!/bin/sh\necho "$@" >> "{calls}"\nexec "{real}" "$@"\n')
    counting.chmod(counting.stat().st_mode | stat.S_IEXEC)
    env = {**os.environ, "REPORTKIT_SOFFICE": str(counting)}

    result = cli(
        "build", str(tmp_path / "in"), "-o", "out", "--pdf", "--jobs", "2", cwd=tmp_path, env=env
    )

    assert result.returncode == 0, result.stderr
    assert len(calls.read_text().splitlines()) == 1
    for workbook in workbooks:
        pdf = tmp_path / "out" / f"{workbook.stem}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF-")
    assert sorted(
        p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")
    ) == sorted([f"{w.stem}.docx" for w in workbooks] + [f"{w.stem}.pdf" for w in workbooks])


def test_no_libreoffice_is_one_line_and_nothing_is_built(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path / "empty")}
    env.pop("REPORTKIT_SOFFICE", None)
    result = cli("build", str(SAMPLE), "-o", "out", "--pdf", cwd=tmp_path, env=env)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "--pdf: LibreOffice (soffice) was not found, and PDFs are made with it — install "
        "LibreOffice (Debian: apt-get install libreoffice-writer-nogui) or set "
        "REPORTKIT_SOFFICE to its soffice program"
    ]
    assert not (tmp_path / "out").exists()


def test_a_converter_that_makes_nothing_is_caught(tmp_path: Path) -> None:
    # LibreOffice's own failure mode: exit status 0 and no PDF. `true` does exactly that.
    env = {**os.environ, "REPORTKIT_SOFFICE": "true"}
    result = cli("build", str(SAMPLE), "-o", "out", "--pdf", cwd=tmp_path, env=env)
    assert result.returncode == 1
    report = Path("out") / "comcec-digital-2022.docx"
    assert result.stderr.splitlines() == [
        f"{report}: no PDF — LibreOffice made no PDF of it; open the report in LibreOffice or "
        "Word to see whether it opens"
    ]
    assert (tmp_path / report).is_file()
    assert not (tmp_path / "out" / "comcec-digital-2022.pdf").exists()


def test_a_pdf_someone_replaced_is_kept_before_a_new_one(tmp_path: Path) -> None:
    workbook = sample_copies(tmp_path / "in", 1, SAMPLE)[0]
    assert cli("build", str(workbook), "-o", "out", "--pdf", cwd=tmp_path).returncode == 0
    pdf = tmp_path / "out" / "meeting-00.pdf"
    pdf.write_bytes(b"%PDF-1.4 the secretariat's own export")
    book = load_workbook(workbook)
    book["Participants"]["E3"] = "Senior Director"
    book.save(workbook)

    result = cli("build", str(workbook), "-o", "out", "--pdf", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    kept = list((tmp_path / "out" / ".reportkit" / "kept").glob("meeting-00.*.pdf"))
    assert [k.read_bytes() for k in kept] == [b"%PDF-1.4 the secretariat's own export"]
    assert "Senior Director" in pdf_text(pdf)
