"""Make `templates/report.docx`, the shipped report template.

The template is an ordinary Word document: a secretariat restyles it in Word (fonts,
spacing, indents, numbering format) and reportkit keeps using it, as long as the style
names below and the docxtpl tags stay. This script records how the shipped file was made;
run it again only to start a template afresh (`python tools/make_template.py`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Length, Pt

from reportkit.render.embedded_fonts import embed_font
from reportkit.render.footnotes import footnote_styles
from reportkit.render.package import clean_package
from reportkit.render.schema_order import PARAGRAPH, RUN, SECTION, TABLE, insert_in_order
from reportkit.render.settings import COMPATIBILITY_MODE

BODY_NUM, AGENDA_NUM, BULLET_NUM, POINT_NUM, SECTION_NUM, ITEM_NUM = 101, 102, 103, 104, 105, 106

FONT = "Times New Roman"
SIZE = 12  # points: Normal's, which every house style of no other size inherits
# The Arabic edition's typeface for Arabic script: a free Naskh with a true bold (Debian's
# fonts-hosny-amiri; on Windows install Amiri, or restyle the template with another).
ARABIC_FONT = "Amiri"
# Its faces embedded in the Arabic template (its licence, the OFL, allows it), as fontconfig
# names them: regular, bold, italic, bold italic.
ARABIC_FACES = ("Regular", "Bold", "Slanted", "Bold Slanted")
CELL_AFTER = 3  # points after each paragraph in a programme cell
TIME_AND_PROGRAMME = (20, 80)  # percent of the table's width


def numbering_xml(
    abstract_id: int, fmt: str, text: str, indent: int, hanging: int, bold: bool = False
) -> str:
    # No font: a bullet or number is set in its paragraph's, restyled with Normal.
    run = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{indent}"/></w:tabs>'
        f'<w:ind w:left="{indent}" w:hanging="{hanging}"/></w:pPr>{run}</w:lvl>'
        f"</w:abstractNum>"
    )


def sections_xml(abstract_id: int) -> str:
    """Sections numbered 1., 2. and their sub-sections 1.1, 1.2 (Working Group proceedings):
    one list of two levels, so that a sub-section counts within its section."""
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{indent}"/></w:tabs>'
        f'<w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr>'
        f"<w:rPr><w:b/><w:bCs/></w:rPr></w:lvl>"
        for level, text, indent in ((0, "%1.", 567), (1, "%1.%2.", 567))
    )
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )


def add_numbering(doc: Document) -> None:
    numbering = doc.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(parse_xml(sections_xml(SECTION_NUM)))
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{SECTION_NUM}">'
            f'<w:abstractNumId w:val="{SECTION_NUM}"/></w:num>'
        )
    )
    definitions = [
        (BODY_NUM, "decimal", "%1.", 567, 567, False),
        (AGENDA_NUM, "decimal", "%1.", 567, 567, True),
        (BULLET_NUM, "bullet", "-", 1134, 283, False),
        # The programme's bullets stand clear of the cell border, their text further in.
        (POINT_NUM, "bullet", "\u2022", 397, 227, False),
        # Items of a list inside the body (recommendations 1–5), indented under a paragraph.
        (ITEM_NUM, "decimal", "%1.", 1134, 567, False),
    ]
    for num_id, fmt, text, indent, hanging, bold in definitions:
        first_num.addprevious(parse_xml(numbering_xml(num_id, fmt, text, indent, hanging, bold)))
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{num_id}"/></w:num>'
            )
        )


def paragraph_style(
    doc: Document,
    name: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: int | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    before: int = 0,
    after: int = 6,
    keep_next: bool = False,
    page_break: bool = False,
    num_id: int | None = None,
    caps: bool = False,
    underline: bool = False,
    rule_below: bool = False,
    base: str = "Normal",
    indent: Length | None = None,
    level: int = 0,
):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    set_font(style, size, bold=bold, italic=italic)
    style.font.all_caps = caps
    style.font.underline = underline or None
    if rule_below:
        add_rule_below(style)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.keep_with_next = keep_next
    fmt.page_break_before = page_break
    if align is not None:
        fmt.alignment = align
    if indent is not None:
        fmt.left_indent = indent
    if num_id is not None:
        # python-docx places numPr where the schema wants it (after keepNext and
        # pageBreakBefore); Word repairs a style with it anywhere else.
        num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = num_id
    return style


def set_font(
    style, size: int | None, *, bold: bool = False, italic: bool = False, name: str | None = None
) -> None:
    """Bold, italic and any font and size given, for every script: Arabic and other
    complex-script text takes its font (w:cs), size (w:szCs), bold (w:bCs) and italic
    (w:iCs) from separate properties, and without them falls back to another font,
    unbolded. Only Normal names a font, and a house style has a size only where it differs
    from Normal's: the others inherit both, so that restyling Normal in Word (its font, its
    size) restyles the whole report, as it does a document of Word's own styles."""
    font = style.font
    font.bold, font.italic = bold, italic
    font.cs_bold, font.cs_italic = bold, italic
    properties = style.element.get_or_add_rPr()
    if name is not None:
        font.name = name
        properties.rFonts.set(qn("w:cs"), name)
    if size is not None:
        font.size = Pt(size)
        size_cs = OxmlElement("w:szCs")
        size_cs.set(qn("w:val"), str(size * 2))
        insert_in_order(properties, size_cs, RUN)


