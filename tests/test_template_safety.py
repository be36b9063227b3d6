"""Templates run sandboxed and every value prints literally."""

from __future__ import annotations

from pathlib import Path

from docx import Document

import reportkit
from tests.conftest import SAMPLE
from tests.docx_facts import lines_in_order
from tests.templates import build, template_with
from tests.workbooks import variant, write_workbook


def test_code_execution_in_a_template_is_refused(tmp_path: Path) -> None:
    template = template_with(tmp_path, "{{ cycler.__init__.__globals__.os.popen('id').read() }}")
    result = build(SAMPLE, tmp_path / "out", template)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"{template}: the template tries to reach Python internals (access to attribute '__init__'"
        " of 'type' object is unsafe.), which reportkit refuses — remove that tag from the template"
    ]
    assert not (tmp_path / "out" / "comcec-digital-2022.docx").exists()


def test_unknown_names_and_broken_tags_are_named(tmp_path: Path) -> None:
    template = template_with(tmp_path, "{{ chair_name }}")
    unknown = build(SAMPLE, tmp_path / "out", template)
    assert unknown.returncode == 1
    assert unknown.stderr.splitlines() == [
        f'{template}: body, paragraph 42: unknown name "chair_name" in {{{{ chair_name }}}} — the'
        " names here are: annexes, body, labels, symbol, title"
    ]
    broken = build(SAMPLE, tmp_path / "out", template_with(tmp_path, "{{ title.title }"))
    assert broken.returncode == 1
    assert broken.stderr.splitlines() == [
        f'{template}: body, paragraph 42: the tag "{{{{ title.title }}" is not closed in its'
        " paragraph — end it with }} in the same paragraph, or delete it"
    ]
    assert not (tmp_path / "out").exists()


def test_markup_characters_print_literally(tmp_path: Path) -> None:
    hostile = "R&D <Committee> \"A\" 'B' {{ 7*7 }} {% if %} </w:t></w:r>"
    sheets = variant(
        Report=[["Kind", "Text"], ["paragraph", hostile], ["paragraph", "After"]],
        Participants=[
            ["Delegation", "First name", "Last name", "Position", "Organisation"],
            ["Egypt", "A&B", "<C>", hostile, "x"],
        ],
    )
    out = reportkit.build(write_workbook(tmp_path / "h.xlsx", sheets), tmp_path / "out")
    texts = [p.text for p in lines_in_order(Document(str(out)))]
    assert hostile in texts
    assert "After" in texts
    assert "-A&B <C>" in texts
    assert f"{hostile}, x" in texts
