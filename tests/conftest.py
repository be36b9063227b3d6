"""Shared fixtures: the sample built once per session, and LibreOffice renderings of it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import reportkit

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
