"""Writing a generated meeting as the two kinds of workbook reportkit meets.

Excel keeps every text in one shared-strings table (`xl/sharedStrings.xml`, cells
`t="s"` holding an index); openpyxl 3.1, like some other tools, writes each text inline in
its cell (`t="inlineStr"`). A reader may be fast on one and slow on the other, so the
benchmark times both. openpyxl writes the inline form; the shared form is made from it by
moving each distinct text into the table, exactly as Excel stores it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from tests.workbooks import write_workbook

_INLINE_CELL = re.compile(
    rb'(<c r="[A-Z]+\d+"(?: s="\d+")?) t="inlineStr"><is>(<t[^>]*>[^<]*</t>)</is></c>'
)
_SHARED_STRINGS = "xl/sharedStrings.xml"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIP = (
    '<Relationship Id="rIdSharedStrings" Target="sharedStrings.xml" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
)
_CONTENT_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/>'
)


def to_shared_strings(inline: Path, target: Path) -> Path:
    """A copy of `inline` with its texts in a shared-strings table, as Excel saves them."""
    table: dict[bytes, int] = {}
    count = 0

    def shared(match: re.Match[bytes]) -> bytes:
        nonlocal count
        count += 1
        index = table.setdefault(match[2], len(table))
        return match[1] + b' t="s"><v>' + str(index).encode() + b"</v></c>"

    with zipfile.ZipFile(inline) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = _INLINE_CELL.sub(shared, data)
                if b'"inlineStr"' in data:
                    raise ValueError(f"{info.filename}: a text cell of unexpected form")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>", _RELATIONSHIP.encode() + b"</Relationships>"
                )
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", _CONTENT_TYPE.encode() + b"</Types>")
            out.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
        items = b"".join(b"<si>" + text + b"</si>" for text in table)
        head = f'<sst xmlns="{_MAIN}" count="{count}" uniqueCount="{len(table)}">'
        out.writestr(_SHARED_STRINGS, head.encode() + items + b"</sst>", zipfile.ZIP_DEFLATED)
    return target


def write_both(folder: Path, stem: str, sheets: dict[str, list[list[object]]]) -> tuple[Path, Path]:
    """`stem.xlsx` with shared strings and `stem-inline.xlsx` with inline strings."""
    inline = write_workbook(folder / f"{stem}-inline.xlsx", sheets)
    return to_shared_strings(inline, folder / f"{stem}.xlsx"), inline
