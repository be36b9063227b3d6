"""Building user templates for tests from the shipped one, and building with them."""

from __future__ import annotations

import os
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx import Document

from reportkit.render import default_template
from tests.commands import reportkit_cli


def template_with(tmp_path: Path, text: str, name: str = "custom.docx") -> Path:
    """The shipped template with one more paragraph holding `text`."""
    document = Document(str(default_template()))
    document.add_paragraph(text)
    target = tmp_path / name
    document.save(str(target))
    return target


def rewritten_template(
    tmp_path: Path,
    edits: dict[str, Callable[[str], str]],
    added: dict[str, str] | None = None,
    name: str = "custom.docx",
) -> Path:
    """The shipped template with some parts' XML edited and some parts added, as a file."""
    target = tmp_path / name
    with zipfile.ZipFile(default_template()) as source, zipfile.ZipFile(target, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename in edits:
                data = edits[info.filename](data.decode("utf-8")).encode("utf-8")
            copy.writestr(info, data)
        for part, text in (added or {}).items():
            copy.writestr(part, text)
    return target


def build(
    workbook: Path,
    out: Path,
    template: Path,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
) -> subprocess.CompletedProcess[str]:
    """`reportkit build WORKBOOK -o OUT --template TEMPLATE`, with extra environment variables."""
    return reportkit_cli(
        "build",
        str(workbook),
        "-o",
        str(out),
        "--template",
        str(template),
        env={**os.environ, **env} if env else None,
        timeout=timeout,
    )
