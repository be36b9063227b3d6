"""Fonts and settings each report owns: the Arabic typeface declared and embedded as Word
embeds fonts, Arabic digits at the run's size, Word 2013's layout, spelling left to check,
a document id and languages of the report's own, no date of printing; and a report that
restyles the Word way, from Normal.

Built from a meeting in English, French and Arabic; LibreOffice's PDFs are read with
poppler (`pdftotext`, `pdffonts`) and the packages with lxml.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import reportkit
from reportkit.model import Language
from reportkit.render import default_template
from tests.conftest import soffice_convert
from tests.ooxml import problems
from tests.workbooks import edition_meeting, write_workbook

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS = {"w": W, "w14": W14, "cp": CP, "dc": DC}
AMIRI_FACES = {
    "embedRegular": "Regular",
    "embedBold": "Bold",
    "embedItalic": "Slanted",
    "embedBoldItalic": "Bold Slanted",
}
TAGS = {Language.EN: "en-US", Language.FR: "fr-FR", Language.AR: "ar-SA"}
# A time range of the programme as printed: "10.00 – 10.30" (read right to left in Arabic).
TIME_RANGE = re.compile(r"\d\d\.\d\d – \d\d\.\d\d")


def name_of(stem: str, language: Language) -> str:
    return f"{stem}.docx" if language is Language.EN else f"{stem}.{language.value}.docx"


def part(docx: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(docx) as archive:
        return etree.fromstring(archive.read(name))


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[Language, Path]:
    folder = tmp_path_factory.mktemp("editions")
    workbook = write_workbook(folder / "meeting.xlsx", edition_meeting())
    return {
        language: reportkit.build(workbook, folder / "out", language=language)
        for language in Language
    }


@pytest.fixture(scope="module")
def other_meeting(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("other")
    sheets = edition_meeting()
    sheets["Meeting"][1][1] = "24th Meeting of the Follow-up Committee"
    return reportkit.build(write_workbook(folder / "other.xlsx", sheets), folder / "out")


@pytest.mark.parametrize("language", list(Language))
def test_each_edition_opens_in_word_2013_mode_with_spelling_to_check(
    editions: dict[Language, Path], language: Language
) -> None:
    settings = part(editions[language], "word/settings.xml")
    modes = settings.xpath("w:compat/w:compatSetting[@w:name='compatibilityMode']", namespaces=NS)
    assert [mode.get(f"{{{W}}}val") for mode in modes] == ["15"]
    state = settings.find("w:proofState", NS)
    assert state is None or "clean" not in state.attrib.values()
    assert problems(editions[language]) == []


def document_id(docx: Path) -> str:
    (found,) = part(docx, "word/settings.xml").findall("w14:docId", NS)
    return found.get(f"{{{W14}}}val")


def test_each_report_has_a_document_id_of_its_own(
    editions: dict[Language, Path], other_meeting: Path, tmp_path: Path
) -> None:
    ids = [document_id(editions[language]) for language in Language] + [document_id(other_meeting)]
    template_id = document_id(default_template())
    assert len(set(ids)) == len(ids) and template_id not in ids
    assert all(re.fullmatch("[0-9A-F]{8}", i) and int(i, 16) < 0x80000000 for i in ids)
    # Drawn from the report, not from chance or the clock: a rebuild gives the same.
    workbook = editions[Language.EN].parent.parent / "meeting.xlsx"
    assert document_id(reportkit.build(workbook, tmp_path)) == ids[0]


@pytest.mark.parametrize("language", list(Language))
def test_the_properties_and_styles_say_the_editions_language_and_no_printing(
    editions: dict[Language, Path], language: Language
) -> None:
    core = part(editions[language], "docProps/core.xml")
    assert core.findtext("dc:language", namespaces=NS) == TAGS[language]
    assert core.find("cp:lastPrinted", NS) is None
    (lang,) = part(editions[language], "word/styles.xml").xpath(
        "w:docDefaults/w:rPrDefault/w:rPr/w:lang", namespaces=NS
    )
    assert (lang.get(f"{{{W}}}val"), lang.get(f"{{{W}}}bidi")) == (TAGS[language], "ar-SA")


def test_a_french_edition_from_a_restyled_english_template_is_tagged_french(
    tmp_path: Path,
) -> None:
    """A template without a French twin: its defaults say English, the edition French."""
    template = shutil.copyfile(default_template(), tmp_path / "style.docx")
    workbook = write_workbook(tmp_path / "meeting.xlsx", edition_meeting())
    report = reportkit.build(workbook, tmp_path / "out", template, language=Language.FR)
    (lang,) = part(report, "word/styles.xml").xpath("//w:docDefaults//w:lang", namespaces=NS)
    assert lang.get(f"{{{W}}}val") == "fr-FR"
    assert part(report, "docProps/core.xml").findtext("dc:language", namespaces=NS) == "fr-FR"


def installed_amiri(style: str) -> bytes:
    found = subprocess.run(
        ["fc-match", "-f", "%{family}\t%{file}", f"Amiri:style={style}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    family, file = found.split("\t")
    assert "Amiri" in family.split(","), "fonts-hosny-amiri is not installed"
    return Path(file).read_bytes()


def unobfuscated(data: bytes, key: str) -> bytes:
    """ECMA-376 Part 1 §17.8.1: the GUID's bytes, last first, XORed over the first 32."""
    digits = key.strip("{}").replace("-", "")
    secret = [int(digits[i : i + 2], 16) for i in range(30, -1, -2)]
    return bytes(b ^ secret[i % 16] for i, b in enumerate(data[:32])) + data[32:]


