"""Reports carry no leftovers of the documents their template was made from."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

import reportkit
from reportkit.render import default_template
from tests.conftest import SAMPLE

EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STALE = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml")
STATISTICS = ("TotalTime", "Pages", "Words", "Characters", "Lines", "Paragraphs")


def package_text(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n).decode("utf-8", "replace") for n in archive.namelist()}


@pytest.fixture(params=["built_sample", "restyled_docx"])
def report(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(request.param)


def test_the_word_saved_template_really_has_the_leftovers(restyled_template: Path) -> None:
    parts = package_text(restyled_template)
    assert all(name in parts for name in STALE)
    assert "<Application>Microsoft Office Word</Application>" in parts["docProps/app.xml"]


def test_no_thumbnail_and_no_styles_with_effects(report: Path) -> None:
    parts = package_text(report)
    for name in STALE:
        assert name not in parts
    everything = "".join(parts.values())
    assert "thumbnail" not in everything
    assert "stylesWithEffects" not in everything


def test_app_xml_names_reportkit_and_claims_no_statistics(report: Path) -> None:
    properties = etree.fromstring(package_text(report)["docProps/app.xml"].encode())
    assert properties.findtext(f"{EP}Application") == "reportkit"
    assert [properties.find(f"{EP}{name}") for name in STATISTICS] == [None] * len(STATISTICS)
    assert properties.find(f"{EP}Company") is None


def test_the_description_is_not_the_templates(report: Path) -> None:
    assert Document(str(report)).core_properties.comments == ""


def test_the_shipped_template_is_clean() -> None:
    parts = package_text(default_template())
    assert sorted(parts) == [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/app.xml",
        "docProps/core.xml",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/fontTable.xml",
        "word/footer1.xml",
        "word/header1.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "word/styles.xml",
        "word/theme/theme1.xml",
        "word/webSettings.xml",
    ]
    assert "python-docx" not in parts["docProps/core.xml"]
    assert "Macintosh" not in parts["docProps/app.xml"]
    assert "savePreviewPicture" not in parts["word/settings.xml"]


def test_document_defaults_are_explicit(built_sample: Path) -> None:
    """Single spacing and one named font for every script, Arabic included; no theme fonts."""
    styles = etree.fromstring(package_text(built_sample)["word/styles.xml"].encode())
    defaults = styles.find(f"{W}docDefaults")
    fonts = defaults.find(f"{W}rPrDefault/{W}rPr/{W}rFonts")
    assert {fonts.get(f"{W}{script}") for script in ("ascii", "hAnsi", "eastAsia", "cs")} == {
        "Times New Roman"
    }
    assert not [name for name in fonts.attrib if "Theme" in name]
    run = defaults.find(f"{W}rPrDefault/{W}rPr")
    assert run.find(f"{W}sz").get(f"{W}val") == run.find(f"{W}szCs").get(f"{W}val") == "24"
    spacing = defaults.find(f"{W}pPrDefault/{W}pPr/{W}spacing")
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("240", "auto")


def test_the_word_saved_template_builds_byte_identically(
    restyled_template: Path, tmp_path: Path
) -> None:
    first = reportkit.build(SAMPLE, tmp_path / "a", restyled_template)
    second = reportkit.build(SAMPLE, tmp_path / "b", restyled_template)
    assert first.read_bytes() == second.read_bytes()
