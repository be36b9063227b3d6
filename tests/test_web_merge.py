"""The secretariat's edited report on the web page: uploaded over the built report, kept when
it would be replaced, merged with the workbook's corrections as tracked changes by the same
build as the command line's; the report's history and the kept copies, and what is refused.

One meeting goes through the whole round once (a build takes LibreOffice seconds): the
sample built, its report downloaded and reworded with python-docx and uploaded back, reworded
again and uploaded over the first edit, the workbook corrected and uploaded."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import httpx2
import pytest
from docx import Document
from starlette.testclient import TestClient

from tests.conftest import SAMPLE
from tests.docx_facts import lines_in_order
from tests.merge_trials import reword
from tests.test_web import TOKEN, built_page, client_of, csrf, upload
from tests.web_pages import links, list_items, paragraphs
from tests.workbooks import set_position

MEETING = "comcec-38"
REPORT = "comcec-digital-2022.docx"
REPORT_URL = f"/meetings/{MEETING}/reports/{REPORT}"
OPENING = "The Meeting started with a recitation from the Holy Quran."
FIRST_EDIT = "The Meeting opened with a recitation from the Holy Quran."
SECOND_EDIT = "The Meeting opened with a recitation from the Holy Quran, as is the custom."
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def reworded(report: bytes, starts: str, text: str) -> bytes:
    """The report with one paragraph reworded, as a person does it in Word."""
    document = Document(io.BytesIO(report))
    reword(starts, text)(document)
    saved = io.BytesIO()
    document.save(saved)
    return saved.getvalue()


def corrected(workbook: bytes, scratch: Path) -> bytes:
    """The workbook with Mr. Deen's position corrected."""
    path = scratch / "corrected.xlsx"
    path.write_bytes(workbook)
    set_position(path, "Senior Director")
    return path.read_bytes()


def upload_report(client: TestClient, name: str, data: bytes) -> httpx2.Response:
    return client.post(
        f"/meetings/{MEETING}/edited",
        data={"csrf": csrf(client)},
        files=[("report", (name, data))],
        follow_redirects=False,
    )


@dataclass(frozen=True)
class Round:
    client: TestClient
    outputs: Path
    first: bytes  # the first edit, as uploaded
    second: bytes  # the second, uploaded over the first before any build merged it
    after_second: str  # the page once the build after the second upload ended
    merged_page: str  # the page once the corrected workbook was built


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory: pytest.TempPathFactory) -> Round:
    folder = tmp_path_factory.mktemp("meetings")
    (folder / MEETING).mkdir()
    client = client_of(folder)
    assert client.get(f"/?token={TOKEN}").status_code == 200
    assert upload(client, [(SAMPLE.name, SAMPLE.read_bytes())]).status_code == 303
    assert f"{SAMPLE.name} (en): built" in built_page(client)

    first = reworded(client.get(REPORT_URL).content, OPENING, FIRST_EDIT)
    assert upload_report(client, REPORT, first).status_code == 303
    built_page(client)
    second = reworded(first, FIRST_EDIT, SECOND_EDIT)
    assert upload_report(client, REPORT, second).status_code == 303
    after_second = built_page(client)

    assert (
        upload(
            client,
            [(SAMPLE.name, corrected(SAMPLE.read_bytes(), tmp_path_factory.mktemp("scratch")))],
        ).status_code
        == 303
    )
    merged_page = built_page(client)
    return Round(client, folder / MEETING / "outputs", first, second, after_second, merged_page)


def test_the_page_lists_what_was_merged_and_where_the_edited_report_was_kept(
    round_trip: Round,
) -> None:
    page = round_trip.merged_page
    assert f"{SAMPLE.name} (en): merged" in page
    applied = list_items(page, "applied")
    assert any("CHRISTOPHER DEEN" in line for line in applied), applied
    (kept_line,) = paragraphs(page, "kept")
    (kept_by_build,) = {  # linked from the outcome and from the list of kept copies
        link
        for link in links(page)
        if link.startswith(f"/meetings/{MEETING}/kept/") and link.rpartition("/")[2] in kept_line
    }
    assert kept_line.startswith("The report as it was before is kept at outputs/.reportkit/kept/")
    assert round_trip.client.get(kept_by_build).content == round_trip.second
    (merged,) = paragraphs(page, "merged")
    assert merged.endswith(REPORT)
    assert links(page).count(REPORT_URL) == 2  # the merged report, and in the list of reports


