"""Templates are checked before use: every mistake one located line, in one run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from reportkit.model import Language
from reportkit.render import default_template
from reportkit.template_check.styles import REQUIRED_STYLES
from tests.commands import reportkit_cli as run
from tests.conftest import ROOT, SAMPLE

Edit = Callable[[DocumentObject], None]


def exported(folder: Path) -> Path:
    """The shipped templates exported into `folder`; the English one's path."""
    result = run("templates", "export", str(folder))
    assert result.returncode == 0, result.stderr
    names = ["report.docx", "report.fr.docx", "report.ar.docx"]
    assert result.stdout.splitlines() == [str(folder / name) for name in names]
    return folder / "report.docx"


def restyled(tmp_path: Path, edit: Edit, name: str = "custom.docx") -> Path:
    """The shipped template changed by `edit`, as a person would in Word."""
    document = Document(str(default_template()))
    edit(document)
    target = tmp_path / name
    document.save(str(target))
    return target


def set_text(index: int, text: str) -> Edit:
    """Replace the text of body paragraph `index` (0-based, as python-docx counts)."""

    def edit(document: DocumentObject) -> None:
        paragraph = document.paragraphs[index]
        for run_ in paragraph.runs[1:]:
            run_._r.getparent().remove(run_._r)
        paragraph.runs[0].text = text

    return edit


def check_lines(template: Path) -> tuple[int, list[str]]:
    result = run("templates", "check", str(template))
    return result.returncode, result.stdout.splitlines()


def insert_before(index: int, text: str) -> Edit:
    def edit(document: DocumentObject) -> None:
        document.paragraphs[index].insert_paragraph_before(text)

    return edit


def five_mistakes(document: DocumentObject) -> None:
    set_text(4, "{{ title.title | }}")(document)  # Jinja syntax
    set_text(8, "{{ title.date_lin }}")(document)  # a misspelt name
    set_text(40, "{%p endfor %} See the annexes.")(document)  # text beside a {%p %} tag
    insert_before(9, "{%p if symbol %}")(document)  # a block never closed
    document.styles["Delegate Details"].name = "Delegate Info"  # a renamed style


FIVE = [
    "body, paragraph 5: the tag {{ title.title | }} is broken: expected token 'name', got 'end"
    " of print statement' — correct it in Word; `reportkit templates export` writes the shipped"
    " template, whose tags show the forms that work",
    'body, paragraph 9: unknown name "title.date_lin" in {{ title.date_lin }} — did you mean'
    " title.date_line? title has: date_line, document, first_page, month, original, page,"
    " publisher, running_head, subtitle, title",
    "body, paragraph 10: {%p if symbol %} is never closed — add {%p endif %} where the block"
    " should end",
    'body, paragraph 42: text beside {%p endfor %} is dropped: "See the annexes." — a {%p %} tag'
    " replaces its whole paragraph: move the text to a paragraph of its own",
    'styles: the style "Delegate Details" was renamed "Delegate Info" — give it back its name'
    ' "Delegate Details": reportkit finds styles by name',
]


@pytest.mark.parametrize("language", Language)
def test_each_exported_template_has_no_problems(tmp_path: Path, language: Language) -> None:
    exported(tmp_path / "styles")
    template = tmp_path / "styles" / default_template(language).name
    assert template.read_bytes() == default_template(language).read_bytes()
    assert check_lines(template) == (0, [f"{template}: no problems"])


def test_five_seeded_mistakes_are_five_located_lines(tmp_path: Path) -> None:
    template = restyled(tmp_path, five_mistakes)
    status, lines = check_lines(template)
    assert status == 1
    assert lines == [f"{template}: {line}" for line in FIVE] + [f"{template}: 5 errors"]
    for line in lines:
        assert not re.search(r"object|Error|reportkit\.\w|__", line), line


def test_build_runs_the_same_check_first_and_writes_nothing(tmp_path: Path) -> None:
    template = restyled(tmp_path, five_mistakes)
    result = run("build", str(SAMPLE), "-o", str(tmp_path / "out"), "--template", str(template))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{template}: {line}" for line in FIVE]
    assert result.stdout == ""
    assert not (tmp_path / "out").exists()


def test_a_template_spoiled_after_a_build_is_refused_before_anything_is_rebuilt(
    tmp_path: Path,
) -> None:
    """A run whose reports are all up to date does not check their template again; one
    changed since, mistakes and all, is checked, and refused as on a first build."""
    template = restyled(tmp_path, lambda document: None)
    command = ("build", str(SAMPLE), "-o", str(tmp_path / "out"), "--template", str(template))
    assert run(*command).returncode == 0
    report = tmp_path / "out" / "comcec-digital-2022.docx"
    built = report.read_bytes()
    restyled(tmp_path, five_mistakes)
    result = run(*command)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{template}: {line}" for line in FIVE]
    assert report.read_bytes() == built


