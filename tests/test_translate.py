"""The translators' round trip on the real samples: export XLIFF, fill it as a CAT tool
would (with translate-toolkit's own API), import it, build the edition; staleness, refused
units, one-line errors, and an import that changes nothing but the cells it writes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree
from openpyxl import load_workbook
from translate.storage import xliff

from reportkit.model import Language
from reportkit.problems import cell_ref
from reportkit.read.workbook import OpenWorkbook
from reportkit.translate.units import Unit, workbook_units
from tests.commands import reportkit_cli as run
from tests.conftest import ROOT, SAMPLE

XSD = ROOT / "tests" / "data" / "xsd"
TRADE = ROOT / "inputs" / "trade-wg-14.xlsx"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RECORD = "reportkit translations"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    """OASIS's strict XLIFF 1.2 schema, its xml: import pointed at the local copy."""
    tree = etree.parse(str(XSD / "xliff" / "xliff-core-1.2-strict.xsd"))
    imported = tree.getroot().find("{http://www.w3.org/2001/XMLSchema}import")
    assert imported is not None
    imported.set("schemaLocation", (XSD / "stubs" / "xml.xsd").as_uri())
    return etree.XMLSchema(tree)


def copy(source: Path, folder: Path, name: str = "meeting.xlsx") -> Path:
    target = folder / name
    shutil.copyfile(source, target)
    return target


def export(workbook: Path, lang: str = "fr", *extra: str) -> Path:
    result = run("translate", "export", str(workbook), "--lang", lang, *extra)
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip())


def fill(path: Path, translate: dict[str, str] | None = None) -> dict[str, str]:
    """Give units new targets as a CAT tool would; `translate` maps ids to texts (default:
    every unit `Traduction N`). The targets given, by id."""
    store = xliff.xlifffile.parsefile(str(path))
    given = {}
    for number, unit in enumerate(store.units, start=1):
        uid = unit.getid().rpartition("\x04")[2]
        text = (translate or {}).get(uid) if translate is not None else f"Traduction {number}"
        if text is not None:
            unit.target = text
            given[uid] = text
    store.savefile(str(path))
    return given


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def cells(blob: bytes) -> dict[str, str]:
    """A worksheet's cells, `E7` → the cell's canonical XML."""
    root = etree.fromstring(blob)
    return {
        cell.get("r"): etree.tostring(cell, method="c14n").decode()
        for cell in root.iter(f"{MAIN}c")
    }


def outside_cells(blob: bytes) -> bytes:
    """A worksheet without its cells, dimension and column widths: all an import may
    change of a sheet besides the cells it writes."""
    root = etree.fromstring(blob)
    for name in ("sheetData", "dimension", "cols"):
        for element in root.findall(f"{MAIN}{name}"):
            root.remove(element)
    return etree.tostring(root, method="c14n")


def docx_text(path: Path) -> list[str]:
    document = Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return lines


def test_export_fill_import_build_prints_the_translations(
    tmp_path: Path, schema: etree.XMLSchema
) -> None:
    workbook = copy(SAMPLE, tmp_path)
    before = parts(workbook)
    count = len(read_units(workbook))  # the sample has French for every text
    result = run("translate", "export", str(workbook), "--lang", "fr")
    assert result.returncode == 0, result.stderr
    xlf = tmp_path / "meeting.fr.xlf"
    assert result.stdout == f"{xlf}\n"
    assert result.stderr == (
        f"{workbook}: {count} units in {xlf} for French: {count} translated, 0 to translate,"
        " 0 to review\n"
    )
    assert schema.validate(etree.parse(str(xlf))), schema.error_log
    given = fill(xlf)

    result = run("translate", "import", str(workbook), str(xlf))
    assert result.returncode == 0, result.stderr
    kept = next((tmp_path / ".reportkit" / "kept").iterdir())
    assert result.stdout == f"{workbook}\n"
    assert result.stderr.splitlines() == [
        f"{workbook}: French texts from {xlf}: {count} written, 0 already there",
        f"{workbook}: your previous file is kept at {kept}",
    ]
    assert parts(kept) == before

    built = run("build", str(workbook), "--lang", "fr", "-o", str(tmp_path / "out"))
    assert built.returncode == 0, built.stderr
    text = docx_text(tmp_path / "out" / "meeting.fr.docx")
    body = [t for uid, t in given.items() if uid.startswith(("Report/", "Agenda/"))]
    assert len(body) == len(read_units_of(workbook, ("Report", "Agenda"))) > 30
    for translation in body:
        assert any(line.endswith(translation) for line in text), translation
    position = given["Participants/Kuwait/Ammar Alhusaini/Position"]
    assert any(position in line for line in text)


