"""Render's shortcuts around python-docx and docxtpl do what the long way did.

Each is held to the library's own result: the style names python-docx's style objects
give, and docxtpl's handling of tabs and breaks in rendered text, which the template
skips for text that holds none.
"""

from __future__ import annotations

import pytest
from docx import Document
from docxtpl import DocxTemplate
from hypothesis import given, settings
from hypothesis import strategies as st

from reportkit.model import Language
from reportkit.render import default_template
from reportkit.render.styled import style_ids
from reportkit.render.template import _StrictDocxTemplate


@pytest.mark.parametrize("language", list(Language))
def test_style_ids_are_python_docx_s_names_and_ids(language: Language) -> None:
    document = Document(str(default_template(language)))
    expected = {s.name: s.style_id for s in document.styles if s.name}
    assert style_ids(document) == expected
    assert "Heading 1" in expected  # a built-in style, named as Word shows it


_TEXT = st.text(alphabet="ab &<>\t\n\a\f\u0645", max_size=12)


def _paragraph(texts: list[str], properties: str) -> str:
    runs = "".join(
        f'<w:r>{properties}<w:t xml:space="preserve">{text.replace("&", "&amp;").replace("<", "&lt;")}</w:t></w:r>'
        for text in texts
    )
    return f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{runs}<w:r><w:tab/></w:r></w:p>'


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(_TEXT, min_size=1, max_size=3), min_size=1, max_size=3),
    st.sampled_from(["", "<w:rPr><w:b/></w:rPr>"]),
)
def test_listing_is_docxtpl_s_whether_or_not_it_is_skipped(
    paragraphs: list[list[str]], properties: str
) -> None:
    xml = "\n<w:body>" + "".join(_paragraph(p, properties) for p in paragraphs) + "</w:body>"
    template = _StrictDocxTemplate.__new__(_StrictDocxTemplate)
    assert template.resolve_listing(xml) == DocxTemplate.resolve_listing(template, xml)


def test_text_without_tabs_or_breaks_is_left_as_it_is_and_with_them_is_not() -> None:
    template = _StrictDocxTemplate.__new__(_StrictDocxTemplate)
    plain = _paragraph(["Opening\u00a0session", "10:00 – 11:00"], "")
    assert template.resolve_listing(plain) is plain
    broken = _paragraph(["Opening\nsession"], "")
    assert "<w:br/>" in template.resolve_listing(broken)


def test_a_patched_part_is_docxtpl_s_patch_on_every_build() -> None:
    template = DocxTemplate(str(default_template()))
    template.init_docx()
    xml = template.get_xml()
    expected = DocxTemplate.patch_xml(template, xml)
    strict = _StrictDocxTemplate(str(default_template()))
    assert strict.patch_xml(xml) == expected
    assert strict.patch_xml(xml) == expected  # the second build's, kept from the first
    other = xml.replace("{{", "{{ 1 + ", 1)
    assert strict.patch_xml(other) == DocxTemplate.patch_xml(template, other) != expected
