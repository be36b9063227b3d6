"""The package checks of tests/ooxml can fail: each catches one deliberate breakage."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ooxml import problems

Edit = Callable[[dict[str, bytes]], None]


def broken_copy(source: Path, target: Path, edit: Edit) -> Path:
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    edit(parts)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


def replace_once(parts: dict[str, bytes], name: str, pattern: str, replacement: str) -> None:
    text = parts[name].decode("utf-8")
    changed, count = re.subn(pattern, replacement, text, count=1, flags=re.DOTALL)
    assert count == 1, f"{pattern} not found in {name}"
    parts[name] = changed.encode("utf-8")


def numpr_before_keepnext(parts: dict[str, bytes]) -> None:
    """The template's old mistake (`insert(0, …)`): a style's list properties put first."""
    replace_once(
        parts,
        "word/styles.xml",
        r'(<w:style [^>]*w:styleId="AgendaItem".*?<w:pPr>)(.*?)(<w:numPr>.*?</w:numPr>)',
        r"\1\3\2",
    )
    text = parts["word/styles.xml"].decode()
    agenda = re.search(r'w:styleId="AgendaItem".*?</w:pPr>', text, re.DOTALL).group(0)
    assert agenda.index("<w:numPr>") < agenda.index("<w:keepNext")


def empty_cell(parts: dict[str, bytes]) -> None:
    replace_once(
        parts,
        "word/document.xml",
        r"(<w:tc>(?:<w:tcPr>.*?</w:tcPr>)?)<w:p[ >].*?</w:tc>",
        r"\1</w:tc>",
    )


def missing_list(parts: dict[str, bytes]) -> None:
    replace_once(parts, "word/document.xml", r'<w:numId w:val="\d+"/>', '<w:numId w:val="999"/>')


def missing_style(parts: dict[str, bytes]) -> None:
    replace_once(
        parts, "word/document.xml", r'<w:pStyle w:val="[^"]+"/>', '<w:pStyle w:val="NoSuchStyle"/>'
    )


def repeated_bookmark(parts: dict[str, bytes]) -> None:
    mark = '<w:bookmarkStart w:id="7" w:name="{0}"/><w:bookmarkEnd w:id="7"/>'
    replace_once(
        parts, "word/document.xml", r"</w:p>", mark.format("a") + mark.format("b") + "</w:p>"
    )


def no_content_type_for_rels(parts: dict[str, bytes]) -> None:
    replace_once(parts, "[Content_Types].xml", r'<Default Extension="rels"[^>]*/>', "")


def footer_part_missing(parts: dict[str, bytes]) -> None:
    del parts["word/footer1.xml"]


def dangling_footer_reference(parts: dict[str, bytes]) -> None:
    replace_once(
        parts, "word/document.xml", r'(<w:footerReference [^>]*r:id=")[^"]+"', r'\1rId999"'
    )


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (numpr_before_keepnext, "word/styles.xml: /w:styles/w:style["),
        (empty_cell, "a table cell does not end with w:p"),
        (missing_list, "w:numId 999 has no w:num"),
        (missing_style, "w:pStyle NoSuchStyle is not a paragraph style"),
        (repeated_bookmark, "bookmark id 7 is used 2 times"),
        (no_content_type_for_rels, "_rels/.rels: no content type"),
        (footer_part_missing, "targets word/footer1.xml, which is missing"),
        (dangling_footer_reference, "word/document.xml: r:id=rId999 is unknown"),
    ],
    ids=lambda v: v.__name__ if callable(v) else "",
)
def test_each_breakage_is_caught(
    built_sample: Path, tmp_path: Path, edit: Edit, expected: str
) -> None:
    before = problems(built_sample)
    after = problems(broken_copy(built_sample, tmp_path / "broken.docx", edit))
    new = [p for p in after if p not in before]
    print("\n".join(new))
    assert any(expected in p for p in new), new


def test_the_moved_list_properties_fail_the_schema(built_sample: Path, tmp_path: Path) -> None:
    """Shown in full: the schema names the misplaced element and where it should not be."""
    broken = broken_copy(built_sample, tmp_path / "broken.docx", numpr_before_keepnext)
    new = [p for p in problems(broken) if p not in problems(built_sample)]
    print("\n".join(new))
    assert len(new) == 1
    assert "Element 'w:keepNext': This element is not expected." in new[0]
