"""Shared fixtures: reports built once per session — the sample, a big meeting, an Arabic
meeting, the sample through a restyled template — and LibreOffice renderings of them."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import reportkit
from reportkit.reference import DelegationKind, load_reference
from reportkit.render import default_template
from tests.templates import add_word_leftovers, restyle
from tests.workbooks import arabic_meeting, big_meeting, write_workbook

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "inputs" / "comcec-digital-2022.xlsx"
# Text of the published report the sample rebuilds (a copy of the team's shared reference).
REFERENCE_REPORT = ROOT / "tests" / "data" / "comcec-digital-2022-report.txt"


def soffice_convert(document: Path, target: str, out_dir: Path) -> Path:
    """Convert with headless LibreOffice; fail loudly, since it exits 0 even when it fails."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        pytest.fail("LibreOffice (soffice) is not installed; scripts/test installs it")
    profile = out_dir / "lo-profile"
    result = subprocess.run(
        [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(document),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    extension = target.split(":")[0]
    produced = out_dir / f"{document.stem}.{extension}"
    if not produced.exists():
        pytest.fail(f"LibreOffice did not convert {document.name}: {result.stdout}{result.stderr}")
    return produced


@pytest.fixture(scope="session", autouse=True)
def own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Builds cache compiled templates in the suite's own folder, never the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return reportkit.build(SAMPLE, tmp_path_factory.mktemp("built"))


@pytest.fixture(scope="session")
def sample_text(built_sample: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("txt")
    path = soffice_convert(built_sample, "txt:Text (encoded):UTF8", out)
    return path.read_text(encoding="utf-8-sig")


@pytest.fixture(scope="session")
def sample_pdf(built_sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return soffice_convert(built_sample, "pdf", tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="session")
def reference_text() -> str:
    return REFERENCE_REPORT.read_text(encoding="utf-8")


def member_states() -> list[str]:
    return [d.name for d in load_reference().delegations if d.kind is DelegationKind.MEMBER]


@pytest.fixture(scope="session")
def big_meeting_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All 57 member states with 2 to 6 delegates each: several pages of participants."""
    folder = tmp_path_factory.mktemp("big")
    workbook = write_workbook(folder / "big-meeting.xlsx", big_meeting(member_states()))
    return reportkit.build(workbook, folder / "out")


@pytest.fixture(scope="session")
def arabic_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("arabic")
    workbook = write_workbook(folder / "arabic-meeting.xlsx", arabic_meeting())
    return reportkit.build(workbook, folder / "out")


@pytest.fixture(scope="session")
def restyled_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped template restyled, then saved as Word saves it (leftovers and all)."""
    target = tmp_path_factory.mktemp("restyled") / "restyled.docx"
    return add_word_leftovers(restyle(default_template(), target))


@pytest.fixture(scope="session")
def restyled_docx(restyled_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return reportkit.build(SAMPLE, tmp_path_factory.mktemp("restyled-out"), restyled_template)


@pytest.fixture(scope="session")
def big_meeting_pdf(big_meeting_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return soffice_convert(big_meeting_docx, "pdf", tmp_path_factory.mktemp("big-pdf"))


@pytest.fixture(scope="session")
def restyled_pdf(restyled_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return soffice_convert(restyled_docx, "pdf", tmp_path_factory.mktemp("restyled-pdf"))