def test_no_path_of_the_server_is_on_the_page(round_trip: Round) -> None:
    server = str(round_trip.outputs.parent.parent)
    for page in (round_trip.after_second, round_trip.merged_page):
        assert server not in page


def test_the_merged_report_has_the_tracked_corrections_and_the_persons_rewording(
    round_trip: Round,
) -> None:
    document = Document(io.BytesIO(round_trip.client.get(REPORT_URL).content))
    body = document.element.body
    inserted = "".join(t.text or "" for e in body.iter(f"{W}ins") for t in e.iter(f"{W}t"))
    deleted = "".join(t.text or "" for e in body.iter(f"{W}del") for t in e.iter(f"{W}delText"))
    assert "Senior" in inserted
    assert "General" in deleted
    texts = [p.text for p in lines_in_order(document)]
    assert SECOND_EDIT in texts
    assert OPENING not in texts


def test_an_edited_report_not_yet_merged_is_kept_before_an_upload_replaces_it(
    round_trip: Round,
) -> None:
    said = paragraphs(round_trip.after_second, "said")
    assert said[0] == f"{REPORT} uploaded: the build merges the workbook's corrections into it."
    assert said[1].startswith(
        "The report it replaced held changes no build had merged yet: it is kept at "
        "outputs/.reportkit/kept/"
    )
    kept_at = said[1].removesuffix(".").rpartition(" ")[2]
    assert (round_trip.outputs.parent / kept_at).read_bytes() == round_trip.first
    listed = [
        link for link in links(round_trip.merged_page) if f"/meetings/{MEETING}/kept/" in link
    ]
    copies = {round_trip.client.get(link).content for link in listed}
    assert copies == {round_trip.first, round_trip.second}


def test_the_history_page_lists_both_builds_with_what_each_did(round_trip: Round) -> None:
    assert f"/meetings/{MEETING}/history/{REPORT}" in links(round_trip.merged_page)
    page = round_trip.client.get(f"/meetings/{MEETING}/history/{REPORT}")
    assert page.status_code == 200
    headlines = paragraphs(page.text, "build")
    assert [line.split(" — ")[1].split()[0] for line in headlines] == ["built", "merged"]
    assert all(f"from {SAMPLE.name}" in line for line in headlines)
    assert any("CHRISTOPHER DEEN" in line for line in list_items(page.text, "applied"))
    assert str(round_trip.outputs) not in page.text


# Refusals: the report on disk stays as it was


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("minutes.docx", None, "is not one of this meeting's reports (comcec-digital-2022.docx)"),
        (REPORT, b"just some text, not a Word document\n", "was not saved:"),
        ("comcec-digital-2022.xlsx", None, "is not one of this meeting's reports"),
        ("../comcec-digital-2022.docx", None, "is not one of this meeting's reports"),
    ],
)
def test_a_file_that_is_not_one_of_the_meetings_reports_is_refused(
    round_trip: Round, name: str, data: bytes | None, said: str
) -> None:
    before = (round_trip.outputs / REPORT).read_bytes()
    answer = upload_report(round_trip.client, name, data or round_trip.second)
    assert answer.status_code == 400
    (message,) = paragraphs(answer.text, "message")
    assert said in message
    assert "Traceback" not in answer.text
    assert (round_trip.outputs / REPORT).read_bytes() == before


def test_a_macro_enabled_document_under_the_reports_name_is_refused(round_trip: Round) -> None:
    docx_main = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main"
    docm_main = b"application/vnd.ms-word.document.macroEnabled.main"
    target = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(round_trip.second)) as given,
        zipfile.ZipFile(target, "w") as made,
    ):
        for item in given.infolist():
            data = given.read(item)
            if item.filename == "[Content_Types].xml":
                assert docx_main in data
                data = data.replace(docx_main, docm_main)
            made.writestr(item, data)
    docm = target.getvalue()
    before = (round_trip.outputs / REPORT).read_bytes()
    answer = upload_report(round_trip.client, REPORT, docm)
    assert answer.status_code == 400
    assert "macro-enabled Word document" in answer.text
    assert (round_trip.outputs / REPORT).read_bytes() == before