def test_the_import_changes_nothing_but_the_cells_it_writes(tmp_path: Path) -> None:
    workbook = copy(TRADE, tmp_path)  # no French columns yet: the import makes them
    before = parts(workbook)
    xlf = export(workbook)
    given = fill(xlf)
    result = run("translate", "import", str(workbook), str(xlf))
    assert result.returncode == 0, result.stderr
    assert f"{workbook}: new column Report!D1 (Text fr)" in result.stderr.splitlines()
    after = parts(workbook)

    units = read_units(workbook)
    assert {u.id: u.translation for u in units} == given
    written = {(u.sheet, cell_ref(u.sheet, u.twin_column or 0, u.row)) for u in units}
    written |= {(u.sheet, cell_ref(u.sheet, u.twin_column or 0, 1)) for u in units}
    book = load_workbook(workbook)
    assert book[RECORD].sheet_state == "hidden"
    assert book.sheetnames == [*load_workbook(TRADE).sheetnames, RECORD]
    titles = {s.title: i for i, s in enumerate(book.worksheets, start=1)}
    assert set(after) - set(before) == {f"xl/worksheets/sheet{titles[RECORD]}.xml"}
    added = {
        "xl/workbook.xml": f"{MAIN}sheet",
        "xl/_rels/workbook.xml.rels": f"{RELS}Relationship",
        "[Content_Types].xml": f"{TYPES}Override",
    }
    for name, blob in before.items():
        if name in added:  # one entry each, for the hidden sheet
            assert without_last(after[name], added[name]) == etree.tostring(
                etree.fromstring(blob), method="c14n"
            ), name
        elif after[name] != blob:
            sheet = next(t for t, i in titles.items() if name == f"xl/worksheets/sheet{i}.xml")
            assert outside_cells(after[name]) == outside_cells(blob), name
            old, new = cells(blob), cells(after[name])
            changed = {ref for ref in old.keys() | new.keys() if old.get(ref) != new.get(ref)}
            assert changed == {ref.partition("!")[2] for title, ref in written if title == sheet}

    checked = run("check", str(workbook), "--lang", "fr")
    assert "changed after" not in checked.stdout
    assert "no French text" not in checked.stdout


def read_units(workbook: Path) -> list[Unit]:
    book = OpenWorkbook(workbook, Language.FR)
    try:
        return workbook_units(book, Language.FR)
    finally:
        book.close()


def read_units_of(workbook: Path, sheets: tuple[str, ...]) -> list[Unit]:
    return [u for u in read_units(workbook) if u.sheet in sheets]


def without_last(blob: bytes, tag: str) -> bytes:
    root = etree.fromstring(blob)
    last = list(root.iter(tag))[-1]
    last.getparent().remove(last)
    return etree.tostring(root, method="c14n")


def test_a_changed_english_is_warned_stale_and_marked_for_review(tmp_path: Path) -> None:
    workbook = copy(SAMPLE, tmp_path)
    xlf = export(workbook)
    fill(xlf)
    assert run("translate", "import", str(workbook), str(xlf)).returncode == 0

    book = load_workbook(workbook)  # the rapporteur corrects the English in Excel
    old_venue = book["Meeting"]["B5"].value
    book["Meeting"]["B5"] = "Ankara"
    book["Report"]["B7"] = book["Report"]["B7"].value + " He thanked the participants."
    book.save(workbook)

    checked = run("check", str(workbook), "--lang", "fr")
    assert checked.returncode == 0, checked.stdout
    hint = "review it; editing it, or importing it reviewed with reportkit translate, clears this warning"
    assert [line for line in checked.stdout.splitlines() if "changed after" in line] == [
        f"{workbook}: Meeting!C5: warning: the English in B5 changed after this French text was written — {hint}",
        f"{workbook}: Report!C7: warning: the English in B7 changed after this French text was written — {hint}",
    ]

    again = export(workbook, "fr", "-o", str(tmp_path / "again.xlf"))
    review = [u for u in xliff.xlifffile.parsefile(str(again)).units if u.isreview()]
    assert [u.getlocations() for u in review] == [["Meeting!B5"], ["Report!B7"]]
    target = review[0].xmlelement.find("{urn:oasis:names:tc:xliff:document:1.2}target")
    assert target.get("state") == "needs-review-translation"
    assert f"it was made for: {old_venue}" in review[0].getnotes()

    # The translator reviews them (keeping one, rewording the other): the warnings go.
    fill(
        again,
        {
            review[0].getid().rpartition("\x04")[2]: "Ankara (en ligne)",
            review[1].getid().rpartition("\x04")[2]: review[1].target,
        },
    )
    assert run("translate", "import", str(workbook), str(again)).returncode == 0
    assert "changed after" not in run("check", str(workbook), "--lang", "fr").stdout


