"""A template restyled before title pages, running heads and annex forms existed still
builds every meeting that does not ask for them, and is refused, in one line, for one that
does — never printed without what the meeting asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from reportkit.render import default_template
from tests.commands import reportkit_cli
from tests.templates import build

SAMPLES = Path(__file__).resolve().parents[1] / "inputs"


def older_template(target: Path) -> Path:
    """The shipped template as it was before those features: no title page paragraphs, one
    annex form, the symbol in the header, none of their styles."""
    document = Document(str(default_template()))
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    page = texts.index("{%p if title.page %}")
    forms = texts.index('{%p if annex.form == "line" %}')
    block = texts.index("{%p else %}", forms)
    forms_end = texts.index("{%p if annex.note %}", block) - 1
    assert texts[forms_end] == "{%p endif %}"
    dropped = [*range(page, page + 4), *range(forms, block + 1), forms_end]
    for index in dropped:
        element = paragraphs[index]._element
        element.getparent().remove(element)
    header = document.sections[0].header.paragraphs[0]
    assert header.text == "{{ title.running_head }}"
    header.runs[0].text = "{{ symbol }}"
    for name in ("Title Page Publisher", "Title Page Date", "Annex Line", "Annex Original"):
        document.styles[name].delete()
    document.save(str(target))
    return target


@pytest.fixture(scope="module")
def older(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return older_template(tmp_path_factory.mktemp("older") / "our-style.docx")


def test_the_check_warns_of_what_it_cannot_print_and_finds_no_error(older: Path) -> None:
    result = reportkit_cli("templates", "check", str(older))
    assert result.returncode == 0, result.stdout + result.stderr
    warned = [line for line in (result.stdout + result.stderr).splitlines() if "warning" in line]
    assert [line.split(": warning: ")[1].split(",")[0] for line in warned] == [
        "this template cannot print a title page",
        "this template cannot print a running head",
        "this template cannot print line and statement annexes",
    ]


def test_a_meeting_that_asks_for_none_of_them_builds_as_with_the_shipped_one(
    older: Path, tmp_path: Path
) -> None:
    workbook = SAMPLES / "comcec-digital-2022.xlsx"
    result = build(workbook, tmp_path / "older", older)
    assert result.returncode == 0, result.stderr
    assert build(workbook, tmp_path / "shipped", default_template()).returncode == 0

    def texts(folder: Path) -> list[str]:
        return [p.text for p in Document(str(folder / "comcec-digital-2022.docx")).paragraphs]

    assert texts(tmp_path / "older") == texts(tmp_path / "shipped")


def test_a_meeting_that_asks_for_them_is_refused_in_one_line(older: Path, tmp_path: Path) -> None:
    result = build(SAMPLES / "trade-wg-14.xlsx", tmp_path, older)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(older))]
    assert lines == [
        f"{older}: the Meeting field title_page asks for a title page and the Meeting field"
        " running_head asks for a running head and the Annexes sheet's Form column asks for"
        " line and statement annexes, which this template cannot print: it was restyled from"
        " an older template — export the shipped template again (`reportkit templates export"
        " DIR`) and restyle it, or leave what asks for it empty"
    ]
    assert not list(tmp_path.glob("*.docx"))