def test_an_upload_without_the_csrf_value_is_403_and_saves_nothing(round_trip: Round) -> None:
    before = (round_trip.outputs / REPORT).read_bytes()
    answer = round_trip.client.post(
        f"/meetings/{MEETING}/edited", files=[("report", (REPORT, round_trip.first))]
    )
    assert answer.status_code == 403
    assert (round_trip.outputs / REPORT).read_bytes() == before


def test_a_report_before_any_build_is_refused(tmp_path: Path) -> None:
    (tmp_path / MEETING).mkdir()
    client = client_of(tmp_path)
    client.get(f"/?token={TOKEN}")
    answer = upload_report(client, REPORT, b"PK")
    assert answer.status_code == 400
    assert "this meeting has no report built yet" in answer.text
    assert list((tmp_path / MEETING).iterdir()) == []


@pytest.fixture
def kept_folder(tmp_path: Path) -> Path:
    """A meeting whose kept/ holds a copy, a link to a secret outside, and a secret beside."""
    kept = tmp_path / "meetings" / MEETING / "outputs" / ".reportkit" / "kept"
    kept.mkdir(parents=True)
    (kept / "report.20260101-120000.docx").write_bytes(b"a kept copy")
    (tmp_path / "secret.docx").write_bytes(b"a secret")
    (kept / "linked.docx").symlink_to(tmp_path / "secret.docx")
    (kept.parent / "state.docx").write_bytes(b"a secret")
    return kept


@pytest.mark.parametrize(
    "path",
    [
        "/meetings/comcec-38/kept/linked.docx",
        "/meetings/comcec-38/kept/..%2Fstate.docx",
        "/meetings/comcec-38/kept/..%2F..%2F..%2F..%2Fsecret.docx",
        "/meetings/comcec-38/kept/%2E%2E%2F%2E%2E%2F..%2F..%2Fsecret.docx",
        "/meetings/comcec-38/kept/..%5Cstate.docx",
        "/meetings/comcec-38/kept/missing.docx",
    ],
)
def test_nothing_but_a_kept_copy_is_served_from_kept(kept_folder: Path, path: str) -> None:
    client = client_of(kept_folder.parents[3])
    client.get(f"/?token={TOKEN}")
    answer = client.get(path)
    assert answer.status_code == 404
    assert b"a secret" not in answer.content
    assert client.get("/meetings/comcec-38/kept/report.20260101-120000.docx").content == (
        b"a kept copy"
    )


def test_a_kept_folder_that_is_a_link_is_neither_listed_nor_served(
    kept_folder: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    kept_folder.rename(elsewhere)
    kept_folder.symlink_to(elsewhere)
    client = client_of(kept_folder.parents[3])
    client.get(f"/?token={TOKEN}")
    page = client.get(f"/meetings/{MEETING}").text
    assert not [link for link in links(page) if "/kept/" in link]
    answer = client.get("/meetings/comcec-38/kept/report.20260101-120000.docx")
    assert answer.status_code == 404


def test_the_history_of_a_report_not_built_is_404(kept_folder: Path) -> None:
    client = client_of(kept_folder.parents[3])
    client.get(f"/?token={TOKEN}")
    for name in ("missing.docx", "..%2F..%2Fsecret.docx"):
        answer = client.get(f"/meetings/{MEETING}/history/{name}")
        assert answer.status_code == 404
        assert str(kept_folder) not in answer.text


def test_the_page_says_what_the_workbook_changed_and_links_the_change_note(
    round_trip: Round,
) -> None:
    page = round_trip.merged_page
    changes = list_items(page, "changes")
    assert any("Senior Director" in line for line in changes), changes
    note = REPORT.removesuffix(".docx") + ".changes.md"
    link = f"/meetings/{MEETING}/notes/{note}"
    assert link in links(page)
    answer = round_trip.client.get(link)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/plain; charset=utf-8"
    assert answer.content == (round_trip.outputs / note).read_bytes()
    assert "Senior Director" in answer.text
    for refused in ("comcec-digital-2022.docx", "..%2Fcomcec-digital-2022.changes.md", "x.md"):
        assert round_trip.client.get(f"/meetings/{MEETING}/notes/{refused}").status_code == 404
