"""The benchmark's check of the plain pipeline and its JavaScript peers (benchmarks/listed.py):
it passes their real reports of a generated meeting and fails a report whose list of
participants has lost or reordered a delegate, so that a pipeline doing less work can never
pass for a faster one. Times are never asserted here; benchmarks/ measures them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from benchmarks.js_peers import PEERS, node_peers, peer_command
from benchmarks.listed import HEADING, check_listed, expected_list
from benchmarks.meetings import generate
from benchmarks.peer_templates import make_peer_template
from benchmarks.plain_template import make_template
from benchmarks.xlsx import write_both

ROOT = Path(__file__).resolve().parents[1]
DELEGATES = 200


@pytest.fixture(scope="module")
def meeting(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The workbook of a generated meeting (as Excel saves it) and its expected list."""
    sheets = generate(DELEGATES).sheets
    shared, _ = write_both(tmp_path_factory.mktemp("meeting"), "meeting", sheets)
    return shared, expected_list(sheets["Participants"])


@pytest.fixture(scope="module")
def plain_report(meeting: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plain")
    template, out = make_template(folder / "template.docx"), folder / "plain.docx"
    script = ROOT / "benchmarks" / "plain.py"
    subprocess.run([sys.executable, str(script), meeting[0], template, out], check=True)
    return out


def test_plain_pipeline_lists_every_delegate_once_in_order(
    meeting: tuple[Path, list[str]], plain_report: Path
) -> None:
    check_listed(plain_report, meeting[1])


@pytest.mark.parametrize("peer", PEERS)
def test_peer_lists_every_delegate_once_in_order(
    peer: str, meeting: tuple[Path, list[str]], tmp_path: Path
) -> None:
    if peer not in node_peers(lambda _: None):
        pytest.skip("Node.js or the peers' packages (npm ci in benchmarks/peers) are missing")
    template, out = make_peer_template(peer, tmp_path / "template.docx"), tmp_path / "out.docx"
    subprocess.run([str(a) for a in peer_command(peer, meeting[0], template, out)], check=True)
    check_listed(out, meeting[1])


def _edited(report: Path, target: Path, edit: str) -> Path:
    """`report` with its first delegation's first delegate removed, or moved after the
    second, edited as a person would in Word: whole paragraphs moved or deleted."""
    document = Document(str(report))
    texts = [p.text for p in document.paragraphs]
    first = document.paragraphs[texts.index(HEADING) + 2]  # the heading, a delegation, then "-NAME"
    details = first._p.getnext()
    if edit == "left out":
        for element in (first._p, details):
            element.getparent().remove(element)
    else:
        after = details.getnext().getnext()  # the second delegate's details
        after.addnext(details)
        after.addnext(first._p)
    document.save(str(target))
    return target


@pytest.mark.parametrize("edit", ["left out", "moved"])
def test_check_fails_a_list_that_lost_or_moved_a_delegate(
    edit: str, meeting: tuple[Path, list[str]], plain_report: Path, tmp_path: Path
) -> None:
    edited = _edited(plain_report, tmp_path / "edited.docx", edit)
    with pytest.raises(AssertionError, match="line 2 of the list"):
        check_listed(edited, meeting[1])