def add_rule_below(style) -> None:
    """A thin rule under the paragraph, across the text block."""
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/>'
        f"</w:pBdr>"
    )
    insert_in_order(style.element.get_or_add_pPr(), border, PARAGRAPH)


def add_styles(doc: Document) -> None:
    normal = doc.styles["Normal"]
    set_font(normal, SIZE, name=FONT)
    normal.paragraph_format.space_after = Pt(6)
    center, justify, right = (
        WD_ALIGN_PARAGRAPH.CENTER,
        WD_ALIGN_PARAGRAPH.JUSTIFY,
        WD_ALIGN_PARAGRAPH.RIGHT,
    )
    paragraph_style(doc, "Report Original", align=right, after=12)
    # The title block and each annex's keep with the first lines of what follows them.
    paragraph_style(
        doc, "Report Document", bold=True, size=14, align=center, after=12, keep_next=True
    )
    paragraph_style(doc, "Report Title", bold=True, align=center, after=6, keep_next=True)
    paragraph_style(doc, "Report Subtitle", italic=True, align=center, after=6, keep_next=True)
    paragraph_style(doc, "Report Date", align=center, after=18, keep_next=True)
    # The title page's foot, well below its title block.
    paragraph_style(doc, "Title Page Publisher", bold=True, align=center, before=192, after=6)
    paragraph_style(doc, "Title Page Date", align=center)
    paragraph_style(doc, "Numbered Paragraph", align=justify, num_id=BODY_NUM)
    paragraph_style(doc, "Report Text", align=justify)
    paragraph_style(doc, "Report Item", align=justify, num_id=ITEM_NUM)
    paragraph_style(doc, "Section Heading", bold=True, before=12, keep_next=True)
    paragraph_style(doc, "Subheading", bold=True, italic=True, before=6, keep_next=True)
    paragraph_style(
        doc, "Numbered Heading", bold=True, before=12, keep_next=True, num_id=SECTION_NUM
    )
    paragraph_style(
        doc,
        "Numbered Subheading",
        bold=True,
        italic=True,
        before=6,
        keep_next=True,
        num_id=SECTION_NUM,
        level=1,
    )
    paragraph_style(doc, "Report Bullet", align=justify, num_id=BULLET_NUM)
    paragraph_style(doc, "Report Note", italic=True, align=center)
    paragraph_style(
        doc, "Annex Heading", bold=True, align=right, after=12, page_break=True, keep_next=True
    )
    # An annex opening with one line ("Annex 3: Title"), or a statement's Original line.
    paragraph_style(doc, "Annex Line", bold=True, after=12, page_break=True, keep_next=True)
    paragraph_style(doc, "Annex Original", align=right, after=12, page_break=True, keep_next=True)
    paragraph_style(doc, "Annex Title", bold=True, align=center, keep_next=True)
    paragraph_style(
        doc, "Annex Subtitle", bold=True, align=center, before=12, after=12, keep_next=True
    )
    paragraph_style(doc, "Agenda Line", bold=True, before=6)
    paragraph_style(doc, "Agenda Item", bold=True, num_id=AGENDA_NUM)
    # Under its item's text, which the agenda list indents by 567 twips (1 cm).
    paragraph_style(doc, "Agenda Note", italic=True, indent=Cm(1))
    # Cell paragraphs: no space before any of them, so the first lines of a row's cells
    # share a baseline whatever paragraph opens the cell; the table's cell margins pad them.
    paragraph_style(doc, "Programme Day", bold=True, align=center, after=CELL_AFTER, keep_next=True)
    paragraph_style(doc, "Programme Time", after=CELL_AFTER)
    paragraph_style(doc, "Programme Title", bold=True, after=CELL_AFTER)
    paragraph_style(doc, "Programme Description", italic=True, align=justify, after=CELL_AFTER)
    paragraph_style(doc, "Programme Point", italic=True, after=CELL_AFTER, num_id=POINT_NUM)
    paragraph_style(doc, "Programme Header", bold=True, align=center, after=CELL_AFTER)
    paragraph_style(
        doc,
        "Participants Section",
        bold=True,
        size=13,
        before=18,
        after=12,
        keep_next=True,
        rule_below=True,
    )
    paragraph_style(doc, "Delegation Heading", bold=True, before=6, after=6, keep_next=True)
    # A delegation holds together: every paragraph of it keeps with the next but the last
    # delegate's details, which arrange marks (Person.last) for the style of their own.
    paragraph_style(doc, "Delegate Name", after=0, keep_next=True)
    paragraph_style(doc, "Delegate Details", after=6, keep_next=True)
    paragraph_style(doc, "Delegate Details Last", after=6, base="Delegate Details")


