"""The three editions of one workbook, built by the command and rendered by LibreOffice:
French words, dates, order and formal names; Arabic right to left in the XML, after
conversion to ODT and in the PDF; all 57 member states in each edition's order."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from reportkit.base.hashing import digest
from reportkit.model import Language
from reportkit.render import default_template
from reportkit.render.direction import has_right_to_left
from reportkit.state import StateStore
from tests.commands import reportkit_cli
from tests.conftest import member_states, soffice_convert
from tests.workbooks import all_members_meeting, edition_meeting, write_workbook

MEMBERS_CSV = Path(__file__).resolve().parents[1] / "reportkit/reference/data/members.csv"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ODF = {
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
}


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The editions' folder, and the build's output (its workbook asks for en, fr and ar),
    each with its PDF."""
    folder = tmp_path_factory.mktemp("editions")
    workbook = write_workbook(folder / "meeting.xlsx", edition_meeting())
    result = reportkit_cli("build", str(workbook), "-o", str(folder / "out"), "--pdf")
    assert result.returncode == 0, result.stderr
    return folder / "out", result


@pytest.fixture(scope="module")
def french_text(built: tuple[Path, object], tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = tmp_path_factory.mktemp("fr-txt")
    text = soffice_convert(built[0] / "meeting.fr.docx", "txt:Text (encoded):UTF8", out)
    return text.read_text(encoding="utf-8-sig").splitlines()


@pytest.fixture(scope="module")
def arabic_pdf(built: tuple[Path, object]) -> Path:
    return built[0] / "meeting.ar.pdf"


def test_the_build_writes_one_report_per_edition(
    built: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, result = built
    names = ["meeting.docx", "meeting.fr.docx", "meeting.ar.docx"]
    written = [
        out / f"{stem}{suffix}"
        for stem in ("meeting", "meeting.fr", "meeting.ar")
        for suffix in (".docx", ".pdf")
    ]
    assert result.stdout.split() == [str(path) for path in written]
    again = reportkit_cli("build", str(out.parent / "meeting.xlsx"), "-o", str(out))
    assert again.returncode == 0
    assert "0 built, 3 unchanged" in again.stderr
    for name in names:
        history = reportkit_cli("history", str(out / name))
        assert history.returncode == 0 and "built" in history.stdout


def test_a_missing_translation_is_a_located_warning(
    built: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    _, result = built
    assert (
        'Report!D3: warning: no Arabic text in "Text ar", so the Arabic edition prints the English'
        in result.stderr
    )
    lines = [line for line in result.stderr.splitlines() if "Report!D3" in line]
    assert len(lines) == 1


def test_the_french_edition_writes_its_own_words_and_dates(french_text: list[str]) -> None:
    assert french_text[:3] == [
        "RAPPORT",
        "23e RÉUNION DU COMITÉ DE SUIVI",
        "(1er-3 novembre 2022\u202f; Ankara)",
    ]
    for line in (
        "ANNEXE I",
        "ANNEXE II",
        "ANNEXE III",
        "PROJET DE PROGRAMME (Heure d'Ankara - GMT+3)",
        "mardi 1er novembre 2022",
        "LISTE DES PARTICIPANTS",
        "A. PAYS MEMBRES DE L’OCI",
        "B. INSTITUTIONS SUBSIDIAIRES/ ORGANES DE L’OCI",
        "-S.E. AMADOU KONÉ",
        "Ministre, Ministère du Commerce",
    ):
        assert line in french_text
    assert not [line for line in french_text if "23E" in line]
    assert french_text.count("23e RÉUNION DU COMITÉ DE SUIVI") == 4  # the title and 3 annexes


def members() -> list[dict[str, str]]:
    """The member states' rows of the reference data, read here as the file has them."""
    with MEMBERS_CSV.open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["status"] == "member"]


def plain(name: str) -> str:
    """A filing form made here, not by reportkit: no accents, no case, no leading "The"."""
    bare = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return bare.casefold().removeprefix("the ")


def headings_between(lines: list[str], start: str, end: str | None = None) -> list[str]:
    """The delegation headings of a section (to `end`, or the end): the lines before a
    delegate's `-` line."""
    section = lines[lines.index(start) + 1 : lines.index(end) if end else len(lines)]
    return [section[i - 1] for i, line in enumerate(section) if line.startswith("-")]


def test_the_french_edition_keeps_the_english_order_under_french_formal_names(
    french_text: list[str],
) -> None:
    """A translation keeps its source's order: the French report of the 31st Session lists
    "27-République Islamique de Mauritanie 28-Royaume du Maroc" as the English does."""
    typed = {"Jordan", "Côte d'Ivoire", "United Arab Emirates", "Egypt", "Chad", "Comoros"}
    typed.add("Saudi Arabia")
    rows = sorted(
        (r for r in members() if r["short_name_en"] in typed),
        key=lambda r: plain(r["short_name_en"]),
    )
    expected = [r["name_fr_formal"].upper() for r in rows]
    shown = headings_between(
        french_text, "A. PAYS MEMBRES DE L’OCI", "B. INSTITUTIONS SUBSIDIAIRES/ ORGANES DE L’OCI"
    )
    assert shown == expected
    assert shown[:3] == [
        "RÉPUBLIQUE DU TCHAD",
        "UNION DES COMORES",
        "RÉPUBLIQUE DE CÔTE D'IVOIRE",
    ]


def test_the_arabic_edition_runs_right_to_left_in_its_xml(built: tuple[Path, object]) -> None:
    with zipfile.ZipFile(built[0] / "meeting.ar.docx") as package:
        body = etree.fromstring(package.read("word/document.xml"))
    paragraphs = list(body.iter(f"{W}p"))
    # Every paragraph says its direction: right to left, but for one left in English.
    english = [p for p in paragraphs if "".join(p.itertext()) == "It ended."]
    assert english and english[0].find(f"{W}pPr/{W}bidi").get(f"{W}val") == "0"
    assert all(
        p.find(f"{W}pPr/{W}bidi") is not None and p.find(f"{W}pPr/{W}bidi").get(f"{W}val") is None
        for p in paragraphs
        if p not in english
    )
    sections = list(body.iter(f"{W}sectPr"))
    assert len(sections) >= 1 and all(s.find(f"{W}bidi") is not None for s in sections)
    tables = list(body.iter(f"{W}tbl"))
    assert tables and all(t.find(f"{W}tblPr/{W}bidiVisual") is not None for t in tables)
    runs = [(r, "".join(t.text or "" for t in r.iter(f"{W}t"))) for r in body.iter(f"{W}r")]
    arabic = [r for r, text in runs if has_right_to_left(text)]
    latin = [r for r, text in runs if re.search("[A-Za-z]", text) and not has_right_to_left(text)]
    assert arabic and all(r.find(f"{W}rPr/{W}rtl") is not None for r in arabic)
    # Latin inside Arabic (a name, an acronym) keeps its own left-to-right run, with the
    # full stop typed against it and a left-to-right mark (U+200E) keeping it there.
    assert "COMCEC.\u200e" in ["".join(t.text for t in r.iter(f"{W}t")) for r in latin]
    assert all(r.find(f"{W}rPr/{W}rtl") is None for r in latin)
    bold = [r for r, text in runs if text == "في أنقرة"]
    assert bold and bold[0].find(f"{W}rPr/{W}bCs") is not None


def writing_modes(odt: Path) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """Writing modes LibreOffice gave the paragraphs holding text (with their text), the
    tables and the pages, each paragraph's found through its style's parents (`page`: the
    page's)."""
    with zipfile.ZipFile(odt) as package:
        content = etree.fromstring(package.read("content.xml"))
        styles = etree.fromstring(package.read("styles.xml"))
    by_name = {
        (s.get(f"{{{ODF['style']}}}family"), s.get(f"{{{ODF['style']}}}name")): s
        for root in (styles, content)
        for s in root.iter(f"{{{ODF['style']}}}style")
    }

    def mode(family: str, name: str | None, kind: str) -> str:
        while name:
            style = by_name[(family, name)]
            found = style.find(f"style:{kind}-properties", ODF)
            if found is not None and found.get(f"{{{ODF['style']}}}writing-mode"):
                return found.get(f"{{{ODF['style']}}}writing-mode")
            name = style.get(f"{{{ODF['style']}}}parent-style-name")
        default = styles.find(f".//style:default-style[@style:family='{family}']", ODF)
        found = default.find(f"style:{kind}-properties", ODF) if default is not None else None
        return found.get(f"{{{ODF['style']}}}writing-mode", "page") if found is not None else "page"

    body = content.find("office:body", ODF)
    paragraphs = [
        (
            "".join(p.itertext()),
            mode("paragraph", p.get(f"{{{ODF['text']}}}style-name"), "paragraph"),
        )
        for p in body.iter(f"{{{ODF['text']}}}p", f"{{{ODF['text']}}}h")
        if "".join(p.itertext()).strip()
    ]
    tables = [
        mode("table", t.get(f"{{{ODF['table']}}}style-name"), "table")
        for t in body.iter(f"{{{ODF['table']}}}table")
    ]
    pages = [
        p.get(f"{{{ODF['style']}}}writing-mode", "lr-tb")
        for p in styles.iter(f"{{{ODF['style']}}}page-layout-properties")
        if p.get("{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}page-width")
    ]
    return paragraphs, tables, pages


@pytest.mark.parametrize(("edition", "direction"), [("ar", "rl-tb"), ("en", "lr-tb")])
def test_libreoffice_reads_the_arabic_edition_right_to_left(
    built: tuple[Path, object],
    tmp_path: Path,
    edition: str,
    direction: str,
) -> None:
    name = "meeting.docx" if edition == "en" else f"meeting.{edition}.docx"
    paragraphs, tables, pages = writing_modes(soffice_convert(built[0] / name, "odt", tmp_path))
    assert pages and set(pages) == {direction}
    assert tables and {mode if mode != "page" else pages[0] for mode in tables} == {direction}
    assert len(paragraphs) > 30
    modes = {text: mode if mode != "page" else pages[0] for text, mode in paragraphs}
    if edition == "ar":  # but for the paragraph left in English, which runs left to right
        assert modes.pop("It ended.") == "lr-tb"
    assert set(modes.values()) == {direction}


def pdf_words(pdf: Path) -> list[tuple[str, bool, str, float]]:
    """Each text piece of the PDF's first page as poppler sees it: text in logical order,
    bold (set in a bold face), font family, left edge."""
    xml = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-stdout", "-f", "1", "-l", "1", str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    page = etree.fromstring(xml, etree.XMLParser(recover=True))
    fonts = {f.get("id"): f.get("family") for f in page.iter("fontspec")}
    words = []
    for text in page.iter("text"):
        shown = "".join(text.itertext())
        logical = shown[::-1] if has_right_to_left(shown) else shown
        bold = text.find("b") is not None
        words.append((logical.strip(), bold, fonts[text.get("font")], float(text.get("left"))))
    return words


def test_arabic_bold_is_set_in_the_arabic_bold_face(arabic_pdf: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(arabic_pdf)], capture_output=True, text=True).stdout
    assert "Amiri-Bold" in fonts and "Amiri-Regular" in fonts
    words = pdf_words(arabic_pdf)
    assert [(bold, "Amiri" in font) for text, bold, font, _ in words if text == "في أنقرة"] == [
        (True, True)
    ]
    plain_arabic = [w for w in words if w[0].startswith("عُقد الاجتماع")]
    assert plain_arabic and not plain_arabic[0][1]
    latin = [w for w in words if w[0] == "COMCEC."]
    assert latin and "Liberation" in latin[0][2]


def test_arabic_list_numbers_stand_on_the_right(arabic_pdf: Path) -> None:
    words = pdf_words(arabic_pdf)
    number = next(w for w in words if w[0] == "1")
    text = next(w for w in words if w[0].startswith("عُقد الاجتماع"))
    assert number[3] > text[3]


@pytest.fixture(scope="module")
def all_members(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The member states' headings in each edition of a meeting of all 57, as rendered."""
    folder = tmp_path_factory.mktemp("all-members")
    workbook = write_workbook(folder / "all.xlsx", all_members_meeting(member_states()))
    result = reportkit_cli("build", str(workbook), "-o", str(folder / "out"))
    assert result.returncode == 0, result.stderr
    sections = {
        "en": "A. MEMBER COUNTRIES OF THE OIC",
        "fr": "A. PAYS MEMBRES DE L’OCI",
        "ar": "أ. الدول الأعضاء في منظمة التعاون الإسلامي",
    }
    shown = {}
    for edition, start in sections.items():
        name = "all.docx" if edition == "en" else f"all.{edition}.docx"
        text = soffice_convert(folder / "out" / name, "txt:Text (encoded):UTF8", folder / edition)
        lines = text.read_text(encoding="utf-8-sig").splitlines()
        shown[edition] = headings_between(lines, start)
    return shown


def dotless(headings: list[str]) -> list[str]:
    """Türkiye's formal name keeps its Turkish capital İ in print; compared without it."""
    return [h.replace("İ", "I") for h in headings]


def test_the_english_edition_of_57_members_files_by_english_short_name(
    all_members: dict[str, list[str]],
) -> None:
    rows = sorted(members(), key=lambda r: plain(r["short_name_en"]))
    assert len(rows) == 57
    assert dotless(all_members["en"]) == dotless([r["formal_name_en"].upper() for r in rows])


def test_a_french_edition_asked_to_file_by_french_names_does(
    all_members: dict[str, list[str]],
) -> None:
    rows = sorted(members(), key=lambda r: plain(r["name_fr"]))
    expected = [(r["name_fr_formal"] or r["formal_name_en"]).upper() for r in rows]
    assert dotless(all_members["fr"]) == dotless(expected)


def test_an_arabic_edition_asked_for_the_oic_s_own_order_follows_it(
    all_members: dict[str, list[str]],
) -> None:
    rows = sorted(members(), key=lambda r: int(r["oic_order"]))
    expected = [r["name_ar_formal"] or r["name_ar"] for r in rows]
    assert all_members["ar"] == expected


def test_a_restyled_template_serves_each_edition_through_its_twin(tmp_path: Path) -> None:
    """`style.ar.docx` beside `style.docx` styles the Arabic edition; without it the
    restyled English template does (its Arabic set at its Latin size, in Amiri since the
    template names no font for Arabic), and the edition still runs right to left."""
    workbook = write_workbook(tmp_path / "meeting.xlsx", edition_meeting())
    style = tmp_path / "style.docx"
    shutil.copyfile(default_template(), style)
    out = tmp_path / "out"

    def build_arabic() -> tuple[etree._Element, bytes]:
        result = reportkit_cli(
            "build",
            str(workbook),
            "-o",
            str(out),
            "--lang",
            "ar",
            "--template",
            str(style),
            "--force",
        )
        assert result.returncode == 0, result.stderr
        with zipfile.ZipFile(out / "meeting.ar.docx") as package:
            return etree.fromstring(package.read("word/document.xml")), package.read(
                "word/styles.xml"
            )

    body, styles = build_arabic()
    assert complex_script_size(styles) == "24"
    paragraphs, sections = list(body.iter(f"{W}p")), list(body.iter(f"{W}sectPr"))
    assert len(paragraphs) > 20 and sections
    assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs)
    assert all(s.find(f"{W}bidi") is not None for s in sections)
    shutil.copyfile(default_template(Language.AR), tmp_path / "style.ar.docx")
    _, styles = build_arabic()
    assert complex_script_size(styles) == "28"


def complex_script_size(styles: bytes) -> str:
    """The size of complex-script text on Normal, in half points: the twin's is larger."""
    root = etree.fromstring(styles)
    (size,) = root.xpath(
        "w:style[@w:styleId='Normal']/w:rPr/w:szCs/@w:val", namespaces={"w": W.strip("{}")}
    )
    return size


def test_the_state_store_remembers_which_editions_a_workbook_asks_for(
    built: tuple[Path, object],
) -> None:
    """Planned once from the workbook, then from the store, so that a batch of unchanged
    workbooks opens none of them; a changed workbook is planned afresh."""
    out = built[0]
    workbook = out.parent / "meeting.xlsx"
    reportkit_cli("build", str(workbook), "-o", str(out))  # the store existed: now remembered
    store, _ = StateStore.open_existing(out)
    assert store is not None
    try:
        assert store.editions(digest(workbook)) == "en fr ar"
    finally:
        store.close()


def raised_runs(report: Path) -> list[str]:
    """The texts of the runs set as superscripts, in document order."""
    with zipfile.ZipFile(report) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    return [
        "".join(t.text or "" for t in run.iter(f"{W}t"))
        for run in body.iter(f"{W}r")
        if run.find(f"{W}rPr/{W}vertAlign[@{W}val='superscript']") is not None
    ]


def test_french_ordinals_are_raised_and_english_ones_only_when_asked(
    built: tuple[Path, object], tmp_path: Path
) -> None:
    """Every French edition sets 1er and 23e with raised letters (FC33-FR, S31-FR); the
    published English Follow-up Committee reports do so for 13th, where the meeting asks."""
    out = built[0]
    french = Document(str(out / "meeting.fr.docx")).paragraphs
    assert [p.text for p in french[1:3]] == [
        "23e RÉUNION DU COMITÉ DE SUIVI",
        "(1er-3 novembre 2022\u202f; Ankara)",
    ]
    assert raised_runs(out / "meeting.fr.docx")[:2] == ["e", "er"]
    assert raised_runs(out / "meeting.docx") == []

    sheets = edition_meeting()
    sheets["Meeting"].append(["ordinals", "superscript"])
    workbook = write_workbook(tmp_path / "raised.xlsx", sheets)
    result = reportkit_cli("build", str(workbook), "-o", str(tmp_path / "out"), "--lang", "en")
    assert result.returncode == 0, result.stderr
    english = Document(str(tmp_path / "out" / "raised.docx")).paragraphs
    assert english[1].text == "23rd MEETING OF THE FOLLOW-UP COMMITTEE"
    assert raised_runs(tmp_path / "out" / "raised.docx")[:2] == ["rd", "st"]
