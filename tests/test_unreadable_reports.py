"""A report the merge cannot read is never replaced: saved as .odt or .doc under the .docx
name, macro-enabled, Strict, damaged inside, or too large — the file stays as it is, one line
says what it is and what to do, the other reports of the batch go on, no traceback.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

import reportkit
from reportkit import InputError, merge
from reportkit.api import build_report
from reportkit.merge.readable import MAX_REPORT_BYTES, MAX_REPORT_XML_BYTES, Unreadable, open_report
from tests.commands import reportkit_cli as cli
from tests.conftest import SAMPLE, soffice_convert
from tests.test_corrections_merge import correct_workbook
from tests.test_ooxml_checks import broken_copy

Parts = dict[str, bytes]
Batch = tuple[Path, Path, dict[str, bytes]]
Run = subprocess.CompletedProcess[str]
_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def macro_enabled(parts: Parts) -> None:
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        _MAIN, b"application/vnd.ms-word.document.macroEnabled.main+xml"
    )


def strict(parts: Parts) -> None:
    """What Word's "Strict Open XML Document" writes: the ISO namespaces throughout."""
    for name, data in parts.items():
        if name.endswith((".xml", ".rels")):
            parts[name] = data.replace(_W, b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            parts[name] = parts[name].replace(
                _R, b"http://purl.oclc.org/ooxml/officeDocument/relationships"
            )


def cut_short(parts: Parts) -> None:
    parts["word/document.xml"] = parts["word/document.xml"][: len(parts["word/document.xml"]) // 2]


def part_missing(parts: Parts) -> None:
    del parts["word/styles.xml"]


def no_body(parts: Parts) -> None:
    parts["word/document.xml"] = re.sub(
        rb"<w:body>.*</w:body>", b"", parts["word/document.xml"], flags=re.S
    )


def no_content_type(parts: Parts) -> None:
    types = parts["[Content_Types].xml"]
    parts["[Content_Types].xml"] = re.sub(
        rb'<Override PartName="/word/document.xml"[^>]*/>', b"", types
    )


def no_content_types(parts: Parts) -> None:
    del parts["[Content_Types].xml"]


def too_large(parts: Parts) -> None:
    """Text enough to pass the zip's own limits and exceed what the merge reads."""
    words = " ".join(f"word{i % 9973}x{i % 7919}" for i in range(40_000))
    paragraph = f"<w:p><w:r><w:t>{words}</w:t></w:r></w:p>".encode()
    copies = MAX_REPORT_XML_BYTES // len(paragraph) + 2
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:body>", b"<w:body>" + paragraph * copies, 1
    )


SURGERY: dict[str, tuple[Callable[[Parts], None], str]] = {
    "macro": (
        macro_enabled,
        "it is a macro-enabled Word document (.docm) saved under the .docx name",
    ),
    "strict": (
        strict,
        "it was saved in Word's Strict Open XML format, which the merge cannot read",
    ),
    "cut": (cut_short, "it is damaged inside (a part is cut short or not well-formed)"),
    "missing": (
        part_missing,
        "it is damaged inside (a part it refers to is missing (word/styles.xml))",
    ),
    "bodiless": (no_body, "it holds no document body"),
    "untyped": (
        no_content_type,
        "its list of parts does not give its main part as a Word document",
    ),
    "typeless": (no_content_types, "its list of parts ([Content_Types].xml) is missing"),
}


def operate(report: Path, surgery: Callable[[Parts], None]) -> None:
    broken_copy(report, report, surgery)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    """One workbook per odd report, and one sound one, built; then every report but the
    sound one's replaced by an odd file as a person's editor or a sync leaves it."""
    folder = tmp_path_factory.mktemp("odd")
    names = ["sound", *SURGERY, "odt", "doc", "huge"]
    (folder / "in").mkdir()
    for name in names:
        shutil.copy(SAMPLE, folder / "in" / f"{name}.xlsx")
    out = folder / "out"
    assert cli("build", str(folder / "in"), "-o", str(out)).returncode == 0
    for name, (surgery, _) in SURGERY.items():
        operate(out / f"{name}.docx", surgery)
    operate(out / "huge.docx", too_large)
    for kind in ("odt", "doc"):
        converted = soffice_convert(out / f"{kind}.docx", kind, folder / kind)
        shutil.copy(converted, out / f"{kind}.docx")
    before = {name: (out / f"{name}.docx").read_bytes() for name in names}
    for workbook in (folder / "in").glob("*.xlsx"):
        correct_workbook(workbook)
    return folder, out, before


@pytest.fixture(scope="module")
def run(batch: Batch) -> subprocess.CompletedProcess[str]:
    folder, out, _ = batch
    return cli("build", str(folder / "in"), "-o", str(out), timeout=300)


EXPECTED = {
    **{name: what for name, (_, what) in SURGERY.items()},
    "odt": "this is an OpenDocument (.odt) text document",
    "doc": "this is an old Word 97–2003 .doc document",
}


@pytest.mark.parametrize("name", [*SURGERY, "odt", "doc"])
def test_an_unreadable_report_stays_and_says_what_it_is(batch: Batch, run: Run, name: str) -> None:
    _, out, before = batch
    report = out / f"{name}.docx"
    assert report.read_bytes() == before[name], "the person's file is left as it is"
    lines = [line for line in run.stderr.splitlines() if line.startswith(f"{report}: ")]
    assert len(lines) == 1, lines
    assert lines[0].startswith(
        f"{report}: cannot merge the workbook's corrections into it: {EXPECTED[name]} — "
    ), lines[0]
    assert "--fresh" in lines[0]


def test_a_huge_report_is_refused_in_one_line(batch: Batch, run: Run) -> None:
    _, out, before = batch
    report = out / "huge.docx"
    assert report.read_bytes() == before["huge"]
    (line,) = [line for line in run.stderr.splitlines() if line.startswith(f"{report}: ")]
    assert line.startswith(f"{report}: the report is too large to merge into: it holds ")
    assert f"at most {MAX_REPORT_XML_BYTES // 2**20} MB" in line


def test_the_other_reports_go_on_and_nothing_crashes(batch: Batch, run: Run) -> None:
    folder, _, _ = batch
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and "bug in reportkit" not in run.stderr
    sound = str(folder / "in" / "sound.xlsx")
    assert any(line.split()[:2] == [sound, "built"] for line in run.stderr.splitlines())
    assert run.stderr.splitlines()[-1].startswith(
        f"1 built, 0 unchanged, {len(EXPECTED) + 1} failed"
    )


def test_fresh_replaces_an_unreadable_report_and_keeps_it(tmp_path: Path) -> None:
    workbook = tmp_path / "meeting.xlsx"
    shutil.copy(SAMPLE, workbook)
    report = reportkit.build(workbook, tmp_path / "out")
    operate(report, strict)
    person = report.read_bytes()
    result = cli("build", str(workbook), "-o", str(tmp_path / "out"), "--fresh")
    assert result.returncode == 0, result.stderr
    (kept,) = (tmp_path / "out" / ".reportkit" / "kept").iterdir()
    assert kept.read_bytes() == person


def test_a_report_over_the_size_bound_is_refused_before_it_is_opened() -> None:
    oversized = b"PK\x03\x04" + bytes(MAX_REPORT_BYTES)
    with pytest.raises(Unreadable) as refused:
        open_report(oversized)
    assert refused.value.problem.message == (
        f"the report is too large to merge into: the file is {MAX_REPORT_BYTES // 2**20} MB, "
        f"at most {MAX_REPORT_BYTES // 2**20} MB"
    )


def test_a_merge_past_its_time_is_stopped_and_said_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = tmp_path / "meeting.xlsx"
    shutil.copy(SAMPLE, workbook)
    report = reportkit.build(workbook, tmp_path / "out")
    operate(report, lambda parts: None)  # saved by another program: the person's copy
    person = report.read_bytes()
    correct_workbook(workbook)
    monkeypatch.setattr(merge, "MERGE_SECONDS", 0.001)

    with pytest.raises(InputError) as refused:
        build_report(workbook, tmp_path / "out")

    (problem,) = refused.value.problems
    assert problem.message == "the report is too large to merge into: merging it took over 0.001 s"
    assert report.read_bytes() == person