def test_units_whose_english_changed_are_refused_in_located_lines(tmp_path: Path) -> None:
    workbook = copy(SAMPLE, tmp_path)
    xlf = export(workbook)
    given = fill(xlf)
    book = load_workbook(workbook)  # meanwhile, the English is corrected
    book["Meeting"]["B5"] = "Ankara"
    book["Report"]["B7"] = "At the outset, the Chair opened the Meeting."
    book.save(workbook)
    kept_before = parts(workbook)

    result = run("translate", "import", str(workbook), str(xlf))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{workbook}: Meeting!B5: the English changed after it was exported for translation,"
        " so the French text returned for it is not written — export again and have the new"
        " English translated",
        f"{workbook}: Report!B7: the English exported from here for translation is no longer in"
        " the workbook (changed or removed since), so the French text returned for it is not"
        " written — export again and have what the workbook holds now translated",
        f"{workbook}: French texts from {xlf}: {len(given) - 2} written, 0 already there,"
        " 2 refused",
        f"{workbook}: your previous file is kept at {next((tmp_path / '.reportkit' / 'kept').iterdir())}",
    ]
    now = units_at(workbook)
    assert now["Meeting!B5"].translation == units_at(SAMPLE)["Meeting!B5"].translation
    assert now["Report!B8"].translation == given[now["Report!B8"].id]
    assert parts(next((tmp_path / ".reportkit" / "kept").iterdir())) == kept_before


def units_at(workbook: Path) -> dict[str, Unit]:
    """The workbook's units by the English cell, `Report!B7`."""
    return {u.location: u for u in read_units(workbook)}


def test_ids_survive_rows_inserted_above(tmp_path: Path) -> None:
    workbook = copy(SAMPLE, tmp_path)
    xlf = export(workbook)
    before = [units_at(workbook)[cell].id for cell in ("Participants!E5", "Report!B7")]
    given = fill(xlf)
    book = load_workbook(workbook)
    book["Participants"].insert_rows(3)
    book["Participants"]["A3"], book["Participants"]["C3"] = "Egypt", "Ahmed"
    book["Report"].insert_rows(2, amount=2)
    book.save(workbook)
    moved = [units_at(workbook)[cell] for cell in ("Participants!E6", "Report!B9")]
    assert [unit.id for unit in moved] == before
    assert run("translate", "import", str(workbook), str(xlf)).returncode == 0
    now = units_at(workbook)
    for unit in moved:
        assert now[unit.location].translation == given[unit.id]


def test_every_sample_exports_valid_xliff_in_each_language(
    tmp_path: Path, schema: etree.XMLSchema
) -> None:
    for sample in sorted((ROOT / "inputs").glob("*.xlsx")):
        for lang in ("fr", "ar"):
            out = export(copy(sample, tmp_path, sample.name), lang, "--force")
            assert schema.validate(etree.parse(str(out))), (sample.name, schema.error_log)