def embedded_amiri(docx: Path) -> dict[str, bytes]:
    """Amiri's faces as the report embeds them, checked the way Word finds them: an entry
    of the font table, a relationship of the font table, an obfuscated-font part."""
    with zipfile.ZipFile(docx) as archive:
        table = etree.fromstring(archive.read("word/fontTable.xml"))
        rels = etree.fromstring(archive.read("word/_rels/fontTable.xml.rels"))
        types = etree.fromstring(archive.read("[Content_Types].xml"))
        (entry,) = table.xpath("w:font[@w:name='Amiri']", namespaces=NS)
        targets = {r.get("Id"): r for r in rels.iter(f"{{{PR}}}Relationship")}
        faces = {}
        for embed in entry:
            tag = etree.QName(embed).localname
            if not tag.startswith("embed"):
                continue
            rel = targets[embed.get(f"{{{R}}}id")]
            assert rel.get("Type") == f"{R}/font"
            name = "word/" + rel.get("Target")
            content_type = types.xpath(
                f"//ct:Override[@PartName='/{name}']/@ContentType", namespaces={"ct": CT}
            )
            assert content_type == ["application/vnd.openxmlformats-officedocument.obfuscatedFont"]
            faces[tag] = unobfuscated(archive.read(name), embed.get(f"{{{W}}}fontKey"))
    return faces


@pytest.fixture(scope="module")
def arabic_without_twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Arabic edition built from a copy of the English template: no Arabic twin."""
    folder = tmp_path_factory.mktemp("no-twin")
    template = shutil.copyfile(default_template(), folder / "style.docx")
    workbook = write_workbook(folder / "meeting.xlsx", edition_meeting())
    return reportkit.build(workbook, folder / "out", template, language=Language.AR)


@pytest.mark.parametrize("source", ["shipped", "without twin"])
def test_amiri_is_declared_and_embedded_as_word_embeds_fonts(
    editions: dict[Language, Path], arabic_without_twin: Path, source: str
) -> None:
    report = editions[Language.AR] if source == "shipped" else arabic_without_twin
    faces = embedded_amiri(report)
    assert faces == {tag: installed_amiri(style) for tag, style in AMIRI_FACES.items()}
    assert part(report, "word/settings.xml").find("w:embedTrueTypeFonts", NS) is not None
    assert problems(report) == []


def test_the_other_editions_embed_no_font(editions: dict[Language, Path]) -> None:
    for language in (Language.EN, Language.FR):
        with zipfile.ZipFile(editions[language]) as archive:
            assert not [n for n in archive.namelist() if n.startswith("word/fonts/")]


def pdf_fonts(pdf: Path) -> set[str]:
    """The fonts of a PDF as pdffonts names them, without the subset prefix (`ABCDEF+`)."""
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    return {line.split()[0].split("+")[-1] for line in listing.stdout.splitlines()[2:]}


@pytest.fixture(scope="module")
def pdfs(
    editions: dict[Language, Path],
    arabic_without_twin: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pdf")
    found = {
        language.value: soffice_convert(editions[language], "pdf", out / language.value)
        for language in (Language.EN, Language.AR)
    }
    found["ar without twin"] = soffice_convert(arabic_without_twin, "pdf", out / "no-twin")
    return found


@pytest.mark.parametrize("edition", ["en", "ar", "ar without twin"])
def test_the_programmes_times_stand_on_one_line(pdfs: dict[str, Path], edition: str) -> None:
    """Arabic digits at the run's size, as in English: each range fits its column."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdfs[edition]), "-"], capture_output=True, text=True
    ).stdout
    assert len(TIME_RANGE.findall(text)) == 2, text


