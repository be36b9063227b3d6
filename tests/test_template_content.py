"""What a template would make every report fetch from outside is refused, located, all at once."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from tests.conftest import SAMPLE
from tests.templates import build, rewritten_template

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
FIELD_HINT = (
    "remove the field from the template: Word would fill it from a file or a program outside"
    " the report"
)
LINK_HINT = "remove it from the template; links may go to http(s) and mailto addresses only"
FETCH_HINT = "remove it from the template: Word would fetch it from outside whenever a report opens"
BUILT_HINT = (
    "tags in the template build it; change them, since Word would fetch outside content into"
    " every report"
)


def relationship(rid: str, kind: str, target: str, external: bool = True) -> str:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{target}"{mode}/>'


def adding_relationships(*relationships: str):  # type: ignore[no-untyped-def]
    return lambda xml: xml.replace("</Relationships>", "".join(relationships) + "</Relationships>")


def adding_to_body(paragraphs: str):  # type: ignore[no-untyped-def]
    """Paragraphs put at the end of the body, before its section properties."""
    return lambda xml: xml.replace("<w:sectPr", paragraphs + "<w:sectPr", 1)


def complex_field(*instructions: str) -> str:
    runs = "".join(
        f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'
        for text in instructions
    )
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>result</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_everything_fetched_from_outside_is_refused_at_once(tmp_path: Path) -> None:
    link = complex_field("LINK Excel.Sheet.12 &quot;C:\\\\budget.xlsx&quot; Sheet1")
    body = (
        '<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;file:///etc/passwd&quot; ">'
        "<w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>"
        f"<w:p>{complex_field('DDEAUTO cmd ', '&quot;/c calc&quot;')}</w:p>"
        # A field nested in another's instruction: the inner one fetches, the IF does not.
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve">IF 1 = 1 "</w:instrText></w:r>'
        f"{link}"
        '<w:r><w:instrText xml:space="preserve">" ""</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        f"<w:p>{complex_field('HYPERLINK &quot;file:///C:/secret.docx&quot;')}</w:p>"
        '<w:p><w:altChunk r:id="rId93"/></w:p>'
    )
    # In the footer, an INCLUDEPICTURE split over two runs, as Word often saves it.
    footer = complex_field(" INCLUDE", 'PICTURE "http://tracker.example/p.png" \\d ')
    settings_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">'
        f"{relationship('rId1', 'attachedTemplate', 'file:///C:/Templates/Normal.dotm')}"
        "</Relationships>"
    )
    template = rewritten_template(
        tmp_path,
        {
            "word/document.xml": adding_to_body(body),
            "word/footer1.xml": lambda xml: xml.replace(
                "</w:p></w:ftr>", f"{footer}</w:p></w:ftr>"
            ),
            "word/_rels/document.xml.rels": adding_relationships(
                relationship("rId90", "hyperlink", "file:///etc/passwd"),
                relationship("rId91", "hyperlink", "https://www.comcec.org/"),
                relationship("rId92", "image", "http://tracker.example/pixel.png"),
                relationship("rId93", "aFChunk", "afchunk.mht", external=False),
                relationship("rId94", "hyperlink", "\\\\fileserver\\share\\minutes.docx"),
                relationship("rId95", "oleObject", "file:///C:/budget.xlsx"),
                relationship("rId96", "subDocument", "annex.docx"),
            ),
        },
        {"word/_rels/settings.xml.rels": settings_rels, "word/afchunk.mht": "MIME-Version: 1.0"},
    )
    result = build(SAMPLE, tmp_path / "out", template)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f'{template}: word/document.xml: an INCLUDETEXT field (INCLUDETEXT "file:///etc/passwd") — {FIELD_HINT}',
        f'{template}: word/document.xml: a DDEAUTO field (DDEAUTO cmd "/c calc") — {FIELD_HINT}',
        f'{template}: word/document.xml: a LINK field (LINK Excel.Sheet.12 "C:\\\\budget.xlsx" Sheet1) — {FIELD_HINT}',
        f"{template}: word/document.xml: a HYPERLINK field to file:///C:/secret.docx — {LINK_HINT}",
        f"{template}: word/_rels/document.xml.rels: an external link to file:///etc/passwd (rId90) — {LINK_HINT}",
        f"{template}: word/_rels/document.xml.rels: a picture loaded from http://tracker.example/pixel.png (rId92) — {FETCH_HINT}",
        f"{template}: word/_rels/document.xml.rels: an imported document (altChunk) afchunk.mht (rId93)"
        " — remove it from the template: Word would merge its content into every report; paste the"
        " content into the template instead",
        f"{template}: word/_rels/document.xml.rels: an external link to \\\\fileserver\\share\\minutes.docx (rId94) — {LINK_HINT}",
        f"{template}: word/_rels/document.xml.rels: a linked object loaded from file:///C:/budget.xlsx (rId95) — {FETCH_HINT}",
        f"{template}: word/_rels/document.xml.rels: a subdocument loaded from annex.docx (rId96) — {FETCH_HINT}",
        f"{template}: word/footer1.xml: an INCLUDEPICTURE field (INCLUDEPICTURE"
        f' "http://tracker.example/p.png" \\d) — {FIELD_HINT}',
        f"{template}: word/_rels/settings.xml.rels: an attached template loaded from"
        f" file:///C:/Templates/Normal.dotm (rId1) — {FETCH_HINT}",
    ]
    assert not (tmp_path / "out" / "comcec-digital-2022.docx").exists()


def test_web_and_mail_links_are_house_style_and_build(tmp_path: Path) -> None:
    web = complex_field("HYPERLINK &quot;https://www.sesric.org/&quot; \\o &quot;SESRIC&quot;")
    bookmark = complex_field("HYPERLINK \\l &quot;annex-1&quot;")
    body = (
        '<w:p><w:hyperlink r:id="rId91"><w:r><w:t>www.comcec.org</w:t></w:r></w:hyperlink></w:p>'
        '<w:p><w:hyperlink r:id="rId92"><w:r><w:t>Write to us</w:t></w:r></w:hyperlink></w:p>'
        f"<w:p>{web}</w:p><w:p>{bookmark}</w:p>"
    )
    template = rewritten_template(
        tmp_path,
        {
            "word/document.xml": adding_to_body(body),
            "word/_rels/document.xml.rels": adding_relationships(
                relationship("rId91", "hyperlink", "https://www.comcec.org/"),
                relationship("rId92", "hyperlink", "mailto:cco@comcec.org"),
            ),
        },
    )
    result = build(SAMPLE, tmp_path / "out", template)
    assert result.returncode == 0, result.stderr
    report = Document(str(tmp_path / "out" / "comcec-digital-2022.docx"))
    links = sorted(r.target_ref for r in report.part.rels.values() if r.is_external)
    assert links == ["https://www.comcec.org/", "mailto:cco@comcec.org"]
    texts = [p.text for p in report.paragraphs]
    assert "www.comcec.org" in texts
    assert "Write to us" in texts


def test_fields_assembled_by_tags_are_refused_once_rendered(tmp_path: Path) -> None:
    """The template holds no INCLUDETEXT, LINK or DDE field as written; its tags make them."""
    raw_field = (
        '&lt;w:r&gt;&lt;w:fldChar w:fldCharType="begin"/&gt;&lt;/w:r&gt;'
        "&lt;w:r&gt;&lt;w:instrText&gt;DDE cmd&lt;/w:instrText&gt;&lt;/w:r&gt;"
        '&lt;w:r&gt;&lt;w:fldChar w:fldCharType="end"/&gt;&lt;/w:r&gt;'
    )
    link = complex_field("{{ 'LI' ~ 'NK' }} Excel.Sheet &quot;C:\\\\x.xlsx&quot;")
    body = (
        "<w:p><w:fldSimple w:instr=\"{{ 'INCLUDE' }}TEXT &quot;file:///etc/passwd&quot;\">"
        "<w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>"
        f"<w:p>{link}</w:p>"
        f"<w:p><w:r><w:t>{{{{ '{raw_field}'|safe }}}}</w:t></w:r></w:p>"
    )
    template = rewritten_template(tmp_path, {"word/document.xml": adding_to_body(body)})
    result = build(SAMPLE, tmp_path / "out", template)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f'{template}: word/document.xml (as rendered): an INCLUDETEXT field (INCLUDETEXT "file:///etc/passwd") — {BUILT_HINT}',
        f'{template}: word/document.xml (as rendered): a LINK field (LINK Excel.Sheet "C:\\\\x.xlsx") — {BUILT_HINT}',
        f"{template}: word/document.xml (as rendered): a DDE field (DDE cmd) — {BUILT_HINT}",
    ]
    assert not (tmp_path / "out" / "comcec-digital-2022.docx").exists()
