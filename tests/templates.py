"""Templates for tests: restyled and saved as Word saves them, or edited to hold what a
user template may (tags, fields, links), and building with them."""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.shared import Cm, Pt, RGBColor

from reportkit.render import default_template
from tests.commands import reportkit_cli

WORD_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Template>Normal.dotm</Template><TotalTime>12</TotalTime><Pages>3</Pages>"
    "<Words>420</Words><Characters>2400</Characters>"
    "<Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>"
    "<Lines>20</Lines><Paragraphs>5</Paragraphs><Company>COMCEC</Company>"
    "<AppVersion>16.0000</AppVersion></Properties>"
)
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def restyle(template: Path, target: Path) -> Path:
    """Another font and size, wider margins, headings of another size and colour."""
    document = Document(str(template))
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Sans", Pt(11)
    heading = document.styles["Delegation Heading"]
    heading.font.size, heading.font.color.rgb = Pt(13), RGBColor(0x1F, 0x3A, 0x60)
    document.styles["Section Heading"].font.italic = True
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(4)
    document.save(str(target))
    return target


def add_word_leftovers(path: Path) -> Path:
    """What Word leaves in a file it saves: its own app.xml with page and word counts, a
    thumbnail of the first page and Word 2010's stylesWithEffects copy of the styles."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["docProps/app.xml"] = WORD_APP_XML.encode()
    parts["docProps/thumbnail.jpeg"] = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\xff\xd9"
    parts["word/stylesWithEffects.xml"] = parts["word/styles.xml"]
    _add_relationship(parts, "_rels/.rels", _THUMBNAIL, "docProps/thumbnail.jpeg")
    _add_relationship(
        parts, "word/_rels/document.xml.rels", _STYLES_WITH_EFFECTS, "stylesWithEffects.xml"
    )
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "</Types>",
        '<Default Extension="jpeg" ContentType="image/jpeg"/>'
        '<Override PartName="/word/stylesWithEffects.xml"'
        ' ContentType="application/vnd.ms-word.stylesWithEffects+xml"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _add_relationship(parts: dict[str, bytes], rels: str, rel_type: str, target: str) -> None:
    text = parts[rels].decode()
    assert not re.search(f'Type="{re.escape(rel_type)}"', text), f"{rels} has one already"
    relationship = f'<Relationship Id="rId90" Type="{rel_type}" Target="{target}"/>'
    parts[rels] = text.replace("</Relationships>", relationship + "</Relationships>").encode()


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