def test_excel_s_extended_dropdowns_survive_where_openpyxl_drops_them(tmp_path: Path) -> None:
    """Excel keeps a dropdown whose list is on another sheet in an `x14` extension, which
    openpyxl does not model: a load and save loses it; the import keeps it."""
    workbook = copy(TRADE, tmp_path)
    extension = (
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"'
        ' xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        '<x14:dataValidations xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"'
        ' count="1"><x14:dataValidation type="list" allowBlank="1"><x14:formula1>'
        "<xm:f>Lists!$H$2:$H$98</xm:f></x14:formula1><xm:sqref>A2:A500</xm:sqref>"
        "</x14:dataValidation></x14:dataValidations></ext></extLst>"
    )
    member = "xl/worksheets/sheet8.xml"  # Participants
    contents = parts(workbook)
    contents[member] = contents[member].replace(
        b"</worksheet>", extension.encode() + b"</worksheet>"
    )
    with zipfile.ZipFile(workbook, "w") as archive:
        for name, blob in contents.items():
            archive.writestr(name, blob)

    resaved = tmp_path / "resaved.xlsx"
    with pytest.warns(UserWarning, match="Data Validation extension"):
        load_workbook(workbook).save(resaved)
    assert b"x14:dataValidation" not in parts(resaved)[member]

    xlf = export(workbook)
    fill(xlf)
    assert run("translate", "import", str(workbook), str(xlf)).returncode == 0
    after = parts(workbook)[member]
    assert b"<xm:f>Lists!$H$2:$H$98</xm:f>" in after
    assert cells(after)["H2"] != cells(contents[member]).get("H2")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["import", "{missing}", "{xlf}"], "{missing}: the file does not exist — check the path"),
        (
            ["import", "{workbook}", "{missing}"],
            "{missing}: the file does not exist — check the path",
        ),
        (
            ["import", "{workbook}", "{garbage}"],
            "{garbage}: this is not an XLIFF 1.2 file reportkit can read (Start tag expected, '<'"
            " not found, line 1, column 1) — import the .xlf file your translator returned, as"
            " their CAT tool saved it",
        ),
        (
            ["import", "{workbook}", "{entities}"],
            "{entities}: this is not an XLIFF 1.2 file reportkit can read (it declares XML"
            " entities) — import the .xlf file your translator returned, as their CAT tool"
            " saved it",
        ),
        (
            ["import", "{workbook}", "{german}"],
            '{german}: the file translates into "de", not French or Arabic — import a file'
            " exported with --lang fr or --lang ar",
        ),
        (
            ["import", "{xlf}", "{xlf}"],
            "{xlf}: this is the XLIFF file — give the workbook first, then the XLIFF file:"
            " reportkit translate import meeting.xlsx meeting.fr.xlf",
        ),
        (
            ["export", "{missing}", "--lang", "fr"],
            "{missing}: the file does not exist — check the path",
        ),
        (
            ["import", "{garbage}.xlsx", "{xlf}"],
            "{garbage}.xlsx: this is a text/CSV file, not an Excel workbook — open it in Excel"
            " and save it as .xlsx",
        ),
        (
            ["export", "{workbook}", "--lang", "fr", "-o", "{xlf}"],
            "{xlf}: the file exists — choose another name with -o, or add --force to replace it",
        ),
    ],
)
def test_a_user_s_mistake_is_one_line_and_changes_nothing(
    tmp_path: Path, args: list[str], line: str
) -> None:
    workbook = copy(SAMPLE, tmp_path)
    xlf = export(workbook)
    garbage = tmp_path / "garbage.xlf"
    garbage.write_text("not XML at all")
    (tmp_path / "garbage.xlf.xlsx").write_text("not XML at all")
    german = tmp_path / "german.xlf"
    german.write_bytes(xlf.read_bytes().replace(b'target-language="fr"', b'target-language="de"'))
    entities = tmp_path / "entities.xlf"
    entities.write_bytes(
        xlf.read_bytes().replace(b"<xliff", b'<!DOCTYPE x [<!ENTITY a "aaaa">]><xliff', 1)
    )
    names = {
        "workbook": workbook,
        "xlf": xlf,
        "missing": tmp_path / "missing.xlsx",
        "garbage": garbage,
        "german": german,
        "entities": entities,
    }
    before = workbook.read_bytes()
    result = run("translate", *(a.format(**names) for a in args))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [line.format(**names)]
    assert result.stdout == ""
    assert workbook.read_bytes() == before
    assert not (tmp_path / ".reportkit").exists()


def test_a_workbook_open_in_excel_is_left_alone(tmp_path: Path) -> None:
    workbook = copy(SAMPLE, tmp_path)
    xlf = export(workbook)
    fill(xlf)
    (tmp_path / "~$meeting.xlsx").write_bytes(b"owner")
    result = run("translate", "import", str(workbook), str(xlf))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{workbook}: the workbook is open in Excel (~$meeting.xlsx stands beside it), so nothing"
        " is imported: its next save would undo the import — close it in Excel, then import"
        " again (if it is open nowhere, delete ~$meeting.xlsx)"
    ]


def test_copies_are_never_overwritten(tmp_path: Path) -> None:
    workbook = copy(SAMPLE, tmp_path)
    xlf = export(workbook)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    for number in (1, 2):
        fill(xlf, {u: f"Version {number}" for u in ("Meeting/venue/Value",)})
        result = subprocess.run(
            [sys.executable, "-m", "reportkit", "translate", "import", str(workbook), str(xlf)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    kept = sorted(p.name for p in (tmp_path / ".reportkit" / "kept").iterdir())
    assert kept == ["meeting.20231114-221320-2.xlsx", "meeting.20231114-221320.xlsx"]


def test_other_commands_do_not_import_translate_toolkit() -> None:
    code = "import sys, reportkit.cli; print('translate' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "False\n"


def test_export_force_keeps_the_file_it_replaces(tmp_path: Path) -> None:
    """A translator's returned file may stand at the export's name: --force keeps it first."""
    workbook = copy(SAMPLE, tmp_path)
    xlf = export(workbook)
    returned = xlf.read_bytes().replace(b"<target", b"<target xml:lang='fr'", 1)
    xlf.write_bytes(returned)
    result = run("translate", "export", str(workbook), "--lang", "fr", "--force")
    assert result.returncode == 0, result.stderr
    kept = list((tmp_path / ".reportkit" / "kept").glob("meeting.*.xlf"))
    assert [k.read_bytes() for k in kept] == [returned]
    assert f"{xlf}: the previous file is kept at {kept[0]}" in result.stderr
    assert xlf.read_bytes() != returned