def add_page_number(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        (None, "PAGE"),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        elif text == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        else:
            run._r.append(OxmlElement("w:t"))
            run._r[-1].text = text


def shade(cell, fill: str) -> None:
    shading = parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    cell._tc.get_or_add_tcPr().append(shading)


def add_body(doc: Document) -> None:
    """The title block, then markers where reportkit puts the report's text (`body`) and
    each annex's (`annex.content`): those paragraphs are written in the styles above, so
    restyling the styles restyles them. The annexes' headings, title lines and the
    programme's table stay in the template, to be arranged and restyled in Word."""
    p = doc.add_paragraph
    p("{%p if title.original %}")
    p("{{ title.original }}", "Report Original")
    p("{%p endif %}")
    p("{{ title.document }}", "Report Document")
    p("{{ title.title }}", "Report Title")
    p("{%p if title.subtitle %}")
    p("{{ title.subtitle }}", "Report Subtitle")
    p("{%p endif %}")
    p("{{ title.date_line }}", "Report Date")
    p("{%p if title.page %}")
    p("{{ title.publisher }}", "Title Page Publisher")
    p("{{ title.month }}", "Title Page Date")
    p("{%p endif %}")
    p("{{ body }}")
    p("{%p for annex in annexes %}")
    p('{%p if annex.form == "line" %}')
    p("{{ annex.heading }}", "Annex Line")
    p('{%p elif annex.form == "statement" %}')
    p("{{ annex.original }}", "Annex Original")
    p("{{ annex.subtitle }}", "Annex Title")
    p("{%p if annex.title %}")
    p("{{ annex.title }}", "Annex Title")
    p("{%p endif %}")
    p("{{ annex.date_line }}", "Report Date")
    p("{%p else %}")
    p("{{ annex.heading }}", "Annex Heading")
    p("{%p if annex.title %}")
    p("{{ annex.title }}", "Annex Title")
    p("{%p endif %}")
    p("{{ annex.date_line }}", "Report Date")
    p("{%p if annex.subtitle %}")
    p("{{ annex.subtitle }}", "Annex Subtitle")
    p("{%p endif %}")
    p("{%p endif %}")
    p("{%p if annex.note %}")
    p("{{ annex.note }}", "Report Subtitle")
    p("{%p endif %}")
    p("{%p if annex.programme %}")
    add_programme_table(doc)
    p("{%p endif %}")
    p("{{ annex.content }}")
    p("{%p endfor %}")


def add_programme_table(doc: Document) -> None:
    table = doc.add_table(rows=6, cols=2)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fit_to_text_block(table)
    header, loop, day_if, day, slot, end = table.rows
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for row in (header, day, slot):
        # A row moves to the next page whole: never a bullet alone under an empty time.
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for cell, text in zip(
        header.cells, ("{{ labels.time }}", "{{ labels.programme }}"), strict=True
    ):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = doc.styles["Programme Header"]
        shade(cell, "D9D9D9")
    loop.cells[0].paragraphs[0].text = "{%tr for row in annex.programme %}"
    day_if.cells[0].paragraphs[0].text = "{%tr if row.day %}"
    merged = day.cells[0].merge(day.cells[1])
    set_cell_width(merged, 100)
    merged.paragraphs[0].text = "{{ row.day }}"
    merged.paragraphs[0].style = doc.styles["Programme Day"]
    shade(merged, "F2F2F2")
    slot.cells[0].paragraphs[0].text = "{{ row.time }}"
    slot.cells[0].paragraphs[0].style = doc.styles["Programme Time"]
    content = slot.cells[1]
    lines = [
        ("{%p if row.title %}", None),
        ("{{r row.title }}", "Programme Title"),
        ("{%p endif %}", None),
        ("{%p if row.description %}", None),
        ("{{r row.description }}", "Programme Description"),
        ("{%p endif %}", None),
        ("{%p for point in row.points %}", None),
        ("{{r point }}", "Programme Point"),
        ("{%p endfor %}", None),
    ]
    content.paragraphs[0].text = lines[0][0]
    for text, style in lines[1:]:
        content.add_paragraph(text, style)
    end.cells[0].paragraphs[0].text = "{%tr endfor %}"
    # docxtpl needs the if/else/endif rows: split the day row's conditional around the slot row.
    else_row = parse_xml(loop._tr.xml)
    else_row.find(".//" + qn("w:t")).text = "{%tr else %}"
    day._tr.addnext(else_row)
    endif_row = parse_xml(loop._tr.xml)
    endif_row.find(".//" + qn("w:t")).text = "{%tr endif %}"
    slot._tr.addnext(endif_row)


def fit_to_text_block(table) -> None:
    """The table spans the text block whatever its margins (a percentage, not 16 cm), its
    columns share it 20:80, and every cell is padded alike."""
    widths = (Cm(3.2), Cm(12.8))  # the grid for the default margins; Word rescales it
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, percent in zip(row.cells, TIME_AND_PROGRAMME, strict=True):
            set_cell_width(cell, percent)
    table.autofit = True
    properties = table._tbl.tblPr
    width = properties.find(qn("w:tblW"))
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), "5000")
    margins = parse_xml(
        f"<w:tblCellMar {nsdecls('w')}>"
        f'<w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        f'<w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        f"</w:tblCellMar>"
    )
    insert_in_order(properties, margins, TABLE)