def remove_paragraph(index: int) -> Edit:
    def edit(document: DocumentObject) -> None:
        element = document.paragraphs[index]._p
        element.getparent().remove(element)

    return edit


def in_header(text: str) -> Edit:
    def edit(document: DocumentObject) -> None:
        document.sections[0].header.paragraphs[0].text = text

    return edit


def in_cell(row: int, cell: int, text: str) -> Edit:
    def edit(document: DocumentObject) -> None:
        document.tables[0].rows[row].cells[cell].paragraphs[0].text = text

    return edit


def tags_removed(document: DocumentObject) -> None:
    body = document.element.body
    for element in list(body):
        if element.tag.endswith("}p") or element.tag.endswith("}tbl"):
            body.remove(element)
    document.add_paragraph("Report of the meeting")
    document.sections[0].header.paragraphs[0].text = ""


CASES: dict[str, tuple[Edit, list[str]]] = {
    "a tag of another kind closes a block": (
        set_text(40, "{% endfor %}"),
        [
            "body, paragraph 41: {% endfor %} belongs to {%p for annex in annexes %} (body,"
            " paragraph 15), a tag of another kind — write it {%p endfor %}, as its block opens"
        ],
    ),
    "a stray end": (
        insert_before(9, "{%p endif %}"),
        [
            "body, paragraph 10: {%p endif %} closes no open block — delete it, or add the"
            " {%p if … %} it closes before it"
        ],
    ),
    "an inner block left open": (
        remove_paragraph(36),
        [
            "body, paragraph 35: {%p if annex.note %} is still open where {%p endfor %}"
            " closes its for block — close it first: add {%p endif %} before {%p endfor %}"
            " (body, paragraph 40)"
        ],
    ),
    "an else outside any block": (
        insert_before(9, "{%p else %}"),
        [
            "body, paragraph 10: {%p else %} is outside any for or if block — delete it, or put"
            " it between the block's opening and closing tags"
        ],
    ),
    "a misspelt loop variable's name": (
        set_text(25, "{{ annex.heding }}"),
        [
            'body, paragraph 26: unknown name "annex.heding" in {{ annex.heding }} — did you'
            " mean annex.heading? annex has: content, date_line, form, heading, note, original,"
            " programme, subtitle, title"
        ],
    ),
    "an unknown filter": (
        set_text(4, "{{ title.title|shout }}"),
        [
            "body, paragraph 5: the tag {{ title.title|shout }} is broken: no filter named"
            " 'shout' — correct it in Word; `reportkit templates export` writes the shipped"
            " template, whose tags show the forms that work"
        ],
    ),
    "a broken tag in the header": (
        in_header("{{ symbol }"),
        [
            'header, paragraph 1: the tag "{{ symbol }" is not closed in its paragraph — end it'
            " with }} in the same paragraph, or delete it"
        ],
    ),
    "text beside a row tag": (
        in_cell(1, 1, "Times are Ankara time"),
        [
            "body, table 1, row 2, cell 1: text beside {%tr for row in annex.programme %} is"
            ' dropped: "Times are Ankara time" — a {%tr %} tag replaces its whole table row: move'
            " the text to a table row of its own"
        ],
    ),
    "a row tag outside a table": (
        insert_before(9, "{%tr if symbol %}"),
        [
            "body, paragraph 10: {%tr if symbol %} is not in a table row — a {%tr %} tag goes in"
            " the table row it repeats or hides; outside tables use {%p %}"
        ],
    ),
    "a shipped tag no longer there": (
        remove_paragraph(35),
        [
            "body: nothing prints {{ annex.note }}, which the shipped template prints (body,"
            " paragraph 36): the report would leave it out — put the tag back where the report"
            " should show it"
        ],
    ),
    "a style missing": (
        lambda d: (
            d.styles["Programme Point"]
            .element.getparent()
            .remove(d.styles["Programme Point"].element)
        ),
        [
            'styles: the paragraph style "Programme Point" is missing — copy it from the shipped'
            " template (`reportkit templates export`), or start from that template"
        ],
    ),
    "no tags at all": (
        tags_removed,
        [
            "body: the template has none of the shipped template's tags: the report would show"
            " nothing of the meeting — start from the shipped template (`reportkit templates"
            " export DIR`) and restyle it"
        ],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_each_mistake_is_one_located_line(tmp_path: Path, case: str) -> None:
    edit, expected = CASES[case]
    template = restyled(tmp_path, edit)
    status, lines = check_lines(template)
    assert status == 1
    assert lines == [f"{template}: {line}" for line in expected] + [f"{template}: 1 error"]


def test_word_s_typographic_quotes_and_other_loop_names_are_fine(tmp_path: Path) -> None:
    def edit(document: DocumentObject) -> None:
        set_text(30, "{%p if annex.subtitle != ‘’ %}")(document)
        set_text(29, "{% set when = annex.date_line %}{{ when|upper }}")(document)
        set_text(25, "{{ annex['heading'] }}")(document)
        points = document.tables[0].rows[5].cells[1].paragraphs
        points[6].text = "{%p for bullet in row.points %}"
        points[7].text = "{{r bullet }}"

    template = restyled(tmp_path, edit)
    assert check_lines(template) == (0, [f"{template}: no problems"])


def test_an_exported_template_restyled_with_python_docx_builds(tmp_path: Path) -> None:
    template = exported(tmp_path / "styles")
    document = Document(str(template))
    document.styles["Normal"].font.name = "Arial"
    document.styles["Numbered Paragraph"].font.size = Pt(13)
    document.styles["Delegate Name"].font.bold = True
    document.save(str(template))
    assert check_lines(template) == (0, [f"{template}: no problems"])
    result = run("build", str(SAMPLE), "-o", str(tmp_path / "out"), "--template", str(template))
    assert result.returncode == 0, result.stderr
    built = Document(str(tmp_path / "out" / "comcec-digital-2022.docx"))
    assert built.styles["Normal"].font.name == "Arial"
    numbered = [p for p in built.paragraphs if p.style.name == "Numbered Paragraph"]
    assert len(numbered) == 13
    assert numbered[0].style.font.size == Pt(13)


def test_export_never_replaces_a_template_without_force(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(b"our restyled template")
    refused = run("templates", "export", str(tmp_path))
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        f"{target}: the file exists — export elsewhere, or add --force"
    ]
    assert target.read_bytes() == b"our restyled template"
    assert run("templates", "export", str(tmp_path), "--force").returncode == 0
    assert target.read_bytes() == default_template().read_bytes()


def test_content_refused_for_safety_and_mistakes_are_said_in_one_run(tmp_path: Path) -> None:
    def edit(document: DocumentObject) -> None:
        set_text(8, "{{ title.date_lin }}")(document)
        field = (
            f'<w:fldSimple {nsdecls("w")} w:instr=" INCLUDETEXT &quot;file:///etc/passwd&quot; ">'
            "<w:r><w:t>x</w:t></w:r></w:fldSimple>"
        )
        document.paragraphs[13]._p.append(parse_xml(field))

    template = restyled(tmp_path, edit)
    status, lines = check_lines(template)
    assert status == 1
    assert lines[0].startswith(
        f'{template}: word/document.xml: an INCLUDETEXT field (INCLUDETEXT "file:///etc/passwd")'
    )
    assert lines[1:] == [
        f'{template}: body, paragraph 9: unknown name "title.date_lin" in {{{{ title.date_lin }}}}'
        " — did you mean title.date_line? title has: date_line, document, first_page, month,"
        " original, page, publisher, running_head, subtitle, title",
        f"{template}: 2 errors",
    ]


def test_a_file_that_is_no_template_is_one_line(tmp_path: Path) -> None:
    fake = tmp_path / "custom.docx"
    fake.write_text("Delegation,First name\n", encoding="utf-8")
    status, lines = check_lines(fake)
    assert status == 1
    assert len(lines) == 2
    assert lines[0] == (
        f"{fake}: this is a text file, not a Word document — open it in Word and save it as .docx"
    )


def test_the_templates_page_lists_the_styles_reportkit_relies_on() -> None:
    page = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    table = page[page.index("| Style | Used for |") : page.index("Ordering, numbering")]
    listed = [
        name.strip()
        for row in table.splitlines()[2:]
        if row.startswith("|")
        for name in row.split("|")[1].split(",")
    ]
    assert sorted(listed) == sorted(REQUIRED_STYLES)


def test_an_installed_copy_exports_its_template_and_its_help_names_no_source_path(
    tmp_path: Path,
) -> None:
    """As after `pip install reportkit` (not editable): no templates/ folder beside it."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("reportkit", "templates"):
        shutil.copytree(
            ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    installed = tmp_path / "installed"
    pip = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(installed),
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert pip.returncode == 0, pip.stderr
    env = {**os.environ, "PYTHONPATH": str(installed)}
    work = tmp_path / "work"
    work.mkdir()
    helps = [
        run(*command, "-h", cwd=work, env=env).stdout for command in ([], ["build"], ["templates"])
    ]
    assert all(text and "templates/report.docx" not in text for text in helps)
    exported_copy = run("templates", "export", "styles", cwd=work, env=env)
    assert exported_copy.returncode == 0, exported_copy.stderr
    assert (work / "styles" / "report.docx").read_bytes() == default_template().read_bytes()
    module = subprocess.run(
        [sys.executable, "-c", "import reportkit; print(reportkit.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert module.stdout.startswith(str(installed))