def test_the_arabic_edition_without_a_twin_is_set_in_amiri(pdfs: dict[str, Path]) -> None:
    """Not DejaVu Sans beside Amiri Slanted, as LibreOffice substituted for Times."""
    fonts = pdf_fonts(pdfs["ar without twin"])
    assert {"Amiri-Regular", "Amiri-Bold"} <= fonts
    assert not [font for font in fonts if font.startswith("DejaVu")]


def restyled_normal(folder: Path, font: str, half_points: int) -> Path:
    """The exported English template with Normal restyled as Word saves a change made in
    its Modify Style dialog: Normal's Latin fonts (`w:ascii`, `w:hAnsi`) and size."""
    exported = folder / "report.docx"
    shutil.copyfile(default_template(), exported)
    with zipfile.ZipFile(exported) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    styles = etree.fromstring(parts["word/styles.xml"])
    (normal,) = styles.xpath("w:style[@w:styleId='Normal']", namespaces=NS)
    fonts = normal.find("w:rPr/w:rFonts", NS)
    fonts.set(f"{{{W}}}ascii", font)
    fonts.set(f"{{{W}}}hAnsi", font)
    normal.find("w:rPr/w:sz", NS).set(f"{{{W}}}val", str(half_points))
    parts["word/styles.xml"] = etree.tostring(styles, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(exported, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return exported


def body_sizes(pdf: Path) -> list[float]:
    """The font size of every piece of text on the PDF's first page (pdftohtml's units)."""
    xml = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-stdout", "-f", "1", "-l", "1", str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    page = etree.fromstring(xml, etree.XMLParser(recover=True))
    sizes = {f.get("id"): float(f.get("size")) for f in page.iter("fontspec")}
    return [sizes[t.get("font")] for t in page.iter("text") if "".join(t.itertext()).strip()]


def test_restyling_normal_restyles_the_whole_report(pdfs: dict[str, Path], tmp_path: Path) -> None:
    """Normal set in DejaVu Serif 11 pt: every paragraph follows, the page number too,
    and the Arabic edition built from it keeps Amiri for its Arabic."""
    template = restyled_normal(tmp_path, "DejaVu Serif", 22)
    workbook = write_workbook(tmp_path / "meeting.xlsx", edition_meeting())
    english = reportkit.build(workbook, tmp_path / "out", template)
    fonts = pdf_fonts(soffice_convert(english, "pdf", tmp_path / "en"))
    assert {"DejaVuSerif", "DejaVuSerif-Bold"} <= fonts
    assert not [font for font in fonts if font.startswith("Liberation")], fonts
    shipped, restyled = body_sizes(pdfs["en"]), body_sizes(tmp_path / "en" / "meeting.pdf")
    most = max(set(shipped), key=shipped.count)
    assert max(set(restyled), key=restyled.count) == pytest.approx(most * 11 / 12, abs=0.6)
    arabic = reportkit.build(workbook, tmp_path / "out", template, language=Language.AR)
    fonts = pdf_fonts(soffice_convert(arabic, "pdf", tmp_path / "ar"))
    assert {"DejaVuSerif", "Amiri-Regular", "Amiri-Bold"} <= fonts
    assert not [font for font in fonts if font.startswith(("Liberation", "DejaVuSans"))]