def set_cell_width(cell, percent: int) -> None:
    """A cell's preferred width as a share of the table (in fiftieths of a percent)."""
    width = cell._tc.get_or_add_tcPr().get_or_add_tcW()
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), str(percent * 50))


def setup_page(doc: Document) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    header = section.header.paragraphs[0]
    header.text = "{{ title.running_head }}"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_page_number(footer)


def setup_settings(doc: Document) -> None:
    """python-docx's default settings lack the zoom percentage the schema requires, ask
    Word to save a thumbnail of the first page, which would show the template's tags, are
    those of Word 2010 (which Word opens in "[Compatibility Mode]") and say the spelling
    was checked."""
    settings = doc.settings.element
    settings.find(qn("w:zoom")).set(qn("w:percent"), "100")
    settings.remove(settings.find(qn("w:savePreviewPicture")))
    settings.remove(settings.find(qn("w:proofState")))
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), COMPATIBILITY_MODE)


def set_defaults(doc: Document) -> None:
    """Explicit document defaults in place of python-docx's (theme fonts, 11 pt, 1.15 lines):
    one font for every script, complex-script (Arabic) text included, single spacing."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    defaults.getparent().replace(
        defaults,
        parse_xml(
            f"<w:docDefaults {nsdecls('w')}>"
            f"<w:rPrDefault><w:rPr>"
            f'<w:rFonts w:ascii="{FONT}" w:eastAsia="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
            f'<w:sz w:val="24"/><w:szCs w:val="24"/>'
            f'<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/>'
            f"</w:rPr></w:rPrDefault>"
            f'<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
            f"</w:pPr></w:pPrDefault>"
            f"</w:docDefaults>"
        ),
    )


def clean_leftovers(doc: Document) -> None:
    """What python-docx's default document brings that no report needs: a thumbnail,
    stylesWithEffects, an app.xml of "Microsoft Macintosh Word", an empty bibliography
    store (customXml) and a description saying "generated by python-docx"."""
    clean_package(doc)
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML:
            del doc.part.rels[rel_id]
    props = doc.core_properties
    props.author = props.comments = ""


def make() -> Document:
    doc = Document()
    setup_settings(doc)
    add_numbering(doc)
    add_styles(doc)
    footnote_styles(doc)
    setup_page(doc)
    add_body(doc)
    set_defaults(doc)
    clean_leftovers(doc)
    return doc


def set_language(doc: Document, language: str, bidi_language: str = "ar-SA") -> None:
    """The language Word proofs the text in (`w:lang`), on the document defaults."""
    lang = doc.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
    lang.set(qn("w:val"), language)
    lang.set(qn("w:bidi"), bidi_language)


def right_to_left(doc: Document) -> None:
    """The Arabic edition's layout: every paragraph right to left (`w:bidi` on the
    defaults), the page and the programme table too, and an Arabic typeface for complex
    script text, a size larger than the Latin, as Arabic is set. Word reads a paragraph's
    left and right alignment as its start and end, so styles keep their alignment. The
    programme's times are digits, which a right-to-left run sets in the complex-script size:
    at the Latin size a time range fits its column on one line, as in the other editions."""
    styles = doc.styles.element
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
    insert_in_order(defaults, OxmlElement("w:bidi"), PARAGRAPH)
    for part in (styles, doc.part.numbering_part.element):
        for fonts in part.iter(qn("w:rFonts")):
            if fonts.get(qn("w:cs")):
                fonts.set(qn("w:cs"), ARABIC_FONT)
        for size in part.iter(qn("w:szCs")):
            size.set(qn("w:val"), str(int(size.get(qn("w:val"))) + 4))
    times = doc.styles["Programme Time"].element.get_or_add_rPr()
    size_cs = OxmlElement("w:szCs")
    size_cs.set(qn("w:val"), str(SIZE * 2))
    insert_in_order(times, size_cs, RUN)
    for section in doc.sections:
        insert_in_order(section._sectPr, OxmlElement("w:bidi"), SECTION)
    for table in doc.tables:
        insert_in_order(table._tbl.tblPr, OxmlElement("w:bidiVisual"), TABLE)


def main(folder: Path) -> None:
    """The template of each edition: English (`report.docx`), French, Arabic."""
    make().save(folder / "report.docx")
    french = make()
    set_language(french, "fr-FR")
    french.save(folder / "report.fr.docx")
    arabic = make()
    set_language(arabic, "ar-SA")
    right_to_left(arabic)
    embed_font(arabic, ARABIC_FONT, [installed_face(ARABIC_FONT, s) for s in ARABIC_FACES])
    arabic.save(folder / "report.ar.docx")


def installed_face(family: str, style: str) -> bytes:
    """The font file fontconfig has for a face; an error when it has only another family's
    (fc-match falls back to one silently)."""
    found = subprocess.run(
        ["fc-match", "-f", "%{family}\t%{style}\t%{file}", f"{family}:style={style}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    families, styles, file = found.split("\t")
    if family not in families.split(",") or style not in styles.split(","):
        raise SystemExit(f"{family} {style} is not installed: fc-match gives {found}")
    return Path(file).read_bytes()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("templates"))
