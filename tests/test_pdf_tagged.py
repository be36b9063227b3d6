"""Every PDF is tagged, in its edition's language, titled with the report's title; `--pdf-a`
makes PDF/A-2b, checked by `tests.pdfa` (pikepdf), a check a plain PDF fails.

Real reports, real LibreOffice, and the PDFs read by poppler's pdfinfo and by pikepdf."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pikepdf
import pytest

from tests.commands import reportkit_cli as cli
from tests.conftest import SAMPLE, soffice_convert
from tests.pdfa import pdfa_2b_problems

STEM = "comcec-digital-2022"
# The sample's title in each edition, as typed in its workbook (Meeting sheet, title).
TITLES = {
    "": "2nd TECHNICAL MEETING ON COMCEC HIGH LEVEL DIGITAL INITIATIVE/ PROGRAMME",
    ".fr": "DEUXIÈME RÉUNION TECHNIQUE SUR L'INITIATIVE/LE PROGRAMME NUMÉRIQUE DE HAUT "
    "NIVEAU DU COMCEC",
    ".ar": "الاجتماع الفني الثاني حول المبادرة/ البرنامج الرقمي رفيع المستوى للكومسيك",
}
LANGUAGES = {"": "en", ".fr": "fr", ".ar": "ar"}


def pdfinfo(pdf: Path) -> dict[str, str]:
    lines = subprocess.run(
        ["pdfinfo", "-isodates", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return {key: value.strip() for key, _, value in (line.partition(":") for line in lines)}


def catalog_language(pdf: Path) -> str:
    with pikepdf.open(pdf) as document:
        return str(document.Root.get("/Lang", ""))


@pytest.fixture(scope="module")
def archived(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's three editions built with --pdf-a (no --pdf: it is implied)."""
    folder = tmp_path_factory.mktemp("archived")
    result = cli("build", str(SAMPLE), "-o", "out", "--pdf-a", "--lang", "all", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "out"


def test_every_edition_is_tagged_in_its_language_with_its_title(tmp_path: Path) -> None:
    result = cli("build", str(SAMPLE), "-o", "out", "--pdf", "--lang", "all", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for suffix, title in TITLES.items():
        pdf = tmp_path / "out" / f"{STEM}{suffix}.pdf"
        info = pdfinfo(pdf)
        assert (info["Tagged"], info["Title"]) == ("yes", title), pdf.name
        assert catalog_language(pdf).split("-")[0] == LANGUAGES[suffix], pdf.name
        # A plain PDF is no PDF/A: what the check finds missing is what --pdf-a adds.
        assert pdfa_2b_problems(pdf) == [
            "6.6.2.1: the catalog has no XMP metadata",
            "6.2.3: 0 GTS_PDFA1 output intents, not one",
        ]


def test_pdf_a_passes_the_check_in_every_edition(archived: Path) -> None:
    for suffix, title in TITLES.items():
        pdf = archived / f"{STEM}{suffix}.pdf"
        assert pdfa_2b_problems(pdf) == [], pdf.name
        info = pdfinfo(pdf)
        assert (info["Tagged"], info["Title"]) == ("yes", title), pdf.name
        assert catalog_language(pdf).split("-")[0] == LANGUAGES[suffix], pdf.name
        with pikepdf.open(pdf) as document:
            meta = document.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
            assert meta["dc:title"] == title
            # Dated as the report is (the meeting's first day, typed in the workbook), in the
            # Info and in the XMP alike, not by the clock.
            assert info["CreationDate"] == "2022-11-01T00:00:00Z"
            assert meta["xmp:CreateDate"].startswith("2022-11-01T00:00:00")


def test_libreoffices_own_pdf_a_fails_the_check_where_reportkit_mends_it(
    archived: Path, tmp_path: Path
) -> None:
    """The check can fail on a PDF/A too: LibreOffice 7.4 escapes the XMP title twice
    (`L&apos;INITIATIVE`), which reportkit mends in the PDFs it places."""
    report = archived / f"{STEM}.fr.docx"
    options = (
        'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
        '"SelectPdfVersion":{"type":"long","value":"2"}}'
    )
    raw = soffice_convert(report, options, tmp_path)
    assert pdfa_2b_problems(raw) == [
        "metadata: the XMP title 'DEUXIÈME RÉUNION TECHNIQUE SUR L&apos;INITIATIVE/LE "
        "PROGRAMME NUMÉRIQUE DE HAUT NIVEAU DU COMCEC' is not the Info title \"DEUXIÈME "
        "RÉUNION TECHNIQUE SUR L'INITIATIVE/LE PROGRAMME NUMÉRIQUE DE HAUT NIVEAU DU COMCEC\""
    ]
    assert pdfa_2b_problems(archived / f"{STEM}.fr.pdf") == []


def test_asking_for_the_other_kind_of_pdf_makes_it_again(tmp_path: Path) -> None:
    pdf = tmp_path / "out" / f"{STEM}.pdf"
    assert cli("build", str(SAMPLE), "-o", "out", "--pdf", cwd=tmp_path).returncode == 0
    assert pdfa_2b_problems(pdf) != []

    archived = cli("build", str(SAMPLE), "-o", "out", "--pdf", "--pdf-a", cwd=tmp_path)
    assert (archived.returncode, archived.stdout) == (0, f"{Path('out') / f'{STEM}.pdf'}\n")
    assert pdfa_2b_problems(pdf) == []
    again = cli("build", str(SAMPLE), "-o", "out", "--pdf-a", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "")

    plain = cli("build", str(SAMPLE), "-o", "out", "--pdf", cwd=tmp_path)
    assert (plain.returncode, plain.stdout) == (0, f"{Path('out') / f'{STEM}.pdf'}\n")
    assert pdfa_2b_problems(pdf) != []
    assert not (tmp_path / "out" / ".reportkit" / "kept").exists() or not list(
        (tmp_path / "out" / ".reportkit" / "kept").iterdir()
    )


def old_libreoffice(folder: Path) -> dict[str, str]:
    """The real LibreOffice, given the plain filter whatever reportkit asks: what one older
    than 7.4 does with the JSON options (ignores them, exits 0)."""
    real = subprocess.run(["which", "soffice"], capture_output=True, text=True).stdout.strip()
    program = folder / "soffice"
    program.write_text(
        "#!/bin/sh\n"
        'for arg; do case $arg in pdf:*) arg="pdf:writer_pdf_Export" ;; esac; '
        'set -- "$@" "$arg"; shift; done\n'
        f'exec "{real}" "$@"\n'
    )
    program.chmod(0o755)
    return {**os.environ, "REPORTKIT_SOFFICE": str(program)}


def test_a_libreoffice_that_ignores_the_options_is_said(tmp_path: Path) -> None:
    env = old_libreoffice(tmp_path)
    report = Path("out") / f"{STEM}.docx"
    pdf = Path("out") / f"{STEM}.pdf"
    why = (
        "LibreOffice 7.4 or later applies the export options reportkit gives (check with "
        "soffice --version), update it"
    )

    archived = cli("build", str(SAMPLE), "-o", "out", "--pdf-a", cwd=tmp_path, env=env)
    assert archived.returncode == 1
    assert f"{report}: no PDF — LibreOffice made it without PDF/A-2b; {why}" in (
        archived.stderr.splitlines()
    )
    assert not (tmp_path / pdf).exists()

    drafted = cli("build", str(SAMPLE), "-o", "out", "--pdf", cwd=tmp_path, env=env)
    assert drafted.returncode == 0, drafted.stderr
    assert f"{pdf}: LibreOffice made it without tags; {why}" in drafted.stderr.splitlines()
    assert pdfinfo(tmp_path / pdf)["Tagged"] == "no"
