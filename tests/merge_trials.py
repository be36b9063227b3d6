"""What the merge tests do as the secretariat and the rapporteur would: edit a built report
the way Word and LibreOffice save it, correct the workbook, and read the result the way
Word's Review pane does (accept all, reject all).

Expected documents are never made by the merge: a fresh build of the corrected workbook
with the person's edit made on it the same way, and the person's file itself.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.text.paragraph import Paragraph
from lxml import etree
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from tests.conftest import soffice_convert
from tests.docx_facts import lines_in_order
from tests.revisions import W, resolved

Edit = Callable[[DocumentObject], None]


def paragraph_starting(document: DocumentObject, starts: str) -> Paragraph:
    return next(p for p in lines_in_order(document) if p.text.startswith(starts))


def set_text(paragraph: Paragraph, text: str) -> None:
    """Retype a paragraph's text as a person does in Word: its style and first run's
    formatting stay."""
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    paragraph.runs[0].text = text


def reword(starts: str, text: str) -> Edit:
    return lambda document: set_text(paragraph_starting(document, starts), text)


def details_of(document: DocumentObject, name_line: str) -> Paragraph:
    """The detail line under a delegate's name line."""
    found = lines_in_order(document)
    index = next(i for i, p in enumerate(found) if p.text == name_line)
    return found[index + 1]


def correct_position(name_line: str, prefix: str = "Senior ") -> Edit:
    def edit(document: DocumentObject) -> None:
        details = details_of(document, name_line)
        set_text(details, prefix + details.text)

    return edit


def edited_copy(report: Path, edit: Edit, editor: str, scratch: Path) -> bytes:
    """Edit `report` in place and save it as `editor` ("python-docx" or "libreoffice") does."""
    document = Document(str(report))
    edit(document)
    document.save(str(report))
    if editor == "libreoffice":
        scratch.mkdir(parents=True, exist_ok=True)
        saved = soffice_convert(report, "docx", scratch)
        shutil.copy(saved, report)
    return report.read_bytes()


def libreoffice_saved(reports: list[Path], scratch: Path) -> None:
    """Open and save several reports in LibreOffice, in one run for them all (each start-up
    costs seconds): under names of their own, since reports of one name would collide."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    assert binary, "LibreOffice (soffice) is not installed; scripts/test installs it"
    sources = scratch / "sources"
    sources.mkdir(parents=True)
    named = [shutil.copy(report, sources / f"{i}.docx") for i, report in enumerate(reports)]
    subprocess.run(
        [
            binary,
            f"-env:UserInstallation={(scratch / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(scratch / "saved"),
            *map(str, named),
        ],
        capture_output=True,
        timeout=60 + 20 * len(reports),
        check=False,
    )
    for index, report in enumerate(reports):
        saved = scratch / "saved" / f"{index}.docx"
        assert saved.exists(), f"LibreOffice did not save {report}"
        shutil.copy(saved, report)


def styled_texts(source: Path | bytes | DocumentObject) -> list[tuple[str, str]]:
    """Every paragraph of the body as (style name, text) and every table row as
    ("row", cells), each cell's paragraphs with their style names: what a reader sees, and
    how each line is set."""
    document = (
        source
        if isinstance(source, DocumentObject)
        else Document(io.BytesIO(source if isinstance(source, bytes) else source.read_bytes()))
    )
    names = {s.style_id: s.name for s in document.styles if s.name}

    def style(paragraph: etree._Element) -> str:
        found = paragraph.find(f"{{{W}}}pPr/{{{W}}}pStyle")
        return names.get(found.get(f"{{{W}}}val"), "") if found is not None else ""

    lines = []
    for child in document.element.body:
        if child.tag == f"{{{W}}}p":
            lines.append((style(child), _text(child)))
        elif child.tag == f"{{{W}}}tbl":
            for row in child.iter(f"{{{W}}}tr"):
                cells = [
                    "\n".join(f"{style(p)}: {_text(p)}" for p in cell.iter(f"{{{W}}}p"))
                    for cell in row.iter(f"{{{W}}}tc")
                ]
                lines.append(("row", " | ".join(cells)))
    return lines


def accepted(report: Path | bytes) -> list[tuple[str, str]]:
    return styled_texts(resolved(report, accept=True))


def rejected(report: Path | bytes) -> list[tuple[str, str]]:
    return styled_texts(resolved(report, accept=False))


def with_edit(report: Path, edit: Edit) -> list[tuple[str, str]]:
    document = Document(str(report))
    edit(document)
    return styled_texts(document)


def nested_revisions(report: Path) -> int:
    """Tracked changes inside tracked changes: what Word and LibreOffice read differently."""
    body = Document(str(report)).element
    return len(body.xpath(".//w:ins//w:del | .//w:del//w:ins | .//w:ins//w:ins | .//w:del//w:del"))


def _text(paragraph: etree._Element) -> str:
    parts = []
    for node in paragraph.iter(f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br"):
        if node.tag == f"{{{W}}}t":
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == f"{{{W}}}tab" else "\n")
    return "".join(parts)


def row_of(sheet: Worksheet, name_line: str) -> int:
    """The Participants row of the delegate printed as `name_line`."""
    words = name_line.lstrip("-").casefold().split()
    for row in sheet.iter_rows(min_row=2):
        first, last = (str(cell.value or "").casefold() for cell in row[2:4])
        if all(part in words for part in f"{first} {last}".split()):
            return row[0].row
    raise LookupError(name_line)


def add_delegate_after(workbook: Path, name_line: str, first: str, last: str) -> None:
    """A delegate added to the delegation of `name_line`, last in it (a new row at the end)."""
    book = load_workbook(workbook)
    sheet = book["Participants"]
    source = [cell.value for cell in sheet[row_of(sheet, name_line)]]
    sheet.append([source[0], "Mr.", first, last, "Director of ICT", *source[5:6]])
    book.save(workbook)


def remove_delegate(workbook: Path, name_line: str) -> None:
    book = load_workbook(workbook)
    sheet = book["Participants"]
    sheet.delete_rows(row_of(sheet, name_line))
    book.save(workbook)


def set_report_text(workbook: Path, starts: str, text: str) -> None:
    book = load_workbook(workbook)
    for row in book["Report"].iter_rows(min_row=2):
        if str(row[1].value or "").startswith(starts):
            row[1].value = text
            book.save(workbook)
            return
    raise LookupError(starts)
